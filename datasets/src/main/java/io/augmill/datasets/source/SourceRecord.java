package io.augmill.datasets.source;

import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.image.UnsupportedImageException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.opencv.core.Mat;

/**
 * One input image from a source, not yet decoded: either encoded file bytes (PNG, JPEG, BMP, ...), raw
 * HWC uint8 pixels in RGB order, or a failure (a file that could not be read) carried as a value so a
 * batch job can count it as rejected. Plain and {@link Serializable}.
 *
 * @param key stable key, e.g. {@code cifar10/train/000123}
 * @param label 0-based class index, or -1 when unlabelled
 * @param coarseLabel CIFAR-100's coarse (superclass) index, or -1 when the source has none
 * @param location where the record came from: file and byte offset or record index
 * @param data encoded bytes ({@code raw == false}) or pixels ({@code raw == true}); empty for a failure
 * @param raw whether {@code data} holds raw pixels
 * @param width width in pixels for raw data, else 0
 * @param height height in pixels for raw data, else 0
 * @param channels 1 or 3 for raw data, else 0
 * @param failureReason machine-readable reason the record could not be read (e.g. {@code unreadable}), or null
 * @param failureMessage human-readable detail naming the file, or null
 */
public record SourceRecord(String key, int label, int coarseLabel, String location, byte[] data, boolean raw,
    int width, int height, int channels, String failureReason, String failureMessage) implements Serializable {

  /** Checks the raw pixel count and that a failure has a reason. */
  public SourceRecord {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(data, "data");
    if (raw && (long) width * height * channels != data.length) {
      throw new IllegalArgumentException(key + ": raw image of " + data.length + " bytes does not match "
          + width + "x" + height + "x" + channels);
    }
  }

  /** A record of encoded image bytes. */
  public static SourceRecord encoded(String key, int label, String location, byte[] bytes) {
    return new SourceRecord(key, label, -1, location, bytes, false, 0, 0, 0, null, null);
  }

  /** A record of raw HWC RGB (or grey) pixels. */
  public static SourceRecord pixels(String key, int label, int coarseLabel, String location, byte[] pixels,
      int width, int height, int channels) {
    return new SourceRecord(key, label, coarseLabel, location, pixels, true, width, height, channels, null, null);
  }

  /** A record that could not be read; {@link #decode()} throws with {@code reason}. */
  public static SourceRecord failed(String key, int label, String location, String reason, String message) {
    return new SourceRecord(key, label, -1, location, new byte[0], false, 0, 0, 0,
        Objects.requireNonNull(reason, "reason"), message);
  }

  /** Whether this record is a failure value. */
  public boolean failed() {
    return failureReason != null;
  }

  /**
   * Decodes to an 8-bit grey or RGB Mat owned by the caller.
   *
   * @throws UnsupportedImageException with the failure reason, or ImageCodec's reason ({@code undecodable},
   *     {@code unsupported-depth}, ...), the message naming {@link #location()}
   */
  public Mat decode() {
    if (failed()) {
      throw new UnsupportedImageException(failureReason, failureMessage);
    }
    if (raw) {
      return ImageCodec.fromRaw(data, width, height, channels);
    }
    return ImageCodec.decode(data, location);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SourceRecord r && label == r.label && coarseLabel == r.coarseLabel && raw == r.raw
        && width == r.width && height == r.height && channels == r.channels && key.equals(r.key)
        && location.equals(r.location) && Arrays.equals(data, r.data)
        && Objects.equals(failureReason, r.failureReason) && Objects.equals(failureMessage, r.failureMessage);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, label, coarseLabel, location, Arrays.hashCode(data), raw, width, height, channels,
        failureReason);
  }

  @Override
  public String toString() {
    return "SourceRecord[" + key + ", label=" + label + ", " + location + ", "
        + (failed() ? "failed: " + failureReason : raw ? width + "x" + height + "x" + channels + " raw" : data.length + " bytes")
        + "]";
  }
}
