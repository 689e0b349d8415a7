package io.augmill.pipeline.stats;

import io.augmill.pipeline.source.SourceOptions;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of the stats job ({@code augmill stats}). */
public interface StatsOptions extends SourceOptions {

  /** Where the statistics JSON goes. */
  @Description("Output JSON file: per-channel mean/std, covariance and its eigen-decomposition (0-1 scale)")
  @Validation.Required
  String getOutput();

  /** Sets {@link #getOutput()}. */
  void setOutput(String output);
}
