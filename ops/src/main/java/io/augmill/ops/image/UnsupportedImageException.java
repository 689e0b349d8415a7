package io.augmill.ops.image;

/**
 * An image that cannot be used: undecodable bytes, an unsupported bit depth or channel count. Carries a
 * short machine-readable {@link #reason()} (e.g. {@code undecodable}, {@code unsupported-depth}) that batch
 * jobs count rejected records by.
 */
public final class UnsupportedImageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Reason: the bytes are empty. */
  public static final String EMPTY = "empty";
  /** Reason: no codec could decode the bytes. */
  public static final String UNDECODABLE = "undecodable";
  /** Reason: not 8 bits per channel (16-bit, float). */
  public static final String UNSUPPORTED_DEPTH = "unsupported-depth";
  /** Reason: a channel count other than 1, 3 or 4. */
  public static final String UNSUPPORTED_CHANNELS = "unsupported-channels";

  private final String reason;

  /**
   * @param reason the machine-readable reason
   * @param message what went wrong, naming the image
   */
  public UnsupportedImageException(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  /** The machine-readable reason. */
  public String reason() {
    return reason;
  }
}
