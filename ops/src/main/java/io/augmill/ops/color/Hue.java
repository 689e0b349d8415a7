package io.augmill.ops.color;

import io.augmill.ops.image.Images;
import org.opencv.core.Mat;

/**
 * Hue rotation with the semantics of torchvision 0.14 {@code adjust_hue} on a {@code uint8} tensor,
 * reproduced bit for bit: pixels are scaled to [0, 1] in 32-bit float, converted to HSV with
 * torchvision's {@code _rgb2hsv}, the hue is shifted by {@code shift} modulo 1, converted back with
 * {@code _hsv2rgb}, multiplied by 255 and truncated to 8 bits. Every step performs the same float
 * operations in the same order as torchvision, or one that provably yields the same float (noted where
 * it happens), so results are identical; checked on all 2^24 colours at seven shifts.
 *
 * <p>The tensor path is followed rather than the PIL-image path because the latter quantises hue,
 * saturation and value to 8 bits and the shift to multiples of 1/255 before converting back, which
 * changes colours even for a zero shift and makes negative shifts depend on an unsigned cast.
 * Exceptions, both documented: a grey image is returned unchanged (as torchvision), and a shift of
 * exactly 0 is the identity (torchvision's truncation would lower about a quarter of the values by 1).
 */
public final class Hue {

  private static final float[] UNIT = new float[256];
  /** {@code (int) (UNIT[v] * 255f)}: the output byte of a channel that keeps the value v = max. */
  private static final byte[] VALUE_BYTE = new byte[256];
  /** Saturation {@code s = (max - min) / max} as torchvision computes it, indexed {@code max << 8 | min}. */
  private static final float[] SATURATION = new float[256 * 256];
  /** The output byte of the channel that becomes {@code p = clamp(v * (1 - s))}, indexed as SATURATION. */
  private static final byte[] P_BYTE = new byte[256 * 256];
  /**
   * For each of the six cases (which channel is the maximum, then whether the middle one is above or
   * below the remaining one), torchvision's {@code h6} equals {@code (K1 + SIGN * m) - K2}, where
   * {@code m = (max - mid) / (max - min)} is the one non-trivial quotient; the other two quotients are 0
   * (the maximum channel) and exactly 1 (the minimum channel).
   */
  private static final float[] K1 = {1f, -1f, 2f, 3f, 4f, 5f};
  private static final float[] SIGN = {-1f, 1f, 1f, -1f, 1f, -1f};
  private static final float[] K2 = {0f, 0f, 1f, 0f, 1f, 0f};
  /**
   * For each sector 0..5 of {@code _hsv2rgb} -- (v,t,p), (q,v,p), (p,v,t), (p,q,v), (t,p,v), (v,p,q) --
   * the output channel of v, of p, and of the remaining value w (t in even sectors, q in odd ones).
   */
  private static final int[] V_AT = {0, 1, 1, 2, 2, 0};
  private static final int[] P_AT = {2, 2, 0, 0, 1, 1};
  private static final int[] W_AT = {1, 0, 2, 1, 0, 2};
  /** {@code i6 % 6} for {@code i6 = (int) (h * 6)} in 0..6. */
  private static final int[] SECTOR = {0, 1, 2, 3, 4, 5, 0};
  /**
   * The case 0..5 of {@link #K1} from the bits {@code r>=g, r>=b, g>=b, g>=r}: red is a maximum
   * (then green &gt;= blue?), else green is (then red &gt;= blue?), else blue is (then green &gt;= red?).
   */
  private static final int[] CASE = new int[16];

  static {
    for (int bits = 0; bits < 16; bits++) {
      boolean rg = (bits & 8) != 0;
      boolean rb = (bits & 4) != 0;
      boolean gb = (bits & 2) != 0;
      boolean gr = (bits & 1) != 0;
      CASE[bits] = rg && rb ? (gb ? 0 : 1) : gb && gr ? (rb ? 2 : 3) : (gr ? 4 : 5);
    }
    for (int v = 0; v < 256; v++) {
      UNIT[v] = (float) v / 255f;
      VALUE_BYTE[v] = (byte) (int) (UNIT[v] * 255f);
    }
    for (int max = 0; max < 256; max++) {
      for (int min = 0; min <= max; min++) {
        float maxc = UNIT[max];
        float cr = maxc - UNIT[min];
        float s = cr / (max == min ? 1f : maxc);
        SATURATION[max << 8 | min] = s;
        P_BYTE[max << 8 | min] = (byte) (int) (clamp(maxc * (1f - s)) * 255f);
      }
    }
  }

