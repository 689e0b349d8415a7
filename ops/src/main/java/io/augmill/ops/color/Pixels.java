package io.augmill.ops.color;

import org.opencv.core.Mat;

/** Copies between Mats and interleaved (HWC) byte arrays, for the per-pixel loops of this package. */
final class Pixels {

  private Pixels() {}

  /** The HWC bytes of an 8-bit Mat. */
  static byte[] read(Mat src) {
    Mat c = src.isContinuous() ? src : src.clone();
    byte[] px = new byte[(int) (c.total() * c.channels())];
    c.get(0, 0, px);
    if (c != src) {
      c.release();
    }
    return px;
  }

  /** A new Mat of {@code src}'s size and type holding {@code px}. */
  static Mat like(Mat src, byte[] px) {
    Mat dst = new Mat(src.rows(), src.cols(), src.type());
    dst.put(0, 0, px);
    return dst;
  }
}
