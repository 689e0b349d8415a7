package io.augmill.pipeline.image;

import java.io.Serializable;
import java.util.Objects;

/**
 * One input as read from a source, before decoding: either encoded file bytes (PNG, JPEG, BMP, ...)
 * or raw 8-bit pixels for sources that store them that way (CIFAR, IDX).
 *
 * @param key stable source key, unique within the source (seeds the augmentation and orders records)
 * @param location where the input came from, for rejected records (file path, or file and index)
 * @param label class index, 0-based
 * @param data encoded bytes, or raw HWC pixels when {@code raw} is set
 * @param raw geometry of raw pixels, or null when {@code data} is an encoded image
 */
public record SourceImage(String key, String location, int label, byte[] data, RawGeometry raw) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Geometry of raw pixels: channels may be 1, 3 or 4 (alpha is dropped on decode). */
  public record RawGeometry(int width, int height, int channels) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** Requires a key, a location and data. */
  public SourceImage {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(data, "data");
  }

  /** An encoded image (file bytes). */
  public static SourceImage encoded(String key, String location, int label, byte[] bytes) {
    return new SourceImage(key, location, label, bytes, null);
  }

  /** Raw HWC pixels of the given geometry. */
  public static SourceImage raw(String key, String location, int label, byte[] pixels, int width, int height, int channels) {
    return new SourceImage(key, location, label, pixels, new RawGeometry(width, height, channels));
  }
}
