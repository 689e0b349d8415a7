package io.augmill.ops.image;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** Checks on the images ops accept: 8-bit, 1 (grey) or 3 (RGB) channels, non-empty. */
public final class Images {

  static {
    OpenCv.load();
  }

  private Images() {}

  /**
   * Fails unless {@code image} is a non-empty 8-bit Mat with 1 or 3 channels.
   *
   * @param op the op name, for the message
   * @throws IllegalArgumentException naming the op and the type found
   */
  public static void requireSupported(Mat image, String op) {
    if (image == null || image.empty()) {
      throw new IllegalArgumentException(op + ": empty image");
    }
    int type = image.type();
    if (type != CvType.CV_8UC1 && type != CvType.CV_8UC3) {
      throw new IllegalArgumentException(op + ": unsupported image type " + CvType.typeToString(type)
          + " (expected CV_8UC1 grey or CV_8UC3 RGB)");
    }
  }

  /** Releases every non-null Mat given. */
  public static void release(Mat... mats) {
    for (Mat m : mats) {
      if (m != null) {
        m.release();
      }
    }
  }
}
