package io.augmill.pipeline.image;

import java.io.Serializable;
import java.util.Comparator;

/**
 * An input or a single variant that was not written, with the reason.
 *
 * @param key stable source key
 * @param location where the input came from
 * @param variant the variant index, or null when the whole input was rejected (before augmentation)
 * @param reason machine-readable reason, e.g. {@code undecodable}, {@code too-large}, {@code augment-failed}
 * @param message what went wrong, for people
 */
public record Rejected(String key, String location, Integer variant, String reason, String message)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Reason: more pixels than the configured limit. */
  public static final String TOO_LARGE = "too-large";
  /** Reason: raw pixels whose length does not match their geometry. */
  public static final String BAD_RAW = "bad-raw-pixels";
  /** Reason: the policy threw for this variant. */
  public static final String AUGMENT_FAILED = "augment-failed";
  /** Reason: the encoder threw for this variant. */
  public static final String ENCODE_FAILED = "encode-failed";

  /** Order used for the rejected-records file: by key, whole inputs before variants, then by variant. */
  public static final Comparator<Rejected> ORDER = Comparator.comparing(Rejected::key)
      .thenComparing(Rejected::variant, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Rejected::reason)
      .thenComparing(Rejected::location);

  /** True when the whole input was rejected, false for a single variant. */
  public boolean wholeInput() {
    return variant == null;
  }
}
