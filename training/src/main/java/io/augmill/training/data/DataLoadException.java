package io.augmill.training.data;

/** A record or file could not be read or decoded; the message names it. */
public class DataLoadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** With a message naming the file or record and a cause. */
  public DataLoadException(String message, Throwable cause) {
    super(message, cause);
  }

  /** With a message naming the file or record. */
  public DataLoadException(String message) {
    super(message);
  }
}
