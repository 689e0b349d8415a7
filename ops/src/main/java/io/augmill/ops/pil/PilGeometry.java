package io.augmill.ops.pil;

import io.augmill.ops.Fill;
import io.augmill.ops.Interpolation;
import java.util.Arrays;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * Affine warps with the semantics of Pillow's {@code Image.transform(size, AFFINE, (a, b, c, d, e, f),
 * resample, fillcolor)}: output pixel {@code (x, y)} samples the input at
 * {@code (a (x+0.5) + b (y+0.5) + c, d (x+0.5) + e (y+0.5) + f)} in Pillow's coordinates (pixel
 * {@code i} covers {@code [i, i+1)}); samples outside the input take the fill. Nearest-neighbour follows
 * Pillow's fast paths (16.16 fixed point for general affines, a pretabulated scale for translations),
 * bilinear and bicubic its generic filters (edge pixels clamped, results truncated, bicubic with
 * a = -0.5). Static, RNG-free, never mutate the input; same size out as in.
 */
public final class PilGeometry {

  private PilGeometry() {}

  /**
   * Horizontal shear as the original AutoAugment code: {@code AFFINE (1, factor, 0, 0, 1, 0)}, so
   * output {@code (x, y)} comes from input {@code (x + factor * y, y)} about the top-left corner (for a
   * positive factor, lower rows move left). Identical to torchvision 0.14's AutoAugment {@code ShearX}
   * with magnitude {@code factor} ({@code F.affine(shear=[degrees(atan(factor)), 0], center=[0, 0])}).
   */
  public static Mat shearX(Mat src, double factor, Interpolation interp, Fill fill) {
    return affine(src, new double[] {1, factor, 0, 0, 1, 0}, interp, fill, "shear_x");
  }

  /** Vertical shear: {@code AFFINE (1, 0, 0, factor, 1, 0)}, output {@code (x, y)} from input {@code (x, y + factor * x)}. */
  public static Mat shearY(Mat src, double factor, Interpolation interp, Fill fill) {
    return affine(src, new double[] {1, 0, 0, factor, 1, 0}, interp, fill, "shear_y");
  }

  /** Moves the content {@code pixels} to the right (left when negative): {@code AFFINE (1, 0, -pixels, 0, 1, 0)}. */
  public static Mat translateX(Mat src, double pixels, Interpolation interp, Fill fill) {
    return affine(src, new double[] {1, 0, -pixels, 0, 1, 0}, interp, fill, "translate_x");
  }

  /** Moves the content {@code pixels} down (up when negative): {@code AFFINE (1, 0, 0, 0, 1, -pixels)}. */
  public static Mat translateY(Mat src, double pixels, Interpolation interp, Fill fill) {
    return affine(src, new double[] {1, 0, 0, 0, 1, -pixels}, interp, fill, "translate_y");
  }

  /**
   * The general warp: {@code a} holds Pillow's six AFFINE coefficients (output to input). {@code fill}
   * must be constant; non-integer fill values are rounded.
   */
  public static Mat affine(Mat src, double[] a, Interpolation interp, Fill fill, String op) {
    if (a.length != 6) {
      throw new IllegalArgumentException(op + ": an affine warp takes 6 coefficients, got " + a.length);
    }
    if (interp != Interpolation.NEAREST && interp != Interpolation.BILINEAR && interp != Interpolation.BICUBIC) {
      throw new IllegalArgumentException(op + ": parameter 'interp' must be nearest|bilinear|bicubic, got "
          + interp.specName());
    }
    Pixels in = Pixels.of(src, op);
    byte[] out = filled(in, fill);
    if (interp == Interpolation.NEAREST) {
      nearest(in, out, a);
    } else {
      generic(in, out, a, interp);
    }
    return in.with(out).toMat();
  }

  private static byte[] filled(Pixels in, Fill fill) {
    Scalar s = fill.scalar(in.channels());
    int ch = in.channels();
    byte[] pixel = new byte[ch];
    for (int c = 0; c < ch; c++) {
      pixel[c] = (byte) Math.rint(s.val[c]);
    }
    byte[] out = new byte[in.data().length];
    if (ch == 1 || (pixel[0] == pixel[1] && pixel[1] == pixel[2])) {
      Arrays.fill(out, pixel[0]);
      return out;
    }
    System.arraycopy(pixel, 0, out, 0, ch);
    // Doubling copies: log2(size) calls instead of one per pixel.
    for (int filled = ch; filled < out.length; filled *= 2) {
      System.arraycopy(out, 0, out, filled, Math.min(filled, out.length - filled));
    }
    return out;
  }

  /** Pillow's {@code COORD}: -1 below zero, else truncation. */
  private static int coord(double v) {
    return v < 0.0 ? -1 : (int) v;
  }

