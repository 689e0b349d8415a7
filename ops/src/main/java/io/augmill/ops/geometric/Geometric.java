package io.augmill.ops.geometric;

import io.augmill.ops.image.Images;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * Geometric pixel functions: static, RNG-free, never mutate their input, return a new Mat.
 * Coordinates: {@code x} to the right and {@code y} down from the top-left pixel.
 */
public final class Geometric {

  private Geometric() {}

  /** Mirrors left-right (exact: column {@code x} becomes column {@code w-1-x}). */
  public static Mat hflip(Mat src) {
    Images.requireSupported(src, "hflip");
    Mat dst = new Mat();
    Core.flip(src, dst, 1);
    return dst;
  }

  /** Mirrors top-bottom (exact: row {@code y} becomes row {@code h-1-y}). */
  public static Mat vflip(Mat src) {
    Images.requireSupported(src, "vflip");
    Mat dst = new Mat();
    Core.flip(src, dst, 0);
    return dst;
  }
}
