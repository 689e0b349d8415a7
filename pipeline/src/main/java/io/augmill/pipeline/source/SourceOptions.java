package io.augmill.pipeline.source;

import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.Validation;

/** Options of every job that reads a dataset: the source, its split and the decode limit. */
public interface SourceOptions extends PipelineOptions {

  /** The {@code SRC} string. */
  @Description("Source: cifar10:DIR, cifar100:DIR, idx:DIR, folder:DIR, synthetic:shapes[?count=N&size=S&seed=K], "
      + "tfrecord:DIR, or an image file")
  @Validation.Required
  String getInput();

  /** Sets {@link #getInput()}. */
  void setInput(String input);

  /** {@code train} or {@code test}. */
  @Description("Split to read where the source has several: train or test")
  @Default.String("train")
  String getSplit();

  /** Sets {@link #getSplit()}. */
  void setSplit(String split);

  /** Largest accepted {@code width * height}; larger inputs are rejected as {@code too-large}. */
  @Description("Reject images with more pixels than this (decompression bombs); checked from the header where possible")
  @Default.Long(89_478_485L)
  long getMaxPixels();

  /** Sets {@link #getMaxPixels()}. */
  void setMaxPixels(long maxPixels);
}
