package io.augmill.ops.geometric;

import io.augmill.ops.Border;
import io.augmill.ops.Interpolation;

/**
 * Inverse-mapped affine resampling with the arithmetic of PIL's {@code Image.transform(size, AFFINE,
 * ...)} (libImaging Geometry.c), so that results are identical to PIL's, bit for bit.
 *
 * <p>The matrix {@code (a, b, c, d, e, f)} maps an output point {@code (X, Y)} to the input point
 * {@code (aX + bY + c, dX + eY + f)}, in continuous coordinates where pixel {@code i} covers
 * {@code [i, i+1)} and has its centre at {@code i + 0.5}. As in PIL:
 * <ul>
 *   <li>nearest uses 16.16 fixed-point stepping along rows (scaling-only matrices and very large images
 *       use PIL's floating-point steppers instead) and truncates to the pixel index;
 *   <li>bilinear and bicubic sample at the centre of each output pixel; bicubic uses the cubic
 *       convolution kernel with {@code a = -1} in Horner form; results are truncated (bicubic clipped
 *       to [0, 255] first);
 *   <li>a sample whose point lies outside the input keeps the fill value; interpolation neighbours
 *       past the edge repeat the edge pixel.
 * </ul>
 * Extension beyond PIL: with {@code replicate} or {@code reflect} borders no point is outside; the
 * nearest index, or each interpolation neighbour, is mapped back into the image by that border rule.
 */
final class AffineSampler {

  private static final double FIXED_LIMIT = 32768.0;

  private final byte[] src;
  private final int width;
  private final int height;
  private final int channels;
  private final Border border;

  AffineSampler(byte[] src, int width, int height, int channels, Border border) {
    this.src = src;
    this.width = width;
    this.height = height;
    this.channels = channels;
    this.border = border;
  }

  /**
   * Resamples into {@code out} (output {@code outWidth x outHeight}, HWC, already holding the fill
   * value wherever a constant border leaves pixels untouched).
   */
  void transform(byte[] out, int outWidth, int outHeight, double[] m, Interpolation interp) {
    switch (interp) {
      case NEAREST -> nearest(out, outWidth, outHeight, m);
      case BILINEAR, BICUBIC -> interpolated(out, outWidth, outHeight, m, interp == Interpolation.BICUBIC);
      default -> throw new IllegalArgumentException("affine resampling supports nearest, bilinear and bicubic, not "
          + interp.specName());
    }
  }

  private void nearest(byte[] out, int ow, int oh, double[] m) {
    if (m[1] == 0 && m[3] == 0) {
      nearestScale(out, ow, oh, m);
    } else if (fitsFixed(m, 0, 0) && fitsFixed(m, ow, oh) && fitsFixed(m, 0, oh) && fitsFixed(m, ow, 0)) {
      nearestFixed(out, ow, oh, m);
    } else {
      nearestFloat(out, ow, oh, m);
    }
  }

  private static boolean fitsFixed(double[] m, int x, int y) {
    return Math.abs(x * m[0] + y * m[1] + m[2]) < FIXED_LIMIT && Math.abs(x * m[3] + y * m[4] + m[5]) < FIXED_LIMIT;
  }

  private static int fix(double v) {
    return floor(v * 65536.0 + 0.5);
  }

  private void nearestFixed(byte[] out, int ow, int oh, double[] m) {
    int a0 = fix(m[0]);
    int a1 = fix(m[1]);
    int a3 = fix(m[3]);
    int a4 = fix(m[4]);
    int a2 = fix(m[2] + m[0] * 0.5 + m[1] * 0.5);
    int a5 = fix(m[5] + m[3] * 0.5 + m[4] * 0.5);
    for (int y = 0; y < oh; y++) {
      int xx = a2;
      int yy = a5;
      int o = y * ow * channels;
      for (int x = 0; x < ow; x++, o += channels) {
        copyPixel(out, o, xx >> 16, yy >> 16);
        xx += a0;
        yy += a3;
      }
      a2 += a1;
      a5 += a4;
    }
  }

  private void nearestFloat(byte[] out, int ow, int oh, double[] m) {
    double xo = m[2] + m[1] * 0.5 + m[0] * 0.5;
    double yo = m[5] + m[4] * 0.5 + m[3] * 0.5;
    for (int y = 0; y < oh; y++) {
      double xx = xo;
      double yy = yo;
      int o = y * ow * channels;
      for (int x = 0; x < ow; x++, o += channels) {
        copyPixel(out, o, coord(xx), coord(yy));
        xx += m[0];
        yy += m[3];
      }
      xo += m[1];
      yo += m[4];
    }
  }

