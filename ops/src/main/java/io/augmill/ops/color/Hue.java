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
  /**
   * For each sector 0..5 of {@code _hsv2rgb}, which of (v, p, q, t) become R, G and B:
   * (v,t,p), (q,v,p), (p,v,t), (p,q,v), (t,p,v), (v,p,q).
   */
  private static final int[] SECTOR_RGB = {0, 3, 1, 2, 0, 1, 1, 0, 3, 1, 2, 0, 3, 1, 0, 0, 1, 2};

  static {
    for (int v = 0; v < 256; v++) {
      UNIT[v] = (float) v / 255f;
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
    float[] scratch = new float[4];
    for (int i = 0; i < px.length; i += 3) {
      rotate(px, i, s32, scratch);
    }
    return Pixels.like(src, px);
  }

  private static void rotate(byte[] px, int i, float shift, float[] scratch) {
    float r = UNIT[px[i] & 0xff];
    float g = UNIT[px[i + 1] & 0xff];
    float b = UNIT[px[i + 2] & 0xff];
    float maxc = Math.max(r, Math.max(g, b));
    float minc = Math.min(r, Math.min(g, b));
    boolean eqc = maxc == minc;
    float cr = maxc - minc;
    float s = cr / (eqc ? 1f : maxc);
    float divisor = eqc ? 1f : cr;
    float rc = (maxc - r) / divisor;
    float gc = (maxc - g) / divisor;
    float bc = (maxc - b) / divisor;
    // torchvision sums three masked terms of which exactly one is selected; choosing it gives the same value
    float hr = bc - gc;
    float hg = 2f + rc - bc;
    float hb = 4f + gc - rc;
    float h = maxc == r ? hr : maxc == g ? hg : hb;
    // torchvision: fmod(h / 6 + 1, 1). The argument lies in [5/6, 11/6], where fmod is exactly x or
    // x - 1 (Sterbenz), so the subtraction gives the same float without the slow remainder.
    h = h / 6f + 1f;
    if (h >= 1f) {
      h -= 1f;
    }
    // torchvision: (h + shift) % 1.0, i.e. h - floor(h), for a sum in [-0.5, 1.5).
    h = h + shift;
    if (h < 0f) {
      h += 1f;
    } else if (h >= 1f) {
      h -= 1f;
    }

    float v = maxc;
    int i6 = (int) (h * 6f);
    float f = h * 6f - i6;
    int sector = i6 % 6;
    float p = clamp(v * (1f - s));
    float q = clamp(v * (1f - s * f));
    float t = clamp(v * (1f - s * (1f - f)));
    // table lookup instead of a six-way switch: sectors are unpredictable, so branches would stall
    scratch[0] = v;
    scratch[1] = p;
    scratch[2] = q;
    scratch[3] = t;
    int k = sector * 3;
    px[i] = (byte) (int) (scratch[SECTOR_RGB[k]] * 255f);
    px[i + 1] = (byte) (int) (scratch[SECTOR_RGB[k + 1]] * 255f);
    px[i + 2] = (byte) (int) (scratch[SECTOR_RGB[k + 2]] * 255f);
  }

  private static float clamp(float x) {
    return Math.min(Math.max(x, 0f), 1f);
  }
}
