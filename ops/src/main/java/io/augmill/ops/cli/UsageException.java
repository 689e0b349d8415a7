package io.augmill.ops.cli;

/** A bad option value found after parsing (an invalid op spec, an unknown policy): exit code 2. */
public final class UsageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** @param message one line naming the option and what would be valid */
  public UsageException(String message) {
    super(message);
  }

  /** @param message one line naming the option and what would be valid; @param cause the detail */
  public UsageException(String message, Throwable cause) {
    super(message, cause);
  }
}
