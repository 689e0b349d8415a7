package io.augmill.pipeline.image;

import io.augmill.datasets.example.ImageExample;
import io.augmill.ops.image.ImageCodec;
import java.io.Serializable;
import org.opencv.core.Mat;

/**
 * Encoding of one variant as the shard record ({@link ImageExample}) it becomes: PNG (OpenCV's fast
 * default settings), JPEG at a chosen quality, or raw HWC bytes in RGB order.
 */
public final class ImageEncoder implements Serializable {

  private static final long serialVersionUID = 1L;

  private final ImageCodec.Format format;
  private final int jpegQuality;

  private ImageEncoder(ImageCodec.Format format, int jpegQuality) {
    this.format = format;
    this.jpegQuality = jpegQuality;
  }

  /**
   * Encodes in a format.
   *
   * @param format PNG, JPEG or RAW
   * @param jpegQuality 1-100 (JPEG only, but validated always)
   */
  public static ImageEncoder as(ImageCodec.Format format, int jpegQuality) {
    if (jpegQuality < 1 || jpegQuality > 100) {
      throw new IllegalArgumentException("jpeg quality must be in [1, 100], got " + jpegQuality);
    }
    return new ImageEncoder(format, jpegQuality);
  }

  /** The output format. */
  public ImageCodec.Format format() {
    return format;
  }

  /**
   * Encodes one variant; never mutates {@code image}.
   *
   * @param key the input's stable source key
   * @param label the class index
   * @param variant the 0-based variant index
   * @param image grey or RGB 8-bit pixels
   * @param params JSON array of the ops applied ({@code augment/params})
   * @throws RuntimeException when the encoder refuses the image (e.g. not 8-bit grey or RGB)
   */
  public ImageExample encode(String key, int label, int variant, Mat image, String params) {
    return ImageExample.of(key, label, variant, image, format, jpegQuality, params);
  }
}
