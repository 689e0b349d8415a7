package io.augmill.pipeline.runner;

import io.augmill.pipeline.image.PipelineMetrics;
import io.augmill.pipeline.source.LiveReadCount;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/**
 * Runs a built pipeline to completion with progress reporting, and turns failure into one exception.
 * Embedded Flink runs with a private scratch directory that is removed afterwards ({@link FlinkScratch}).
 * Progress lines come from the DirectRunner's live counters, or, on embedded Flink, from the count of
 * records its Read steps read in this JVM ({@link LiveReadCount}); a remote cluster's workers are out of
 * reach, so for those one line points to the cluster's web UI instead.
 */
public final class JobRun {

  /** Seconds between progress lines. */
  static final int PROGRESS_PERIOD_SECONDS = 5;

  private JobRun() {}

  /**
   * Runs {@code p} and waits for it.
   *
   * @param runner the runner the pipeline's options were configured for
   * @param expected number of inputs, for the ETA
   * @param progress print progress lines to stderr (DirectRunner and embedded Flink)
   * @throws IllegalStateException when the job fails or ends in a state other than DONE, with the cause
   */
  public static JobSummary run(Pipeline p, RunnerChoice runner, OptionalLong expected, boolean progress) {
    return run(p, runner, expected, progress ? System.err : null, Path.of(System.getProperty("java.io.tmpdir")),
        PROGRESS_PERIOD_SECONDS);
  }

  /**
   * As {@link #run(Pipeline, RunnerChoice, OptionalLong, boolean)}, with embedded Flink's scratch space under
   * {@code scratchParent}, progress lines to {@code progress} (none when null) every {@code periodSeconds}.
   */
  static JobSummary run(Pipeline p, RunnerChoice runner, OptionalLong expected, PrintStream progress,
      Path scratchParent, int periodSeconds) {
    if (runner.isDirect() || runner.isRemoteFlink()) {
      return runAndWait(p, runner, expected, progress, periodSeconds);
    }
    try (FlinkScratch scratch = FlinkScratch.create(scratchParent, p.getOptions().as(FlinkPipelineOptions.class))) {
      return runAndWait(p, runner, expected, progress, periodSeconds);
    }
  }

  private static JobSummary runAndWait(Pipeline p, RunnerChoice runner, OptionalLong expected, PrintStream progress,
      int periodSeconds) {
    long start = System.nanoTime();
    PipelineResult result;
    PipelineResult.State state;
    try {
      if (progress != null && runner.isDirect()) {
        result = p.run();
        try (ProgressReporter reporter = new ProgressReporter(result, expected, progress, periodSeconds)) {
          state = result.waitUntilFinish();
        }
      } else if (progress != null && !runner.isRemoteFlink()) {
        // Embedded Flink: run() blocks until the job ends, so the reporter starts first.
        try (LiveReadCount read = LiveReadCount.open(p.getOptions());
            ProgressReporter reporter = new ProgressReporter(() -> Map.of(PipelineMetrics.READ, read.get()),
                expected, progress, periodSeconds)) {
          result = p.run();
          state = result.waitUntilFinish();
        }
      } else {
        if (progress != null) {
          progress.println("progress: the job runs on the cluster at " + runner.flinkMaster()
              + "; follow it in the cluster's web UI, http://" + runner.flinkMaster() + "/");
        }
        result = p.run();
        state = result.waitUntilFinish();
      }
    } catch (RuntimeException e) {
      throw new IllegalStateException(rootMessage(e), e);
    }
    if (state != PipelineResult.State.DONE) {
      throw new IllegalStateException("job ended in state " + state);
    }
    return JobSummary.of(result, Duration.ofNanos(System.nanoTime() - start));
  }

  /** The innermost cause's message: what actually went wrong on the worker. */
  static String rootMessage(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    return root.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }
}
