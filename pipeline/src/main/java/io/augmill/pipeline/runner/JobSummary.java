package io.augmill.pipeline.runner;

import io.augmill.pipeline.image.PipelineMetrics;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.metrics.MetricQueryResults;
import org.apache.beam.sdk.metrics.MetricResult;
import org.apache.beam.sdk.metrics.MetricsFilter;

/**
 * The Augmill counters of a finished job (summed over steps) and how long it ran.
 *
 * @param counters counter name to value, sorted by name
 * @param elapsed wall time from submission to completion
 */
public record JobSummary(Map<String, Long> counters, Duration elapsed) {

  /** Reads the Augmill counters (attempted values, which every runner reports) from a result. */
  public static JobSummary of(PipelineResult result, Duration elapsed) {
    return new JobSummary(counters(result), elapsed);
  }

  /** The Augmill counters of a running or finished job. */
  public static Map<String, Long> counters(PipelineResult result) {
    Map<String, Long> out = new TreeMap<>();
    MetricQueryResults metrics = result.metrics().queryMetrics(MetricsFilter.builder().build());
    for (MetricResult<Long> c : metrics.getCounters()) {
      if (c.getName().getNamespace().equals(PipelineMetrics.NAMESPACE)) {
        Long value = c.getAttempted();
        out.merge(c.getName().getName(), value == null ? 0L : value, Long::sum);
      }
    }
    return out;
  }

  /** A counter's value, 0 when it never moved. */
  public long count(String name) {
    return counters.getOrDefault(name, 0L);
  }

  /** One line per counter, {@code name = value}, for the end-of-job report on stderr. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    counters.forEach((k, v) -> sb.append("  ").append(k).append(" = ").append(v).append('\n'));
    sb.append(String.format("  elapsed = %.1f s", elapsed.toMillis() / 1000.0));
    return sb.toString();
  }
}