  private void nearestScale(byte[] out, int ow, int oh, double[] m) {
    int[] columns = new int[ow];
    double xo = m[2] + m[0] * 0.5;
    for (int x = 0; x < ow; x++) {
      columns[x] = coord(xo);
      xo += m[0];
    }
    double yo = m[5] + m[4] * 0.5;
    for (int y = 0; y < oh; y++) {
      int row = coord(yo);
      int o = y * ow * channels;
      for (int x = 0; x < ow; x++, o += channels) {
        copyPixel(out, o, columns[x], row);
      }
      yo += m[4];
    }
  }

  /** Copies input pixel (xi, yi) to out[o]; outside the image, a constant border leaves the fill. */
  private void copyPixel(byte[] out, int o, int xi, int yi) {
    if (xi < 0 || xi >= width || yi < 0 || yi >= height) {
      if (border == Border.CONSTANT) {
        return;
      }
      xi = index(xi, width);
      yi = index(yi, height);
    }
    int s = (yi * width + xi) * channels;
    for (int c = 0; c < channels; c++) {
      out[o + c] = src[s + c];
    }
  }

  private void interpolated(byte[] out, int ow, int oh, double[] m, boolean cubic) {
    int taps = cubic ? 4 : 2;
    int first = cubic ? -1 : 0;
    int[] cols = new int[taps];
    int[] rows = new int[taps];
    boolean constant = border == Border.CONSTANT;
    double m2 = m[2];
    double m5 = m[5];
    // The products m0 * xin and m3 * xin depend on the column only: computed once, they are the same
    // doubles, and (m0 * xin + m1 * yin) + m2 is summed in PIL's order below.
    double[] xTermX = new double[ow];
    double[] xTermY = new double[ow];
    for (int x = 0; x < ow; x++) {
      double xin = x + 0.5;
      xTermX[x] = m[0] * xin;
      xTermY[x] = m[3] * xin;
    }
    // neighbours from `first` to `first + taps - 1` of the floor index are inside without clamping
    int xLast = width - taps - first;
    int yLast = height - taps - first;
    int stride = width * channels;
    for (int y = 0; y < oh; y++) {
      double yin = y + 0.5;
      double yTermX = m[1] * yin;
      double yTermY = m[4] * yin;
      int o = y * ow * channels;
      for (int x = 0; x < ow; x++, o += channels) {
        double xs = xTermX[x] + yTermX + m2;
        double ys = xTermY[x] + yTermY + m5;
        if (constant && (xs < 0.0 || xs >= width || ys < 0.0 || ys >= height)) {
          continue;
        }
        xs -= 0.5;
        ys -= 0.5;
        int x0 = floor(xs);
        int y0 = floor(ys);
        double dx = xs - x0;
        double dy = ys - y0;
        if (x0 >= -first && x0 <= xLast && y0 >= -first && y0 <= yLast) {
          int corner = (y0 + first) * stride + (x0 + first) * channels;
          if (cubic) {
            bicubicInside(out, o, corner, stride, dx, dy);
          } else {
            bilinearInside(out, o, corner, stride, dx, dy);
          }
          continue;
        }
        for (int k = 0; k < taps; k++) {
          cols[k] = neighbour(x0 + first + k, width) * channels;
          rows[k] = neighbour(y0 + first + k, height) * stride;
        }
        if (cubic) {
          bicubic(out, o, cols, rows, dx, dy);
        } else {
          bilinear(out, o, cols, rows, dx, dy);
        }
      }
    }
  }

  /** {@link #bilinear} for a 2x2 neighbourhood inside the image whose top-left sample is at {@code i}. */
  private void bilinearInside(byte[] out, int o, int i, int stride, double dx, double dy) {
    byte[] s = src;
    int ch = channels;
    for (int c = 0; c < ch; c++, i++) {
      int p00 = s[i] & 0xff;
      int p10 = s[i + stride] & 0xff;
      double v1 = p00 + ((s[i + ch] & 0xff) - p00) * dx;
      double v2 = p10 + ((s[i + stride + ch] & 0xff) - p10) * dx;
      out[o + c] = (byte) (int) (v1 + (v2 - v1) * dy);
    }
  }

