package io.augmill.pipeline.runner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/**
 * Runs a built pipeline to completion with progress reporting, and turns failure into one exception.
 * Embedded Flink runs with a private scratch directory that is removed afterwards ({@link FlinkScratch}).
 */
public final class JobRun {

  private JobRun() {}

  /**
   * Runs {@code p} and waits for it.
   *
   * @param runner the runner the pipeline's options were configured for
   * @param expected number of inputs, for the ETA
   * @param progress print progress lines to stderr (DirectRunner only: its counters are live)
   * @throws IllegalStateException when the job fails or ends in a state other than DONE, with the cause
   */
  public static JobSummary run(Pipeline p, RunnerChoice runner, OptionalLong expected, boolean progress) {
    return run(p, runner, expected, progress, Path.of(System.getProperty("java.io.tmpdir")));
  }

  /** As {@link #run(Pipeline, RunnerChoice, OptionalLong, boolean)}, with embedded Flink's scratch space under {@code scratchParent}. */
  static JobSummary run(Pipeline p, RunnerChoice runner, OptionalLong expected, boolean progress, Path scratchParent) {
    if (runner.isDirect() || runner.isRemoteFlink()) {
      return runAndWait(p, runner, expected, progress);
    }
    try (FlinkScratch scratch = FlinkScratch.create(scratchParent, p.getOptions().as(FlinkPipelineOptions.class))) {
      return runAndWait(p, runner, expected, progress);
    }
  }

  private static JobSummary runAndWait(Pipeline p, RunnerChoice runner, OptionalLong expected, boolean progress) {
    long start = System.nanoTime();
    PipelineResult result;
    PipelineResult.State state;
    try {
      result = p.run();
      if (progress && runner.isDirect()) {
        ProgressReporter reporter = new ProgressReporter(result, expected, System.err, 5);
        try {
          state = result.waitUntilFinish();
        } finally {
          reporter.close();
        }
      } else {
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
