package io.augmill.ops;

import org.opencv.imgproc.Imgproc;

/** Pixel interpolation, named as in the op specs ({@code interp=nearest|bilinear|bicubic|area}). */
public enum Interpolation {
  /** Nearest neighbour. */
  NEAREST(Imgproc.INTER_NEAREST),
  /** Bilinear. */
  BILINEAR(Imgproc.INTER_LINEAR),
  /** Bicubic (OpenCV's a = -0.75). */
  BICUBIC(Imgproc.INTER_CUBIC),
  /** Pixel-area relation; meaningful for downscaling with {@code resize} only. */
  AREA(Imgproc.INTER_AREA);

  private final int cvFlag;

  Interpolation(int cvFlag) {
    this.cvFlag = cvFlag;
  }

  /** The OpenCV {@code INTER_*} flag. */
  public int cvFlag() {
    return cvFlag;
  }

  /** The spec name, e.g. {@code bilinear}. */
  public String specName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
