package io.augmill.pipeline.preprocess;

import io.augmill.pipeline.source.SourceOptions;
import org.apache.beam.sdk.options.Default;
import org.apache.beam.sdk.options.Description;
import org.apache.beam.sdk.options.Validation;

/** Options of the preprocess job ({@code augmill preprocess}). */
public interface PreprocessOptions extends SourceOptions {

  /** Output directory of the shard set. */
  @Description("Output directory: shards, .idx files, manifest.json, rejected/")
  @Validation.Required
  String getOutput();

  /** Sets {@link #getOutput()}. */
  void setOutput(String output);

  /** Policy name, compact string or YAML/JSON file. */
  @Description("Augmentation policy: a built-in name, a compact string such as rand-m9-n2, or a YAML/JSON file")
  @Validation.Required
  String getPolicy();

  /** Sets {@link #getPolicy()}. */
  void setPolicy(String policy);

  /** Augmented copies per input. */
  @Description("Augmented variants written per input image")
  @Default.Integer(1)
  int getVariants();

  /** Sets {@link #getVariants()}. */
  void setVariants(int variants);

  /** Also write the unaugmented input as variant 0. */
  @Description("Also write the un-augmented image as variant 0")
  @Default.Boolean(false)
  boolean getKeepOriginal();

  /** Sets {@link #getKeepOriginal()}. */
  void setKeepOriginal(boolean keepOriginal);

  /** Shard count. */
  @Description("Number of shard files")
  @Default.Integer(4)
  int getShards();

  /** Sets {@link #getShards()}. */
  void setShards(int shards);

  /** Global seed. */
  @Description("Global seed; each draw uses the generator of (seed, image key, variant)")
  @Default.Long(0)
  long getSeed();

  /** Sets {@link #getSeed()}. */
  void setSeed(long seed);

  /** Output codec. */
  @Description("Codec of the written images: png, jpeg or raw")
  @Default.String("png")
  String getCodec();

  /** Sets {@link #getCodec()}. */
  void setCodec(String codec);

  /** JPEG quality. */
  @Description("JPEG quality 1-100 (codec jpeg)")
  @Default.Integer(95)
  int getJpegQuality();

  /** Sets {@link #getJpegQuality()}. */
  void setJpegQuality(int jpegQuality);

  /** Whether to print a progress line on the DirectRunner. */
  @Description("Print a progress line every few seconds (DirectRunner)")
  @Default.Boolean(true)
  boolean getProgress();

  /** Sets {@link #getProgress()}. */
  void setProgress(boolean progress);
}
