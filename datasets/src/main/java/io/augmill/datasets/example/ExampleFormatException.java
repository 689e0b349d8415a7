package io.augmill.datasets.example;

/**
 * A payload that is not a {@code tf.train.Example} with the features Augmill needs: not protobuf, a
 * missing or mistyped feature, or an invalid value. The message names the feature involved; readers add
 * the file and record index. {@link #reason()} is short and machine-readable.
 */
public final class ExampleFormatException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Reason: the bytes do not parse as a protobuf Example. */
  public static final String NOT_AN_EXAMPLE = "not-an-example";
  /** Reason: a required feature is absent. */
  public static final String MISSING_FEATURE = "missing-feature";
  /** Reason: a feature has the wrong kind, count or value. */
  public static final String INVALID_FEATURE = "invalid-feature";

  private final String reason;

  /**
   * @param reason one of the reason constants
   * @param message what is wrong, naming the feature
   * @param cause the underlying error, or null
   */
  public ExampleFormatException(String reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** The machine-readable reason. */
  public String reason() {
    return reason;
  }
}
