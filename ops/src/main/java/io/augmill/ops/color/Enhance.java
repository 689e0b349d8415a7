package io.augmill.ops.color;

import io.augmill.ops.image.Images;
import io.augmill.ops.image.OpenCv;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * PIL {@code ImageEnhance} semantics, reproduced bit for bit: each op blends the image with a
 * "degenerate" image, {@code out = degenerate + factor * (image - degenerate)}, computed in 32-bit
 * float and truncated towards zero, clipped to [0, 255] (as PIL's {@code Image.blend} in
 * {@code Blend.c}, whose {@code alpha} is a C {@code float}). Factor 1 returns the image unchanged,
 * factor 0 the degenerate image.
 *
 * <ul>
 *   <li>{@link #brightness}: degenerate is black ({@code ImageEnhance.Brightness}).
 *   <li>{@link #contrast}: degenerate is a uniform image at the mean of the grey (L) image, rounded
 *       half up ({@code ImageEnhance.Contrast}).
 *   <li>{@link #saturation}: degenerate is the grey (L) image expanded to RGB
 *       ({@code ImageEnhance.Color}); the identity on a grey image.
 * </ul>
 * The grey image is PIL's RGB to L conversion: {@code (19595 R + 38470 G + 7471 B + 32768) >> 16}
 * (ITU-R 601-2 luma in 16-bit fixed point). On a grey input, brightness and contrast behave as PIL on
 * a mode {@code L} image.
 */
public final class Enhance {

  /** Largest enhance factor accepted: far beyond any useful setting, small enough to stay meaningful. */
  public static final double MAX_FACTOR = 10;

  /**
   * Below this many values the table is as fast as {@code convertTo} plus the checks of
   * {@link #perValue}.
   */
  private static final long LINEAR_MIN_VALUES = 16384;

  /**
   * From this many values on, building the 65536-entry table of {@link #pairTable} and looking every
   * value up is faster than blending each value.
   */
  private static final int PAIR_TABLE_MIN_VALUES = 98304;

  /** The last table built: a fixed saturation factor reuses it on every image. */
  private static volatile PairTable lastPairTable;

  private Enhance() {}

  /** {@code ImageEnhance.Brightness(image).enhance(factor)}; factor in [0, {@value #MAX_FACTOR}]. */
  public static Mat brightness(Mat src, double factor) {
    Images.requireSupported(src, "brightness");
    checkFactor("brightness", factor);
    return perValue(src, blendTable(0, (float) factor), (float) factor);
  }

  /** {@code ImageEnhance.Contrast(image).enhance(factor)}; factor in [0, {@value #MAX_FACTOR}]. */
  public static Mat contrast(Mat src, double factor) {
    Images.requireSupported(src, "contrast");
    checkFactor("contrast", factor);
    return perValue(src, blendTable(greyMean(src), (float) factor), (float) factor);
  }

  /**
   * {@code ImageEnhance.Color(image).enhance(factor)}; factor in [0, {@value #MAX_FACTOR}]. A grey
   * image has no saturation to change and is returned unchanged (a copy).
   */
  public static Mat saturation(Mat src, double factor) {
    Images.requireSupported(src, "saturation");
    checkFactor("saturation", factor);
    if (src.channels() == 1 || factor == 1) {
      return src.clone();
    }
    byte[] px = Pixels.read(src);
    float alpha = (float) factor;
    PairTable cached = lastPairTable;
    boolean reuse = cached != null && cached.alpha() == alpha;
    if (reuse || px.length >= PAIR_TABLE_MIN_VALUES) {
      byte[] table = reuse ? cached.table() : pairTable(alpha);
      for (int i = 0; i < px.length; i += 3) {
        int r = px[i] & 0xff;
        int g = px[i + 1] & 0xff;
        int b = px[i + 2] & 0xff;
        int row = luma(r, g, b) << 8;
        px[i] = table[row | r];
        px[i + 1] = table[row | g];
        px[i + 2] = table[row | b];
      }
      return Pixels.like(src, px);
    }
    for (int i = 0; i < px.length; i += 3) {
      int r = px[i] & 0xff;
      int g = px[i + 1] & 0xff;
      int b = px[i + 2] & 0xff;
      int l = luma(r, g, b);
      px[i] = (byte) blend(l, r, alpha);
      px[i + 1] = (byte) blend(l, g, alpha);
      px[i + 2] = (byte) blend(l, b, alpha);
    }
    return Pixels.like(src, px);
  }

  private record PairTable(float alpha, byte[] table) {}

  /** {@code table[l << 8 | v] = blend(l, v, alpha)} for every grey value l and channel value v. */
  private static byte[] pairTable(float alpha) {
    byte[] table = new byte[256 * 256];
    for (int l = 0; l < 256; l++) {
      for (int v = 0; v < 256; v++) {
        table[l << 8 | v] = (byte) blend(l, v, alpha);
      }
    }
    lastPairTable = new PairTable(alpha, table);
    return table;
  }

  /** PIL's RGB to L conversion of one pixel (ITU-R 601-2 luma, 16-bit fixed point, rounded). */
  public static int luma(int r, int g, int b) {
    return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
  }

  /**
   * The mean of the grey (L) image rounded half up, as {@code ImageEnhance.Contrast}:
   * {@code int(mean + 0.5)}.
   */
  public static int greyMean(Mat src) {
    Images.requireSupported(src, "contrast");
    byte[] px = Pixels.read(src);
    long sum = 0;
    if (src.channels() == 1) {
      for (byte v : px) {
        sum += v & 0xff;
      }
    } else {
      for (int i = 0; i < px.length; i += 3) {
        sum += luma(px[i] & 0xff, px[i + 1] & 0xff, px[i + 2] & 0xff);
      }
    }
    long count = src.total();
    return (int) ((double) sum / count + 0.5);
  }

  /**
   * One value of PIL's {@code Image.blend(degenerate, image, alpha)}: the float expression
   * {@code degenerate + alpha * (image - degenerate)}, clipped to [0, 255] and truncated. Shared by
   * every op that blends as PIL's {@code ImageEnhance} does.
   *
   * @param degenerate the degenerate image's value, 0-255
   * @param image the image's value, 0-255
   * @param alpha the enhance factor (1 = the image, 0 = the degenerate image)
   */
  public static int blend(int degenerate, int image, float alpha) {
    // Truncating first and clipping after gives the same result as PIL's clip-then-truncate (a value
    // in (-1, 0) truncates to 0) and compiles without branches.
    return Math.max(0, Math.min(255, (int) (degenerate + alpha * (image - degenerate))));
  }

  private static byte[] blendTable(int degenerate, float alpha) {
    byte[] table = new byte[256];
    for (int v = 0; v < 256; v++) {
      table[v] = (byte) blend(degenerate, v, alpha);
    }
    return table;
  }

  /**
   * Applies the per-value function {@code table} (nondecreasing, of slope about {@code slope}). On large
   * images this uses OpenCV's SIMD {@code convertTo(alpha, beta)} when some {@code beta} makes it give
   * exactly {@code table} -- see {@link #linearIntercept} -- and {@code Core.LUT} otherwise.
   */
  private static Mat perValue(Mat src, byte[] table, float slope) {
    if (src.isContinuous() && src.total() * src.channels() >= LINEAR_MIN_VALUES) {
      float beta = linearIntercept(table, slope);
      if (!Float.isNaN(beta) && LinearProbe.agrees(table, slope, beta)) {
        Mat dst = new Mat();
        src.convertTo(dst, CvType.CV_8U, slope, beta);
        return dst;
      }
    }
    return withTable(src, table);
  }

  /**
   * A float {@code beta} such that {@code table[v] == sat(rint(v * slope + beta))} for every v in
   * 0..255, both when the product and the sum are rounded separately to float and when they are fused
   * into one rounding (the two ways OpenCV's {@code convertTo} may evaluate {@code v * alpha + beta}
   * in float before rounding half to even and saturating); NaN if none of the candidates works.
   * Candidates come from the interval of real {@code beta} that the constraints allow.
   */
  static float linearIntercept(byte[] table, float slope) {
    double lo = Double.NEGATIVE_INFINITY;
    double hi = Double.POSITIVE_INFINITY;
    for (int v = 0; v < 256; v++) {
      int t = table[v] & 0xff;
      double x = (double) v * slope;
      if (t < 255) {
        hi = Math.min(hi, t + 0.5 - x);
      }
      if (t > 0) {
        lo = Math.max(lo, t - 0.5 - x);
      }
    }
    if (!(lo < hi)) {
      return Float.NaN;
    }
    if (lo == Double.NEGATIVE_INFINITY || hi == Double.POSITIVE_INFINITY) {
      double edge = lo == Double.NEGATIVE_INFINITY ? hi - 1 : lo + 1;
      return reproduces(table, slope, (float) edge) ? (float) edge : Float.NaN;
    }
    for (int k = 1; k < 16; k += 2) {
      float beta = (float) (lo + (hi - lo) * k / 16);
      if (reproduces(table, slope, beta)) {
        return beta;
      }
    }
    return Float.NaN;
  }

  private static boolean reproduces(byte[] table, float slope, float beta) {
    for (int v = 0; v < 256; v++) {
      int t = table[v] & 0xff;
      if (saturate(Math.fma(v, slope, beta)) != t || saturate(v * slope + beta) != t) {
        return false;
      }
    }
    return true;
  }

  /** OpenCV's {@code saturate_cast<uchar>(float)}: round half to even, then clip to [0, 255]. */
  private static int saturate(float x) {
    double r = Math.rint(x);
    return r <= 0 ? 0 : r >= 255 ? 255 : (int) r;
  }

  /**
   * Runs {@code convertTo} itself on the 256 values and compares with the table, so that the fast
   * path is taken only where this OpenCV build is seen to agree (a second guard next to
   * {@link #reproduces}); the last verified (slope, beta) is remembered.
   */
  private static final class LinearProbe {
    private static final Mat RAMP = ramp();
    private static volatile long lastAgreed = -1;

    private static Mat ramp() {
      OpenCv.load();
      byte[] values = new byte[256];
      for (int v = 0; v < 256; v++) {
        values[v] = (byte) v;
      }
      Mat ramp = new Mat(1, 256, CvType.CV_8UC1);
      ramp.put(0, 0, values);
      return ramp;
    }

    static boolean agrees(byte[] table, float slope, float beta) {
      long key = (long) Float.floatToRawIntBits(slope) << 32 | (Float.floatToRawIntBits(beta) & 0xffffffffL);
      if (key == lastAgreed) {
        return true;
      }
      Mat out = new Mat();
      RAMP.convertTo(out, CvType.CV_8U, slope, beta);
      byte[] got = new byte[256];
      out.get(0, 0, got);
      out.release();
      boolean same = java.util.Arrays.equals(got, table);
      if (same) {
        lastAgreed = key;
      }
      return same;
    }
  }

  private static Mat withTable(Mat src, byte[] table) {
    Mat lut = new Mat(1, 256, CvType.CV_8UC1);
    lut.put(0, 0, table);
    Mat dst = new Mat();
    Core.LUT(src, lut, dst);
    lut.release();
    return dst;
  }

  private static void checkFactor(String op, double factor) {
    if (!(factor >= 0 && factor <= MAX_FACTOR)) {
      throw new IllegalArgumentException(op + ": parameter 'factor' must be a number in [0, "
          + (int) MAX_FACTOR + "], got " + factor);
    }
  }
}
