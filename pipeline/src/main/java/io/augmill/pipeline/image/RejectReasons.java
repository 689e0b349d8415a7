package io.augmill.pipeline.image;

/**
 * The pipeline's own rejection reasons, next to the decoder's ({@code empty}, {@code undecodable},
 * {@code unsupported-depth}, {@code unsupported-channels}) and the sources' (e.g. {@code unreadable}).
 */
public final class RejectReasons {

  /** More pixels than the configured limit ({@code --max-pixels}). */
  public static final String TOO_LARGE = "too-large";
  /** Raw pixels whose length does not match their geometry. */
  public static final String BAD_RAW = "bad-raw-pixels";
  /** The policy threw for this variant. */
  public static final String AUGMENT_FAILED = "augment-failed";
  /** The encoder threw for this variant. */
  public static final String ENCODE_FAILED = "encode-failed";

  private RejectReasons() {}
}
