package io.augmill.ops.pil;

import io.augmill.ops.image.Images;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * An 8-bit image as an interleaved array of unsigned values, for the per-pixel ports of Pillow's
 * arithmetic; converts from and to Mats without touching the source.
 *
 * @param data row-major, channel-interleaved values in [0, 255]
 * @param width width in pixels
 * @param height height in pixels
 * @param channels 1 or 3
 */
record Pixels(int[] data, int width, int height, int channels) {

  /** Copies the values of a supported Mat. */
  static Pixels of(Mat image, String op) {
    Images.requireSupported(image, op);
    Mat source = image.isContinuous() ? image : image.clone();
    byte[] bytes = new byte[(int) source.total() * source.channels()];
    source.get(0, 0, bytes);
    if (source != image) {
      source.release();
    }
    int[] values = new int[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      values[i] = bytes[i] & 0xff;
    }
    return new Pixels(values, image.cols(), image.rows(), image.channels());
  }

  /** An image of the same geometry whose values are all taken from {@code values}. */
  Pixels with(int[] values) {
    return new Pixels(values, width, height, channels);
  }

  /** A new Mat holding these values (each must be in [0, 255]). */
  Mat toMat() {
    byte[] bytes = new byte[data.length];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) data[i];
    }
    Mat out = new Mat(height, width, channels == 1 ? CvType.CV_8UC1 : CvType.CV_8UC3);
    out.put(0, 0, bytes);
    return out;
  }
}
