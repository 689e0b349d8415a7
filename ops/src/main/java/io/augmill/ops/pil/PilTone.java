package io.augmill.ops.pil;

import org.opencv.core.Mat;

/**
 * Tone ops with the semantics of Pillow's {@code ImageOps}: each builds a 256-entry lookup table per
 * channel, exactly as {@code ImageOps} does, and maps every value through it. Static, RNG-free; never
 * mutate the input; grey and RGB images (RGB channels are treated independently, as Pillow's
 * per-band histograms do).
 */
public final class PilTone {

  private PilTone() {}

  /** Keeps the top {@code bits} bits of every value ({@code ImageOps.posterize}); bits in [0, 8]. */
  public static Mat posterize(Mat src, int bits) {
    if (bits < 0 || bits > 8) {
      throw new IllegalArgumentException("posterize: bits must be in [0, 8], got " + bits);
    }
    int mask = ~((1 << (8 - bits)) - 1);
    int[] lut = new int[256];
    for (int i = 0; i < 256; i++) {
      lut[i] = i & mask & 0xff;
    }
    return map(src, "posterize", lut);
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

  /** {@code 255 - v} ({@code ImageOps.invert}). */
  public static Mat invert(Mat src) {
    int[] lut = new int[256];
    for (int i = 0; i < 256; i++) {
      lut[i] = 255 - i;
    }
    return map(src, "invert", lut);
  }

  /**
   * Histogram equalisation per channel with {@code ImageOps.equalize}'s table: with the channel's
   * histogram {@code h}, {@code step = (count - count of the highest occupied value) // 255}; when the
   * channel has fewer than two distinct values or {@code step} is 0 the channel is unchanged, otherwise
   * value {@code i} maps to {@code min(255, (step // 2 + h[0] + ... + h[i-1]) // step)}. (This is not
   * {@code cv2.equalizeHist}, which normalises by the first occupied value.)
   */
  public static Mat equalize(Mat src) {
    Pixels px = Pixels.of(src, "equalize");
    long[][] h = histograms(px);
    int[][] luts = new int[px.channels()][];
    for (int c = 0; c < px.channels(); c++) {
      luts[c] = equalizeLut(h[c]);
    }
    return map(src, px, luts);
  }

  /**
   * Stretches each channel so that its lowest value becomes 0 and its highest 255
   * ({@code ImageOps.autocontrast} with cutoff 0): {@code v -> clip(int(v * 255 / (hi - lo) - lo * 255 / (hi - lo)))};
   * a channel with a single value is unchanged.
   */
  public static Mat autocontrast(Mat src) {
    Pixels px = Pixels.of(src, "autocontrast");
    long[][] h = histograms(px);
    int[][] luts = new int[px.channels()][];
    for (int c = 0; c < px.channels(); c++) {
      luts[c] = autocontrastLut(h[c]);
    }
    return map(src, px, luts);
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

  /** Per-channel histograms in one pass: {@code h[c][v]} counts value {@code v} in channel {@code c}. */
  private static long[][] histograms(Pixels px) {
    int ch = px.channels();
    long[][] h = new long[ch][256];
    byte[] d = px.data();
    if (ch == 1) {
      for (byte v : d) {
        h[0][v & 0xff]++;
      }
    } else {
      for (int i = 0; i < d.length; i += 3) {
        h[0][d[i] & 0xff]++;
        h[1][d[i + 1] & 0xff]++;
        h[2][d[i + 2] & 0xff]++;
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

  /** Maps every value through one table. */
  private static Mat map(Mat src, String op, int[] lut) {
    Pixels px = Pixels.of(src, op);
    return map(src, px, new int[][] {lut, lut, lut});
  }

  /**
   * Maps each channel through its own table. A Java loop: for the small images augmentation works
   * on, it is several times faster than building an OpenCV lookup Mat and calling {@code Core.LUT}.
   */
  private static Mat map(Mat src, Pixels px, int[][] luts) {
    byte[] d = px.data();
    byte[] out = new byte[d.length];
    if (px.channels() == 1) {
      byte[] t = toBytes(luts[0]);
      for (int i = 0; i < d.length; i++) {
        out[i] = t[d[i] & 0xff];
      }
    } else {
      byte[] r = toBytes(luts[0]);
      byte[] g = toBytes(luts[1]);
      byte[] b = toBytes(luts[2]);
      for (int i = 0; i < d.length; i += 3) {
        out[i] = r[d[i] & 0xff];
        out[i + 1] = g[d[i + 1] & 0xff];
        out[i + 2] = b[d[i + 2] & 0xff];
      }
    }
    return px.with(out).toMat();
  }

  private static byte[] toBytes(int[] lut) {
    byte[] b = new byte[256];
    for (int i = 0; i < 256; i++) {
      b[i] = (byte) lut[i];
    }
    return b;
  }
}
