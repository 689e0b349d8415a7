package io.augmill.ops.pil;

import org.opencv.core.Mat;

/**
 * Sharpness with the semantics of Pillow's {@code ImageEnhance.Sharpness}: the image is blended with
 * its {@code ImageFilter.SMOOTH}-filtered version ({@code Image.blend(smooth, image, factor)}). The
 * filter's 3x3 kernel is {@code [1 1 1; 1 5 1; 1 1 1] / 13}, evaluated in single precision as Pillow
 * does, and the one-pixel border is copied from the input, so a blend never changes border pixels.
 * Static, RNG-free; never mutates the input.
 */
public final class PilEnhance {

  private static final float EDGE = (float) (1.0 / 13.0);
  private static final float CENTRE = (float) (5.0 / 13.0);

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

  /** Pillow's {@code ImagingFilter3x3} with the SMOOTH kernel: interior pixels filtered, border copied. */
  static int[] smooth(Pixels in) {
    int w = in.width();
    int h = in.height();
    int ch = in.channels();
    int[] d = in.data();
    int[] out = d.clone();
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        for (int c = 0; c < ch; c++) {
          float ss = 0.5f;
          ss += row(d, (y + 1) * w, x, w, ch, c, false);
          ss += row(d, y * w, x, w, ch, c, true);
          ss += row(d, (y - 1) * w, x, w, ch, c, false);
          out[(y * w + x) * ch + c] = clip8(ss);
        }
      }
    }
    return out;
  }

  private static float row(int[] d, int rowStart, int x, int w, int ch, int c, boolean centreRow) {
    float left = d[(rowStart + x - 1) * ch + c];
    float mid = d[(rowStart + x) * ch + c];
    float right = d[(rowStart + x + 1) * ch + c];
    return left * EDGE + mid * (centreRow ? CENTRE : EDGE) + right * EDGE;
  }

  private static int clip8(float v) {
    return v <= 0.0f ? 0 : v >= 255.0f ? 255 : (int) v;
  }

  /** Pillow's {@code ImagingBlend(im1, im2, alpha)}: {@code im1 + alpha (im2 - im1)}, truncated, clipped when extrapolating. */
  static int[] blend(int[] im1, int[] im2, float alpha) {
    if (alpha == 0.0f) {
      return im1.clone();
    }
    if (alpha == 1.0f) {
      return im2.clone();
    }
    int[] out = new int[im1.length];
    boolean interpolate = alpha >= 0 && alpha <= 1.0f;
    for (int i = 0; i < out.length; i++) {
      float v = im1[i] + alpha * (im2[i] - im1[i]);
      out[i] = interpolate ? (int) v : v <= 0.0f ? 0 : v >= 255.0f ? 255 : (int) v;
    }
    return out;
  }
}
