package io.augmill.pipeline.runner;

import static org.assertj.core.api.Assertions.assertThat;

import io.augmill.datasets.source.DataSource;
import io.augmill.datasets.source.SourceRecord;
import io.augmill.pipeline.source.InputSource;
import io.augmill.pipeline.source.ReadImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

    JobSummary summary = JobRun.run(p, flink, OptionalLong.of(3), null, parent, 5);

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
    JobRun.run(p, direct, OptionalLong.of(1), null, parent, 5);
    try (Stream<Path> left = Files.list(parent)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void embeddedFlinkPrintsProgressFromTheRecordsItsWorkersReadInThisJvm() throws Exception {
    List<String> progress = progressLines(RunnerChoice.flinkLocal(2), 40);
    assertThat(progress).as("one line a second while the job ran (40 x 100 ms on 2 workers, plus start-up)")
        .hasSizeGreaterThanOrEqualTo(2).allMatch(l -> l.matches("progress: \\d+/40 images read, .*"));
    List<Long> read = progress.stream().map(l -> Long.parseLong(l.substring(10, l.indexOf('/')))).toList();
    assertThat(read).as("records read, as the lines went").isSorted().allMatch(n -> n <= 40).anyMatch(n -> n > 0);
  }

  @Test
  void directRunnerProgressComesFromItsLiveCounters() throws Exception {
    assertThat(progressLines(RunnerChoice.direct(1), 25)).isNotEmpty()
        .allMatch(l -> l.matches("progress: \\d+/25 images read, .*"));
  }

  /** Runs a slow job reading {@code count} synthetic images with a progress line every second; returns the lines. */
  private List<String> progressLines(RunnerChoice runner, int count) throws Exception {
    Pipeline p = pipelineFor(runner);
    DataSource data = InputSource.open("synthetic:shapes?count=" + count + "&size=8&seed=1", "train");
    p.apply(ReadImages.forWorkers(data, runner.parallelism())).apply(ParDo.of(new Slow()));
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    JobRun.run(p, runner, OptionalLong.of(count), new PrintStream(lines, true, StandardCharsets.UTF_8),
        Files.createDirectories(tmp.resolve("scratch")), 1);
    return lines.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void aSessionClusterJobGetsOneLinePointingToTheClustersWebUi() throws Exception {
    RunnerChoice remote = new RunnerChoice("flink", "127.0.0.1:18081", 1, tmp.resolve("job.jar"));
    // The pipeline itself runs on the DirectRunner here (no cluster in a unit test); JobRun decides what to
    // report from the runner choice alone.
    Pipeline p = pipelineFor(RunnerChoice.direct(1));
    p.apply(Create.of(List.of(1, 2)));
    ByteArrayOutputStream lines = new ByteArrayOutputStream();

    JobRun.run(p, remote, OptionalLong.of(2), new PrintStream(lines, true, StandardCharsets.UTF_8), tmp, 1);

    assertThat(lines.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
        "progress: the job runs on the cluster at 127.0.0.1:18081; follow it in the cluster's web UI, http://127.0.0.1:18081/");
  }

  /** Takes 100 ms a record, so a job lasts a few progress periods. */
  static final class Slow extends DoFn<SourceRecord, String> {
    private static final long serialVersionUID = 1L;

    @ProcessElement
    public void process(@Element SourceRecord r, OutputReceiver<String> out) throws InterruptedException {
      Thread.sleep(100);
      out.output(r.key());
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
