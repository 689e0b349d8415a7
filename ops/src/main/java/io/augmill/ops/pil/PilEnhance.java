package io.augmill.ops.pil;

import io.augmill.ops.color.Enhance;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.imgproc.Imgproc;

/**
 * Sharpness with the semantics of Pillow's {@code ImageEnhance.Sharpness}: the image is blended with
 * its {@code ImageFilter.SMOOTH}-filtered version ({@code Image.blend(smooth, image, factor)}). The
 * filter's 3x3 kernel is {@code [1 1 1; 1 5 1; 1 1 1] / 13}, and the one-pixel border is copied from
 * the input, so a blend never changes border pixels. Static, RNG-free; never mutates the input.
 */
public final class PilEnhance {

  private PilEnhance() {}

  /**
   * {@code factor} 0 gives the smoothed image, 1 the input, above 1 a sharpened image (clipped to
   * [0, 255]); factor must be non-negative and finite.
   */
  public static Mat sharpness(Mat src, double factor) {
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("sharpness: factor must be a finite number >= 0, got " + factor);
    }
    Pixels in = Pixels.of(src, "sharpness");
    Mat smoothed = smooth(src);
    Pixels degenerate = Pixels.of(smoothed, "sharpness");
    smoothed.release();
    return in.with(blend(degenerate.data(), in.data(), (float) factor)).toMat();
  }

  /**
   * Pillow's {@code ImagingFilter3x3} with the SMOOTH kernel: interior pixels filtered, border copied.
   * Pillow computes {@code sum / 13 + 0.5} in single precision and truncates, i.e. rounds {@code S / 13}
   * half up for the integer weighted sum {@code S}. {@code S / 13} is never within 1/26 of a half, far
   * beyond single-precision error, so OpenCV's {@code filter2D} (float sum, rounded to nearest) gives
   * the same values.
   */
  static Mat smooth(Mat src) {
    Mat kernel = new Mat(3, 3, CvType.CV_32F);
    float e = (float) (1.0 / 13.0);
    kernel.put(0, 0, e, e, e, e, (float) (5.0 / 13.0), e, e, e, e);
    Mat out = new Mat();
    Imgproc.filter2D(src, out, -1, kernel, new Point(-1, -1), 0, Core.BORDER_REPLICATE);
    kernel.release();
    int w = src.cols();
    int h = src.rows();
    // Pillow leaves the one-pixel border unfiltered.
    src.row(0).copyTo(out.row(0));
    src.row(h - 1).copyTo(out.row(h - 1));
    src.col(0).copyTo(out.col(0));
    src.col(w - 1).copyTo(out.col(w - 1));
    return out;
  }

  /** Pillow's {@code ImagingBlend(im1, im2, alpha)} over whole images, value by value as {@link Enhance#blend}. */
  static byte[] blend(byte[] im1, byte[] im2, float alpha) {
    if (alpha == 0.0f) {
      return im1.clone();
    }
    if (alpha == 1.0f) {
      return im2.clone();
    }
    byte[] out = new byte[im1.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Enhance.blend(im1[i] & 0xff, im2[i] & 0xff, alpha);
    }
    return out;
  }
}
