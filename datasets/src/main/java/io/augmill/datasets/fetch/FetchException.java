package io.augmill.datasets.fetch;

import java.io.IOException;

/** A fetch that failed (HTTP error, checksum mismatch, corrupt archive, existing files); nothing was written. */
public final class FetchException extends IOException {

  private static final long serialVersionUID = 1L;

  /** @param message what failed, naming the URL or file */
  public FetchException(String message) {
    super(message);
  }

  /** @param message what failed, naming the URL or file; @param cause the underlying error */
  public FetchException(String message, Throwable cause) {
    super(message, cause);
  }
}
