package io.augmill.pipeline.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;

class RunnerChoiceTest {

  @Test
  void configuresTheDirectRunnerNonBlockingWithoutPerElementCopies() {
    PipelineOptions o = PipelineOptionsFactory.create();
    RunnerChoice.direct(3).configure(o);
    assertThat(o.getRunner()).isEqualTo(DirectRunner.class);
    DirectOptions d = o.as(DirectOptions.class);
    assertThat(d.isBlockOnRun()).isFalse();
    assertThat(d.isEnforceImmutability()).isFalse();
    assertThat(d.getTargetParallelism()).isEqualTo(3);
  }

  @Test
  void configuresFlinkLocalAndStagesTheJarForACluster() {
    PipelineOptions local = PipelineOptionsFactory.create();
    RunnerChoice.flinkLocal(2).configure(local);
    assertThat(local.getRunner()).isEqualTo(FlinkRunner.class);
    assertThat(local.as(FlinkPipelineOptions.class).getFlinkMaster()).isEqualTo("[local]");
    assertThat(local.as(FlinkPipelineOptions.class).getParallelism()).isEqualTo(2);

    PipelineOptions remote = PipelineOptionsFactory.create();
    new RunnerChoice("flink", "127.0.0.1:8081", 4, Path.of("/jobs/bundle.jar")).configure(remote);
    FlinkPipelineOptions f = remote.as(FlinkPipelineOptions.class);
    assertThat(f.getFlinkMaster()).isEqualTo("127.0.0.1:8081");
    assertThat(f.getFilesToStage()).containsExactly("/jobs/bundle.jar");
  }

  @Test
  void rejectsBadValuesNamingTheOption() {
    assertThatThrownBy(() -> new RunnerChoice("spark", null, 1, null)).hasMessageStartingWith("--runner");
    assertThatThrownBy(() -> new RunnerChoice("flink", "nohost", 1, null)).hasMessageStartingWith("--flink-master");
    assertThatThrownBy(() -> RunnerChoice.direct(0)).hasMessageStartingWith("--parallelism");
    assertThatThrownBy(() -> new RunnerChoice("flink", "h:1", 1, null).configure(PipelineOptionsFactory.create()))
        .hasMessageContaining("bundled job jar");
  }

  @Test
  void progressLineShowsRateAndEta() {
    String line = ProgressReporter.line(Map.of("read", 100L, "written", 0L), 10, OptionalLong.of(400));
    assertThat(line).isEqualTo("progress: 100/400 images read, 10.0 images/s, ETA 0:30");
    assertThat(ProgressReporter.line(Map.of("read", 5L, "written", 7L), 0, OptionalLong.empty()))
        .isEqualTo("progress: 5 images read, 0.0 images/s, 7 records written");
  }
}