  /** {@link #bicubic} for a 4x4 neighbourhood inside the image whose top-left sample is at {@code i}. */
  private void bicubicInside(byte[] out, int o, int i, int stride, double dx, double dy) {
    byte[] s = src;
    int ch = channels;
    int c1 = ch;
    int c2 = 2 * ch;
    int c3 = 3 * ch;
    for (int c = 0; c < ch; c++, i++) {
      int r0 = i;
      int r1 = i + stride;
      int r2 = r1 + stride;
      int r3 = r2 + stride;
      double v1 = cubic(s[r0] & 0xff, s[r0 + c1] & 0xff, s[r0 + c2] & 0xff, s[r0 + c3] & 0xff, dx);
      double v2 = cubic(s[r1] & 0xff, s[r1 + c1] & 0xff, s[r1 + c2] & 0xff, s[r1 + c3] & 0xff, dx);
      double v3 = cubic(s[r2] & 0xff, s[r2 + c1] & 0xff, s[r2 + c2] & 0xff, s[r2 + c3] & 0xff, dx);
      double v4 = cubic(s[r3] & 0xff, s[r3 + c1] & 0xff, s[r3 + c2] & 0xff, s[r3 + c3] & 0xff, dx);
      double value = cubic(v1, v2, v3, v4, dy);
      out[o + c] = value <= 0.0 ? 0 : value >= 255.0 ? (byte) 255 : (byte) (int) value;
    }
  }

  private void bilinear(byte[] out, int o, int[] cols, int[] rows, double dx, double dy) {
    int i00 = rows[0] + cols[0];
    int i01 = rows[0] + cols[1];
    int i10 = rows[1] + cols[0];
    int i11 = rows[1] + cols[1];
    for (int c = 0; c < channels; c++) {
      int p00 = src[i00 + c] & 0xff;
      int p10 = src[i10 + c] & 0xff;
      double v1 = p00 + ((src[i01 + c] & 0xff) - p00) * dx;
      double v2 = p10 + ((src[i11 + c] & 0xff) - p10) * dx;
      out[o + c] = (byte) (int) (v1 + (v2 - v1) * dy);
    }
  }

  private void bicubic(byte[] out, int o, int[] cols, int[] rows, double dx, double dy) {
    int c0 = cols[0];
    int c1 = cols[1];
    int c2 = cols[2];
    int c3 = cols[3];
    int r0 = rows[0];
    int r1 = rows[1];
    int r2 = rows[2];
    int r3 = rows[3];
    byte[] s = src;
    for (int c = 0; c < channels; c++) {
      double v1 = cubic(s[r0 + c0 + c] & 0xff, s[r0 + c1 + c] & 0xff, s[r0 + c2 + c] & 0xff, s[r0 + c3 + c] & 0xff, dx);
      double v2 = cubic(s[r1 + c0 + c] & 0xff, s[r1 + c1 + c] & 0xff, s[r1 + c2 + c] & 0xff, s[r1 + c3 + c] & 0xff, dx);
      double v3 = cubic(s[r2 + c0 + c] & 0xff, s[r2 + c1 + c] & 0xff, s[r2 + c2 + c] & 0xff, s[r2 + c3 + c] & 0xff, dx);
      double v4 = cubic(s[r3 + c0 + c] & 0xff, s[r3 + c1 + c] & 0xff, s[r3 + c2 + c] & 0xff, s[r3 + c3 + c] & 0xff, dx);
      double value = cubic(v1, v2, v3, v4, dy);
      out[o + c] = value <= 0.0 ? 0 : value >= 255.0 ? (byte) 255 : (byte) (int) value;
    }
  }

  /** Cubic convolution with a = -1, evaluated in the same order as PIL so rounding is identical. */
  private static double cubic(double v1, double v2, double v3, double v4, double d) {
    double p1 = v2;
    double p2 = -v1 + v3;
    double p3 = 2 * (v1 - v2) + v3 - v4;
    double p4 = -v1 + v2 - v3 + v4;
    return p1 + d * (p2 + d * (p3 + d * p4));
  }

  /** An interpolation neighbour's index: PIL repeats the edge (constant, replicate); reflect mirrors. */
  private int neighbour(int i, int n) {
    if (i >= 0 && i < n) {
      return i;
    }
    return border == Border.REFLECT ? reflect101(i, n) : clamp(i, n);
  }

  /** An out-of-range nearest index under a replicate or reflect border. */
  private int index(int i, int n) {
    return border == Border.REFLECT ? reflect101(i, n) : clamp(i, n);
  }

  private static int clamp(int i, int n) {
    return i < 0 ? 0 : Math.min(i, n - 1);
  }

  /** Mirror without repeating the edge ({@code numpy.pad(mode='reflect')}), periodic for far indices. */
  static int reflect101(int i, int n) {
    if (n == 1) {
      return 0;
    }
    int period = 2 * (n - 1);
    int r = Math.floorMod(i, period);
    return r < n ? r : period - r;
  }

  /** C's {@code (int)} truncation for non-negative values, floor below zero (PIL's FLOOR macro). */
  private static int floor(double v) {
    return v < 0.0 ? (int) Math.floor(v) : (int) v;
  }

  /** PIL's COORD macro: -1 for any negative coordinate, else truncation. */
  private static int coord(double v) {
    return v < 0.0 ? -1 : (int) v;
  }
}
