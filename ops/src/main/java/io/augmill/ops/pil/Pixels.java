package io.augmill.ops.pil;

import io.augmill.ops.image.Images;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * An 8-bit image as an interleaved byte array, for the per-pixel ports of Pillow's arithmetic; converts
 * from and to Mats without touching the source. Values are unsigned: read them with {@code & 0xff}.
 *
 * @param data row-major, channel-interleaved values
 * @param width width in pixels
 * @param height height in pixels
 * @param channels 1 or 3
 */
record Pixels(byte[] data, int width, int height, int channels) {

  /** Copies the values of a supported Mat. */
  static Pixels of(Mat image, String op) {
    Images.requireSupported(image, op);
    Mat source = image.isContinuous() ? image : image.clone();
    byte[] bytes = new byte[(int) source.total() * source.channels()];
    source.get(0, 0, bytes);
    if (source != image) {
      source.release();
    }
    return new Pixels(bytes, image.cols(), image.rows(), image.channels());
  }

  /** An image of the same geometry holding {@code values}. */
  Pixels with(byte[] values) {
    return new Pixels(values, width, height, channels);
  }

  /** A new Mat holding these values. */
  Mat toMat() {
    Mat out = new Mat(height, width, channels == 1 ? CvType.CV_8UC1 : CvType.CV_8UC3);
    out.put(0, 0, data);
    return out;
  }
}