  private Hue() {}

  /**
   * Rotates the hue by {@code shift}, a fraction of the hue circle in [-0.5, 0.5].
   *
   * @throws IllegalArgumentException for a shift outside [-0.5, 0.5] or an unsupported image
   */
  public static Mat shift(Mat src, double shift) {
    Images.requireSupported(src, "hue");
    if (!(shift >= -0.5 && shift <= 0.5)) {
      throw new IllegalArgumentException("hue: parameter 'shift' must be a number in [-0.5, 0.5], got " + shift);
    }
    if (src.channels() == 1 || shift == 0) {
      return src.clone();
    }
    float s32 = (float) shift;
    byte[] px = Pixels.read(src);
    for (int i = 0; i < px.length; i += 3) {
      rotate(px, i, s32);
    }
    return Pixels.like(src, px);
  }

  /**
   * Rotates the pixel at {@code px[i..i+2]} in place. Same float operations as torchvision, with these
   * provably equal shortcuts (and checked against the direct transcription on all 2^24 colours):
   * only the middle channel's quotient is divided (see {@link #K1}); {@code s} and the bytes of v and p
   * depend only on (max, min) and come from tables; {@code h6 / 6f} is computed as the double product
   * {@code h6 * (1.0 / 6)} rounded to float, which is the correctly rounded quotient because the exact
   * quotient of a float by 6 is either a float or at least 1/6 ulp away from a rounding midpoint (its
   * binary digits repeat 01), far more than the double product's error of about 2^-52 relative (also
   * checked on every float in [-1, 5]).
   */
  private static void rotate(byte[] px, int i, float shift) {
    int r = px[i] & 0xff;
    int g = px[i + 1] & 0xff;
    int b = px[i + 2] & 0xff;
    int max = Math.max(r, Math.max(g, b));
    int min = Math.min(r, Math.min(g, b));
    int mid = r + g + b - max - min;
    int c = CASE[ge(r, g) << 3 | ge(r, b) << 2 | ge(g, b) << 1 | ge(g, r)];
    int grey = ge(min, max);
    float maxc = UNIT[max];
    float cr = maxc - UNIT[min];
    // torchvision divides by 1 instead of cr for a grey pixel (cr = 0 then, so cr + 1 = 1 exactly)
    float m = (maxc - UNIT[mid]) / (cr + grey);
    float h6 = (K1[c] + SIGN[c] * m) - K2[c];
    // torchvision: fmod(h6 / 6 + 1, 1). The argument x lies in [5/6, 11/6], where fmod is exactly x or
    // x - 1 (Sterbenz), so subtracting the integer part (0 or 1) gives the same float.
    float x = (float) (h6 * (1.0 / 6.0)) + 1f;
    float h = x - (int) x;
    // torchvision: (h + shift) % 1.0, i.e. y - floor(y), for a sum y in [-0.5, 1.5).
    float y = h + shift;
    h = y - ((y < 0f ? -1 : 0) + (y >= 1f ? 1 : 0));
    int i6 = (int) (h * 6f);
    float f = h * 6f - i6;
    int sector = SECTOR[i6];
    int key = max << 8 | min;
    float s = SATURATION[key];
    int q = (int) (clamp(maxc * (1f - s * f)) * 255f);
    int t = (int) (clamp(maxc * (1f - s * (1f - f))) * 255f);
    px[i + V_AT[sector]] = VALUE_BYTE[max];
    px[i + P_AT[sector]] = P_BYTE[key];
    px[i + W_AT[sector]] = (byte) ((sector & 1) != 0 ? q : t);
  }

  /** 1 if {@code a >= b}, else 0, for values in 0..255, without a branch. */
  private static int ge(int a, int b) {
    return ((a - b) >> 31) + 1;
  }

  private static float clamp(float x) {
    return Math.min(Math.max(x, 0f), 1f);
  }
}
