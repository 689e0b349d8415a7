package io.augmill.pipeline.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobRunTest {

  /** What the job's worker saw under the scratch parent while it ran (embedded Flink runs in this JVM). */
  static final ConcurrentLinkedQueue<String> SEEN = new ConcurrentLinkedQueue<>();

  @TempDir Path tmp;

  @Test
  void embeddedFlinkKeepsItsWorkingFilesInAScratchDirectoryThatIsRemovedAfterwards() throws IOException {
    Path parent = Files.createDirectories(tmp.resolve("scratch-parent"));
    RunnerChoice flink = RunnerChoice.flinkLocal(1);
    Pipeline p = pipelineFor(flink);
    p.apply(Create.of(List.of(1, 2, 3))).apply(ParDo.of(new ListScratch(parent.toString())));
    SEEN.clear();

    JobSummary summary = JobRun.run(p, flink, OptionalLong.of(3), false, parent);

    assertThat(summary).isNotNull();
    assertThat(SEEN).as("Flink's working files, seen from inside the job")
        .anyMatch(f -> f.contains("/tmp/flink-rpc-akka")).anyMatch(f -> f.contains("/tmp/minicluster_"));
    try (Stream<Path> left = Files.list(parent)) {
      assertThat(left).as("left in the scratch parent after the job").isEmpty();
    }
  }

  @Test
  void theDirectRunnerNeedsNoScratchDirectory() throws IOException {
    Path parent = Files.createDirectories(tmp.resolve("unused"));
    RunnerChoice direct = RunnerChoice.direct(1);
    Pipeline p = pipelineFor(direct);
    p.apply(Create.of(List.of(1)));
    JobRun.run(p, direct, OptionalLong.of(1), false, parent);
    try (Stream<Path> left = Files.list(parent)) {
      assertThat(left).isEmpty();
    }
  }

  private static Pipeline pipelineFor(RunnerChoice runner) {
    PipelineOptions o = PipelineOptionsFactory.create();
    runner.configure(o);
    return Pipeline.create(o);
  }

  /** Lists every path under a directory into {@link #SEEN}. */
  static final class ListScratch extends DoFn<Integer, Integer> {
    private static final long serialVersionUID = 1L;
    private final String dir;

    ListScratch(String dir) {
      this.dir = dir;
    }

    @ProcessElement
    public void process(@Element Integer x, OutputReceiver<Integer> out) {
      try (Stream<Path> all = Files.walk(Path.of(dir))) {
        all.forEach(f -> SEEN.add(f.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.output(x);
    }
  }
}