  /** Pillow's {@code FLOOR}. */
  private static int floor(double v) {
    return v < 0.0 ? (int) Math.floor(v) : (int) v;
  }

  private static void nearest(Pixels in, byte[] out, double[] a) {
    int w = in.width();
    int h = in.height();
    if (a[1] == 0 && a[3] == 0) {
      scaleAffine(in, out, a);
    } else if (fitsFixedPoint(a, 0, 0) && fitsFixedPoint(a, w, h) && fitsFixedPoint(a, 0, h) && fitsFixedPoint(a, w, 0)) {
      fixedPointAffine(in, out, a);
    } else {
      floatAffine(in, out, a);
    }
  }

  private static boolean fitsFixedPoint(double[] a, int x, int y) {
    return Math.abs(x * a[0] + y * a[1] + a[2]) < 32768.0 && Math.abs(x * a[3] + y * a[4] + a[5]) < 32768.0;
  }

  /** Pillow's {@code ImagingScaleAffine}: column lookups pretabulated, accumulated in double. */
  private static void scaleAffine(Pixels in, byte[] out, double[] a) {
    int w = in.width();
    int h = in.height();
    int ch = in.channels();
    int[] xintab = new int[w];
    double xo = a[2] + a[0] * 0.5;
    double yo = a[5] + a[4] * 0.5;
    int xmin = w;
    int xmax = 0;
    for (int x = 0; x < w; x++) {
      int xin = coord(xo);
      if (xin >= 0 && xin < w) {
        xmax = x + 1;
        xmin = Math.min(xmin, x);
        xintab[x] = xin;
      }
      xo += a[0];
    }
    boolean contiguous = xmax > xmin && xintab[xmax - 1] - xintab[xmin] == xmax - 1 - xmin;
    for (int x = xmin + 1; contiguous && x < xmax; x++) {
      contiguous = xintab[x] == xintab[x - 1] + 1;
    }
    for (int y = 0; y < h; y++) {
      int yi = coord(yo);
      if (yi >= 0 && yi < h && xmax > xmin) {
        if (contiguous) {
          System.arraycopy(in.data(), (yi * w + xintab[xmin]) * ch, out, (y * w + xmin) * ch, (xmax - xmin) * ch);
        } else {
          for (int x = xmin; x < xmax; x++) {
            copyPixel(in, xintab[x], yi, out, x, y);
          }
        }
      }
      yo += a[4];
    }
  }

  /**
   * Pillow's {@code affine_fixed}: 16.16 fixed point, accumulated per pixel and per row. A row whose
   * source row is constant and whose step is exactly one pixel (a horizontal shear) is one shifted
   * copy, which gives the same pixels faster.
   */
  private static void fixedPointAffine(Pixels in, byte[] out, double[] a) {
    int w = in.width();
    int h = in.height();
    int ch = in.channels();
    byte[] src = in.data();
    int a0 = fix(a[0]);
    int a1 = fix(a[1]);
    int a3 = fix(a[3]);
    int a4 = fix(a[4]);
    int a2 = fix(a[2] + a[0] * 0.5 + a[1] * 0.5);
    int a5 = fix(a[5] + a[3] * 0.5 + a[4] * 0.5);
    for (int y = 0; y < h; y++) {
      int xx = a2;
      int yy = a5;
      if (a3 == 0 && a0 == 1 << 16) {
        int yin = yy >> 16;
        int shift = xx >> 16;
        int x0 = Math.max(0, -shift);
        int x1 = Math.min(w, w - shift);
        if (yin >= 0 && yin < h && x1 > x0) {
          System.arraycopy(src, (yin * w + x0 + shift) * ch, out, (y * w + x0) * ch, (x1 - x0) * ch);
        }
      } else {
        int o = y * w * ch;
        for (int x = 0; x < w; x++, o += ch) {
          int xin = xx >> 16;
          if (xin >= 0 && xin < w) {
            int yin = yy >> 16;
            if (yin >= 0 && yin < h) {
              int i = (yin * w + xin) * ch;
              out[o] = src[i];
              if (ch == 3) {
                out[o + 1] = src[i + 1];
                out[o + 2] = src[i + 2];
              }
            }
          }
          xx += a0;
          yy += a3;
        }
      }
      a2 += a1;
      a5 += a4;
    }
  }

  private static int fix(double v) {
    return floor(v * 65536.0 + 0.5);
  }

