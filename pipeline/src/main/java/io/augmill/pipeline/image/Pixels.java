package io.augmill.pipeline.image;

import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.image.OpenCv;
import java.io.Serializable;
import org.opencv.core.Mat;

/**
 * Decoded 8-bit pixels travelling between pipeline steps: HWC order, grey (1 channel) or RGB (3).
 * A Mat cannot cross a step boundary (it is neither serializable nor safe to share), so steps convert
 * with {@link #toMat()} and {@link #of(Mat)}.
 *
 * @param width columns, at least 1
 * @param height rows, at least 1
 * @param channels 1 or 3
 * @param data {@code width * height * channels} bytes
 */
public record Pixels(int width, int height, int channels, byte[] data) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Validates the geometry against the data length. */
  public Pixels {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("image size must be at least 1x1, got " + width + "x" + height);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
    }
    if ((long) width * height * channels != data.length) {
      throw new IllegalArgumentException(data.length + " bytes do not hold " + width + "x" + height + "x" + channels + " pixels");
    }
  }

  /** Copies a grey or RGB 8-bit Mat. */
  public static Pixels of(Mat image) {
    OpenCv.load();
    return new Pixels(image.cols(), image.rows(), image.channels(), ImageCodec.encode(image, ImageCodec.Format.RAW, 100));
  }

  /** A new Mat holding a copy of the pixels; the caller releases it. */
  public Mat toMat() {
    OpenCv.load();
    return ImageCodec.fromRaw(data, width, height, channels);
  }

  /** Number of pixels ({@code width * height}). */
  public long pixelCount() {
    return (long) width * height;
  }
}
