package io.augmill.pipeline.image;

import java.io.Serializable;
import java.util.Objects;

/**
 * Placeholder mirror of the datasets module's source record until it lands.
 */
public record SourceImage(String key, int label, int coarseLabel, String location, byte[] data, boolean raw,
    int width, int height, int channels, String failureReason, String failureMessage) implements Serializable {

  /** Requires key, location, data. */
  public SourceImage {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(data, "data");
  }

  /** Encoded. */
  public static SourceImage encoded(String key, int label, String location, byte[] bytes) {
    return new SourceImage(key, label, -1, location, bytes, false, 0, 0, 0, null, null);
  }

  /** Raw. */
  public static SourceImage pixels(String key, int label, int coarseLabel, String location, byte[] pixels,
      int width, int height, int channels) {
    return new SourceImage(key, label, coarseLabel, location, pixels, true, width, height, channels, null, null);
  }

  /** Failed. */
  public static SourceImage failed(String key, int label, String location, String reason, String message) {
    return new SourceImage(key, label, -1, location, new byte[0], false, 0, 0, 0, reason, message);
  }

  /** Failed?. */
  public boolean failed() {
    return failureReason != null;
  }
}
