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
      case BILINEAR -> bilinear(out, outWidth, outHeight, m);
      case BICUBIC -> bicubic(out, outWidth, outHeight, m);
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
    // A unit step along rows with a constant source row (translations, horizontal shears): each row's
    // inside part is one shifted copy, the same pixels as the per-pixel loop.
    boolean rowShift = a3 == 0 && a0 == 1 << 16;
    for (int y = 0; y < oh; y++) {
      int xx = a2;
      int yy = a5;
      int o = y * ow * channels;
      if (rowShift) {
        copyShiftedRow(out, o, ow, xx >> 16, yy >> 16);
      } else {
        for (int x = 0; x < ow; x++, o += channels) {
          int xi = xx >> 16;
          int yi = yy >> 16;
          if (xi >= 0 && xi < width && yi >= 0 && yi < height) {
            copyInside(out, o, (yi * width + xi) * channels);
          } else {
            copyPixel(out, o, xi, yi);
          }
          xx += a0;
          yy += a3;
        }
      }
      a2 += a1;
      a5 += a4;
    }
  }

  /** Output row at {@code out[o]} takes source row {@code yi}, columns {@code shift + x}. */
  private void copyShiftedRow(byte[] out, int o, int ow, int shift, int yi) {
    int x0 = 0;
    int x1 = 0;
    if (yi >= 0 && yi < height) {
      x0 = Math.max(0, -shift);
      x1 = Math.max(x0, Math.min(ow, width - shift));
      if (x1 > x0) {
        System.arraycopy(src, (yi * width + x0 + shift) * channels, out, o + x0 * channels, (x1 - x0) * channels);
      }
    }
    if (border == Border.CONSTANT) {
      return;
    }
    for (int x = 0; x < ow; x++) {
      if (x < x0 || x >= x1) {
        copyPixel(out, o + x * channels, shift + x, yi);
      }
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
    // Where the inside columns are consecutive source columns (a translation), each row's inside part
    // is one copy.
    int first = -1;
    int last = -1;
    boolean consecutive = true;
    for (int x = 0; x < ow; x++) {
      if (columns[x] >= 0 && columns[x] < width) {
        if (first < 0) {
          first = x;
        } else if (x != last + 1 || columns[x] != columns[last] + 1) {
          consecutive = false;
        }
        last = x;
      }
    }
    double yo = m[5] + m[4] * 0.5;
    for (int y = 0; y < oh; y++) {
      int row = coord(yo);
      int o = y * ow * channels;
      if (consecutive && first >= 0 && row >= 0 && row < height) {
        System.arraycopy(src, (row * width + columns[first]) * channels, out, o + first * channels,
            (last - first + 1) * channels);
        if (border != Border.CONSTANT) {
          for (int x = 0; x < ow; x++) {
            if (x < first || x > last) {
              copyPixel(out, o + x * channels, columns[x], row);
            }
          }
        }
      } else {
        for (int x = 0; x < ow; x++, o += channels) {
          copyPixel(out, o, columns[x], row);
        }
      }
      yo += m[4];
    }
  }

  private void copyInside(byte[] out, int o, int s) {
    if (channels == 3) {
      out[o] = src[s];
      out[o + 1] = src[s + 1];
      out[o + 2] = src[s + 2];
    } else {
      out[o] = src[s];
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

  private void bilinear(byte[] out, int ow, int oh, double[] m) {
    boolean constant = border == Border.CONSTANT;
    int stride = width * channels;
    double m0 = m[0];
    double m1 = m[1];
    double m2 = m[2];
    double m3 = m[3];
    double m4 = m[4];
    double m5 = m[5];
    for (int y = 0; y < oh; y++) {
      double yin = y + 0.5;
      // a0 * xin + a1 * yin + a2 in C's left-to-right order: hoisting a1 * yin changes no rounding.
      double rowX = m1 * yin;
      double rowY = m4 * yin;
      int o = y * ow * channels;
      for (int x = 0; x < ow; x++, o += channels) {
        double xin = x + 0.5;
        double xs = m0 * xin + rowX + m2;
        double ys = m3 * xin + rowY + m5;
        if (constant && (xs < 0.0 || xs >= width || ys < 0.0 || ys >= height)) {
          continue;
        }
        xs -= 0.5;
        ys -= 0.5;
        int x0 = floor(xs);
        int y0 = floor(ys);
        double dx = xs - x0;
        double dy = ys - y0;
        int c0;
        int c1;
        if (x0 >= 0 && x0 < width - 1) {
          c0 = x0 * channels;
          c1 = c0 + channels;
        } else {
          c0 = neighbour(x0, width) * channels;
          c1 = neighbour(x0 + 1, width) * channels;
        }
        int r0;
        int r1;
        if (y0 >= 0 && y0 < height - 1) {
          r0 = y0 * stride;
          r1 = r0 + stride;
        } else {
          r0 = neighbour(y0, height) * stride;
          r1 = neighbour(y0 + 1, height) * stride;
        }
        out[o] = lerp2(r0 + c0, r0 + c1, r1 + c0, r1 + c1, dx, dy);
        if (channels == 3) {
          out[o + 1] = lerp2(r0 + c0 + 1, r0 + c1 + 1, r1 + c0 + 1, r1 + c1 + 1, dx, dy);
          out[o + 2] = lerp2(r0 + c0 + 2, r0 + c1 + 2, r1 + c0 + 2, r1 + c1 + 2, dx, dy);
        }
      }
    }
  }

  /** PIL's bilinear: along x on both rows, then along y, truncated. */
  private byte lerp2(int i00, int i01, int i10, int i11, double dx, double dy) {
    int p00 = src[i00] & 0xff;
    int p10 = src[i10] & 0xff;
    double v1 = p00 + ((src[i01] & 0xff) - p00) * dx;
    double v2 = p10 + ((src[i11] & 0xff) - p10) * dx;
    return (byte) (int) (v1 + (v2 - v1) * dy);
  }

  private void bicubic(byte[] out, int ow, int oh, double[] m) {
    int[] cols = new int[4];
    int[] rows = new int[4];
    boolean constant = border == Border.CONSTANT;
    int stride = width * channels;
    double m0 = m[0];
    double m1 = m[1];
    double m2 = m[2];
    double m3 = m[3];
    double m4 = m[4];
    double m5 = m[5];
    for (int y = 0; y < oh; y++) {
      double yin = y + 0.5;
      // a0 * xin + a1 * yin + a2 in C's left-to-right order: hoisting a1 * yin changes no rounding.
      double rowX = m1 * yin;
      double rowY = m4 * yin;
      int o = y * ow * channels;
      for (int x = 0; x < ow; x++, o += channels) {
        double xin = x + 0.5;
        double xs = m0 * xin + rowX + m2;
        double ys = m3 * xin + rowY + m5;
        if (constant && (xs < 0.0 || xs >= width || ys < 0.0 || ys >= height)) {
          continue;
        }
        xs -= 0.5;
        ys -= 0.5;
        int x0 = floor(xs);
        int y0 = floor(ys);
        double dx = xs - x0;
        double dy = ys - y0;
        if (x0 >= 1 && x0 < width - 2) {
          cols[0] = (x0 - 1) * channels;
          cols[1] = cols[0] + channels;
          cols[2] = cols[1] + channels;
          cols[3] = cols[2] + channels;
        } else {
          for (int k = 0; k < 4; k++) {
            cols[k] = neighbour(x0 - 1 + k, width) * channels;
          }
        }
        if (y0 >= 1 && y0 < height - 2) {
          rows[0] = (y0 - 1) * stride;
          rows[1] = rows[0] + stride;
          rows[2] = rows[1] + stride;
          rows[3] = rows[2] + stride;
        } else {
          for (int k = 0; k < 4; k++) {
            rows[k] = neighbour(y0 - 1 + k, height) * stride;
          }
        }
        bicubic(out, o, cols, rows, dx, dy);
      }
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
    out[o] = bicubicSample(c0, c1, c2, c3, r0, r1, r2, r3, dx, dy);
    if (channels == 3) {
      out[o + 1] = bicubicSample(c0 + 1, c1 + 1, c2 + 1, c3 + 1, r0, r1, r2, r3, dx, dy);
      out[o + 2] = bicubicSample(c0 + 2, c1 + 2, c2 + 2, c3 + 2, r0, r1, r2, r3, dx, dy);
    }
  }

  /** PIL's bicubic: along x on four rows, then along y; clipped to [0, 255], truncated. */
  private byte bicubicSample(int c0, int c1, int c2, int c3, int r0, int r1, int r2, int r3, double dx, double dy) {
    byte[] s = src;
    double v1 = cubic(s[r0 + c0] & 0xff, s[r0 + c1] & 0xff, s[r0 + c2] & 0xff, s[r0 + c3] & 0xff, dx);
    double v2 = cubic(s[r1 + c0] & 0xff, s[r1 + c1] & 0xff, s[r1 + c2] & 0xff, s[r1 + c3] & 0xff, dx);
    double v3 = cubic(s[r2 + c0] & 0xff, s[r2 + c1] & 0xff, s[r2 + c2] & 0xff, s[r2 + c3] & 0xff, dx);
    double v4 = cubic(s[r3 + c0] & 0xff, s[r3 + c1] & 0xff, s[r3 + c2] & 0xff, s[r3 + c3] & 0xff, dx);
    double value = cubic(v1, v2, v3, v4, dy);
    return value <= 0.0 ? 0 : value >= 255.0 ? (byte) 255 : (byte) (int) value;
  }

  /** The first pass on integers: PIL's p1..p4 are exact there, so only the Horner steps round. */
  private static double cubic(int v1, int v2, int v3, int v4, double d) {
    int p2 = -v1 + v3;
    int p3 = 2 * (v1 - v2) + v3 - v4;
    int p4 = -v1 + v2 - v3 + v4;
    return v2 + d * (p2 + d * (p3 + d * p4));
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
