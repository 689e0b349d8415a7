package io.augmill.ops.pil;

import io.augmill.ops.image.Images;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * Tone ops with the semantics of Pillow's {@code ImageOps}: each builds a 256-entry lookup table per
 * channel, exactly as {@code ImageOps} does, and maps every value through it. Static, RNG-free; never
 * mutate the input; grey and RGB images (RGB channels are treated independently, as Pillow's
 * per-band histograms do).
 */
public final class PilTone {

  private PilTone() {}

  /** Keeps the top {@code bits} bits of every value ({@code ImageOps.posterize}, a bitwise and); bits in [0, 8]. */
  public static Mat posterize(Mat src, int bits) {
    if (bits < 0 || bits > 8) {
      throw new IllegalArgumentException("posterize: bits must be in [0, 8], got " + bits);
    }
    Images.requireSupported(src, "posterize");
    int mask = ~((1 << (8 - bits)) - 1) & 0xff;
    Mat masks = new Mat(src.size(), src.type(), new Scalar(mask, mask, mask));
    Mat out = new Mat();
    Core.bitwise_and(src, masks, out);
    masks.release();
    return out;
  }

  /** Inverts values at or above {@code threshold}: {@code v < t ? v : 255 - v} ({@code ImageOps.solarize}). */
  public static Mat solarize(Mat src, double threshold) {
    int[] lut = new int[256];
    for (int i = 0; i < 256; i++) {
      lut[i] = i < threshold ? i : 255 - i;
    }
    return map(src, "solarize", lut);
  }

  /**
   * Adds {@code addition} to values below {@code threshold}, clipped to [0, 255], and keeps the others:
   * AutoAugment's {@code solarize_add} (as its TensorFlow code: {@code where(v < t, clip(v + a), v)}).
   */
  public static Mat solarizeAdd(Mat src, int addition, double threshold) {
    int[] lut = new int[256];
    for (int i = 0; i < 256; i++) {
      lut[i] = i < threshold ? Math.max(0, Math.min(255, i + addition)) : i;
    }
    return map(src, "solarize_add", lut);
  }

  /** {@code 255 - v} ({@code ImageOps.invert}), as a bitwise not. */
  public static Mat invert(Mat src) {
    Images.requireSupported(src, "invert");
    Mat out = new Mat();
    Core.bitwise_not(src, out);
    return out;
  }

  /**
   * Histogram equalisation per channel with {@code ImageOps.equalize}'s table: with the channel's
   * histogram {@code h}, {@code step = (count - count of the highest occupied value) // 255}; when the
   * channel has fewer than two distinct values or {@code step} is 0 the channel is unchanged, otherwise
   * value {@code i} maps to {@code min(255, (step // 2 + h[0] + ... + h[i-1]) // step)}. (This is not
   * {@code cv2.equalizeHist}, which normalises by the first occupied value.)
   */
  public static Mat equalize(Mat src) {
    Images.requireSupported(src, "equalize");
    long[][] h = histograms(src);
    int[][] luts = new int[h.length][];
    for (int c = 0; c < h.length; c++) {
      luts[c] = equalizeLut(h[c]);
    }
    return map(src, luts);
  }

  /**
   * Stretches each channel so that its lowest value becomes 0 and its highest 255
   * ({@code ImageOps.autocontrast} with cutoff 0): {@code v -> clip(int(v * 255 / (hi - lo) - lo * 255 / (hi - lo)))};
   * a channel with a single value is unchanged.
   */
  public static Mat autocontrast(Mat src) {
    Images.requireSupported(src, "autocontrast");
    long[][] h = histograms(src);
    int[][] luts = new int[h.length][];
    for (int c = 0; c < h.length; c++) {
      luts[c] = autocontrastLut(h[c]);
    }
    return map(src, luts);
  }

  static int[] equalizeLut(long[] h) {
    int[] lut = identityLut();
    long total = 0;
    long last = 0;
    int distinct = 0;
    for (long count : h) {
      if (count > 0) {
        total += count;
        last = count;
        distinct++;
      }
    }
    if (distinct <= 1) {
      return lut;
    }
    long step = (total - last) / 255;
    if (step == 0) {
      return lut;
    }
    long n = step / 2;
    for (int i = 0; i < 256; i++) {
      // The table can exceed 255 at the top; Pillow clips table entries to 8 bits when applying it.
      lut[i] = (int) Math.min(255, n / step);
      n += h[i];
    }
    return lut;
  }

  static int[] autocontrastLut(long[] h) {
    int lo = 0;
    while (lo < 255 && h[lo] == 0) {
      lo++;
    }
    int hi = 255;
    while (hi > 0 && h[hi] == 0) {
      hi--;
    }
    if (hi <= lo) {
      return identityLut();
    }
    double scale = 255.0 / (hi - lo);
    double offset = -lo * scale;
    int[] lut = new int[256];
    for (int i = 0; i < 256; i++) {
      // Python's int() truncates toward zero; values below 0 are clipped anyway.
      int v = (int) (i * scale + offset);
      lut[i] = Math.max(0, Math.min(255, v));
    }
    return lut;
  }

  /**
   * Per-channel histograms in one pass, {@code h[c][v]} counting value {@code v} in channel {@code c}
   * (exact 64-bit counts; for augmentation-sized images faster than OpenCV's {@code calcHist}, which
   * also counts in single precision).
   */
  static long[][] histograms(Mat src) {
    int ch = src.channels();
    long[][] h = new long[ch][256];
    byte[] d = Pixels.of(src, "histogram").data();
    if (ch == 1) {
      long[] g = h[0];
      for (byte v : d) {
        g[v & 0xff]++;
      }
    } else {
      long[] r = h[0];
      long[] g = h[1];
      long[] b = h[2];
      for (int i = 0; i < d.length; i += 3) {
        r[d[i] & 0xff]++;
        g[d[i + 1] & 0xff]++;
        b[d[i + 2] & 0xff]++;
      }
    }
    return h;
  }

  private static int[] identityLut() {
    int[] lut = new int[256];
    for (int i = 0; i < 256; i++) {
      lut[i] = i;
    }
    return lut;
  }

  /** Maps every value through one table with OpenCV's {@code LUT}: exact, the table holds the 8-bit results. */
  private static Mat map(Mat src, String op, int[] lut) {
    Images.requireSupported(src, op);
    return map(src, new int[][] {lut});
  }

  /** Maps each channel through its own table ({@code luts.length} is 1, or the channel count). */
  private static Mat map(Mat src, int[][] luts) {
    int n = luts.length;
    Mat table = new Mat(1, 256, n == 1 ? CvType.CV_8UC1 : CvType.CV_8UC3);
    byte[] interleaved = new byte[256 * n];
    for (int i = 0; i < 256; i++) {
      for (int c = 0; c < n; c++) {
        interleaved[i * n + c] = (byte) luts[c][i];
      }
    }
    table.put(0, 0, interleaved);
    Mat out = new Mat();
    Core.LUT(src, table, out);
    table.release();
    return out;
  }
}
