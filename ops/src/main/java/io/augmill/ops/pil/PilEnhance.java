package io.augmill.ops.pil;

import org.opencv.core.Mat;

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
    return in.with(blend(smooth(in), in.data(), (float) factor)).toMat();
  }

  /**
   * Pillow's {@code ImagingFilter3x3} with the SMOOTH kernel: interior pixels filtered, border copied.
   * Pillow sums in single precision and truncates {@code sum / 13 + 0.5}; with the weighted sum
   * {@code S} an integer, {@code S / 13 + 0.5} is never closer than 1/26 to an integer while the float
   * error stays below 1e-3, so the exact integer {@code (2 S + 13) / 26} gives the same value.
   */
  static byte[] smooth(Pixels in) {
    int w = in.width();
    int h = in.height();
    int ch = in.channels();
    byte[] d = in.data();
    byte[] out = d.clone();
    int stride = w * ch;
    for (int y = 1; y < h - 1; y++) {
      int row = y * stride;
      for (int i = row + ch; i < row + stride - ch; i++) {
        int up = i - stride;
        int down = i + stride;
        int s = (d[up - ch] & 0xff) + (d[up] & 0xff) + (d[up + ch] & 0xff)
            + (d[i - ch] & 0xff) + 5 * (d[i] & 0xff) + (d[i + ch] & 0xff)
            + (d[down - ch] & 0xff) + (d[down] & 0xff) + (d[down + ch] & 0xff);
        out[i] = (byte) ((2 * s + 13) / 26);
      }
    }
    return out;
  }

  /** Pillow's {@code ImagingBlend(im1, im2, alpha)}: {@code im1 + alpha (im2 - im1)} in single precision, truncated, clipped when extrapolating. */
  static byte[] blend(byte[] im1, byte[] im2, float alpha) {
    if (alpha == 0.0f) {
      return im1.clone();
    }
    if (alpha == 1.0f) {
      return im2.clone();
    }
    byte[] out = new byte[im1.length];
    boolean interpolate = alpha >= 0 && alpha <= 1.0f;
    for (int i = 0; i < out.length; i++) {
      int a = im1[i] & 0xff;
      float v = a + alpha * ((im2[i] & 0xff) - a);
      out[i] = (byte) (interpolate ? (int) v : v <= 0.0f ? 0 : v >= 255.0f ? 255 : (int) v);
    }
    return out;
  }
}
