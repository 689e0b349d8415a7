package io.augmill.datasets.example;

import io.augmill.ops.image.ImageCodec;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.opencv.core.Mat;

/**
 * One shard record: an encoded image with its label, source key, variant and the augmentation applied.
 * Plain and {@link Serializable} so batch runners can carry it between workers.
 *
 * @param key stable source key, e.g. {@code cifar10/train/000123}
 * @param label 0-based class index
 * @param variant 0-based augmentation variant of {@code key}
 * @param format how {@code encoded} is coded
 * @param height image height in pixels, at least 1
 * @param width image width in pixels, at least 1
 * @param channels 1 (grey) or 3 (RGB)
 * @param encoded PNG or JPEG bytes, or raw HWC uint8 pixels in RGB order ({@code height*width*channels} bytes)
 * @param augmentParams JSON of the ops applied and their parameters ({@code []} when none)
 */
public record ImageExample(String key, long label, long variant, ImageCodec.Format format, int height, int width,
    int channels, byte[] encoded, String augmentParams) implements Serializable {

  /** Validates every field; raw payloads must have exactly {@code height*width*channels} bytes. */
  public ImageExample {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(encoded, "encoded");
    Objects.requireNonNull(augmentParams, "augmentParams");
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException(key + ": image size must be at least 1x1, got " + width + "x" + height);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException(key + ": channels must be 1 or 3, got " + channels);
    }
    if (format == ImageCodec.Format.RAW && (long) height * width * channels != encoded.length) {
      throw new IllegalArgumentException(key + ": raw image of " + encoded.length + " bytes does not match "
          + width + "x" + height + "x" + channels);
    }
  }

  /**
   * Encodes {@code image} (8-bit grey or RGB) and wraps it as a record.
   *
   * @param jpegQuality 1-100, used for JPEG only
   */
  public static ImageExample of(String key, long label, long variant, Mat image, ImageCodec.Format format,
      int jpegQuality, String augmentParams) {
    byte[] bytes = ImageCodec.encode(image, format, jpegQuality);
    return new ImageExample(key, label, variant, format, image.rows(), image.cols(), image.channels(), bytes,
        augmentParams);
  }

  /**
   * Decodes the image to an 8-bit grey or RGB Mat owned by the caller.
   *
   * @throws io.augmill.ops.image.UnsupportedImageException when the bytes do not decode, or decode to a
   *     size or channel count other than the one recorded
   */
  public Mat decode() {
    if (format == ImageCodec.Format.RAW) {
      return ImageCodec.fromRaw(encoded, width, height, channels);
    }
    Mat m = ImageCodec.decode(encoded, key);
    if (m.rows() != height || m.cols() != width || m.channels() != channels) {
      String found = m.cols() + "x" + m.rows() + "x" + m.channels();
      m.release();
      throw new io.augmill.ops.image.UnsupportedImageException("size-mismatch", key + ": image decodes to "
          + found + " but the record says " + width + "x" + height + "x" + channels);
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageExample e && label == e.label && variant == e.variant && height == e.height
        && width == e.width && channels == e.channels && key.equals(e.key) && format == e.format
        && Arrays.equals(encoded, e.encoded) && augmentParams.equals(e.augmentParams);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, label, variant, format, height, width, channels, Arrays.hashCode(encoded), augmentParams);
  }

  @Override
  public String toString() {
    return "ImageExample[key=" + key + ", label=" + label + ", variant=" + variant + ", format=" + format.specName()
        + ", " + width + "x" + height + "x" + channels + ", " + encoded.length + " bytes, params=" + augmentParams + "]";
  }
}
