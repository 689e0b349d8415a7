package io.augmill.pipeline.source;

import io.augmill.datasets.source.DataSource;
import io.augmill.datasets.source.Sources;
import java.io.IOException;

/** Opens {@code --input SRC} for the jobs, turning every problem into an error that names {@code --input}. */
public final class InputSource {

  private InputSource() {}

  /**
   * Opens a source.
   *
   * @throws IllegalArgumentException naming {@code --input} (or {@code --split}) and what is wrong
   */
  public static DataSource open(String src, String split) {
    try {
      return Sources.open(src, split);
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      throw new IllegalArgumentException(message.startsWith("--") ? message : "--input: " + message, e);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("--input " + src + ": " + e.getMessage(), e);
    }
  }
}
