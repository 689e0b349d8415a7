package io.augmill.pipeline.runner;

import io.augmill.pipeline.image.PipelineMetrics;
import java.io.PrintStream;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.beam.sdk.PipelineResult;

/**
 * Prints a progress line (images read, images/s, ETA when the input size is known) every few seconds
 * while a job runs, from counters read on each tick: the DirectRunner's live Beam counters, or embedded
 * Flink's {@link io.augmill.pipeline.source.LiveReadCount} (Flink's Beam counters arrive only at the end).
 */
public final class ProgressReporter implements AutoCloseable {

  private final Supplier<Map<String, Long>> counters;
  private final OptionalLong expected;
  private final PrintStream out;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService timer;

  /**
   * Starts reporting a running job's live Beam counters.
   *
   * @param result the running job
   * @param expected the number of inputs, when the source knows it
   * @param out where lines go (stderr for the CLI)
   * @param periodSeconds seconds between lines
   */
  public ProgressReporter(PipelineResult result, OptionalLong expected, PrintStream out, int periodSeconds) {
    this(() -> JobSummary.counters(result), expected, out, periodSeconds);
  }

  /**
   * Starts reporting counters read from {@code counters} on each tick (at least {@link PipelineMetrics#READ}).
   *
   * @param counters the counters by name, read on each tick
   * @param expected the number of inputs, when the source knows it
   * @param out where lines go (stderr for the CLI)
   * @param periodSeconds seconds between lines
   */
  public ProgressReporter(Supplier<Map<String, Long>> counters, OptionalLong expected, PrintStream out,
      int periodSeconds) {
    this.counters = counters;
    this.expected = expected;
    this.out = out;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "augmill-progress");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleAtFixedRate(this::report, periodSeconds, periodSeconds, TimeUnit.SECONDS);
  }

  /** Formats one progress line from counter values and elapsed seconds. */
  public static String line(Map<String, Long> counters, double seconds, OptionalLong expected) {
    long read = counters.getOrDefault(PipelineMetrics.READ, 0L);
    long written = counters.getOrDefault(PipelineMetrics.WRITTEN, 0L);
    double rate = seconds > 0 ? read / seconds : 0;
    StringBuilder sb = new StringBuilder("progress: ").append(read);
    expected.ifPresent(n -> sb.append('/').append(n));
    sb.append(String.format(" images read, %.1f images/s", rate));
    if (written > 0) {
      sb.append(", ").append(written).append(" records written");
    }
    if (expected.isPresent() && rate > 0 && read < expected.getAsLong()) {
      long eta = Math.round((expected.getAsLong() - read) / rate);
      sb.append(String.format(", ETA %d:%02d", eta / 60, eta % 60));
    }
    return sb.toString();
  }

  private void report() {
    try {
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      out.println(line(counters.get(), seconds, expected));
    } catch (RuntimeException e) {
      // Metrics can be momentarily unavailable while the runner commits a bundle; the next tick retries.
    }
  }

  /** Stops reporting. */
  @Override
  public void close() {
    timer.shutdownNow();
    try {
      // A line being printed as the job ends finishes before the caller prints its summary.
      timer.awaitTermination(1, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