  /** Pillow's floating-point fallback for coefficients too large for 16.16 fixed point. */
  private static void floatAffine(Pixels in, byte[] out, double[] a) {
    int w = in.width();
    int h = in.height();
    double xo = a[2] + a[1] * 0.5 + a[0] * 0.5;
    double yo = a[5] + a[4] * 0.5 + a[3] * 0.5;
    for (int y = 0; y < h; y++) {
      double xx = xo;
      double yy = yo;
      for (int x = 0; x < w; x++) {
        int xin = coord(xx);
        if (xin >= 0 && xin < w) {
          int yin = coord(yy);
          if (yin >= 0 && yin < h) {
            copyPixel(in, xin, yin, out, x, y);
          }
        }
        xx += a[0];
        yy += a[3];
      }
      xo += a[1];
      yo += a[4];
    }
  }

  private static void copyPixel(Pixels in, int xin, int yin, byte[] out, int x, int y) {
    int ch = in.channels();
    int src = (yin * in.width() + xin) * ch;
    int dst = (y * in.width() + x) * ch;
    System.arraycopy(in.data(), src, out, dst, ch);
  }

  /** Pillow's {@code ImagingGenericTransform} with its bilinear or bicubic filter. */
  private static void generic(Pixels in, byte[] out, double[] a, Interpolation interp) {
    int w = in.width();
    int h = in.height();
    int ch = in.channels();
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double xin = x + 0.5;
        double yin = y + 0.5;
        double xs = a[0] * xin + a[1] * yin + a[2];
        double ys = a[3] * xin + a[4] * yin + a[5];
        if (xs < 0.0 || xs >= w || ys < 0.0 || ys >= h) {
          continue;
        }
        int dst = (y * w + x) * ch;
        for (int c = 0; c < ch; c++) {
          out[dst + c] = (byte) (interp == Interpolation.BILINEAR ? bilinear(in, xs, ys, c) : bicubic(in, xs, ys, c));
        }
      }
    }
  }

  private static int clipX(Pixels in, int x) {
    return x < 0 ? 0 : x < in.width() ? x : in.width() - 1;
  }

  private static int clipY(Pixels in, int y) {
    return y < 0 ? 0 : y < in.height() ? y : in.height() - 1;
  }

  private static int bilinear(Pixels in, double xs, double ys, int c) {
    double xin = xs - 0.5;
    double yin = ys - 0.5;
    int x = floor(xin);
    int y = floor(yin);
    double dx = xin - x;
    double dy = yin - y;
    int x0 = clipX(in, x);
    int x1 = clipX(in, x + 1);
    int row = clipY(in, y);
    double v1 = lerp(in.at(x0, row, c), in.at(x1, row, c), dx);
    double v2 = v1;
    if (y + 1 >= 0 && y + 1 < in.height()) {
      v2 = lerp(in.at(x0, y + 1, c), in.at(x1, y + 1, c), dx);
    }
    return (int) lerp(v1, v2, dy);
  }

  private static double lerp(double a, double b, double d) {
    return a + (b - a) * d;
  }

  private static int bicubic(Pixels in, double xs, double ys, int c) {
    double xin = xs - 0.5;
    double yin = ys - 0.5;
    int x = floor(xin);
    int y = floor(yin);
    double dx = xin - x;
    double dy = yin - y;
    x--;
    y--;
    int x0 = clipX(in, x);
    int x1 = clipX(in, x + 1);
    int x2 = clipX(in, x + 2);
    int x3 = clipX(in, x + 3);
    int row = clipY(in, y);
    double v1 = cubicRow(in, row, x0, x1, x2, x3, dx, c);
    double v2 = y + 1 >= 0 && y + 1 < in.height() ? cubicRow(in, y + 1, x0, x1, x2, x3, dx, c) : v1;
    double v3 = y + 2 >= 0 && y + 2 < in.height() ? cubicRow(in, y + 2, x0, x1, x2, x3, dx, c) : v2;
    double v4 = y + 3 >= 0 && y + 3 < in.height() ? cubicRow(in, y + 3, x0, x1, x2, x3, dx, c) : v3;
    double v = cubic(v1, v2, v3, v4, dy);
    return v <= 0.0 ? 0 : v >= 255.0 ? 255 : (int) v;
  }

  private static double cubicRow(Pixels in, int row, int x0, int x1, int x2, int x3, double dx, int c) {
    return cubic(in.at(x0, row, c), in.at(x1, row, c), in.at(x2, row, c), in.at(x3, row, c), dx);
  }

  /** Pillow's cubic convolution with a = -0.5, in its factored form. */
  private static double cubic(double v1, double v2, double v3, double v4, double d) {
    double p1 = v2;
    double p2 = -v1 + v3;
    double p3 = 2 * (v1 - v2) + v3 - v4;
    double p4 = -v1 + v2 - v3 + v4;
    return p1 + d * (p2 + d * (p3 + d * p4));
  }
}
