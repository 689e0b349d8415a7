package io.augmill.ops.color;

import io.augmill.ops.image.Images;
import org.opencv.core.Mat;

/**
 * Hue rotation with the semantics of torchvision 0.14 {@code adjust_hue} on a {@code uint8} tensor,
 * reproduced bit for bit: pixels are scaled to [0, 1] in 32-bit float, converted to HSV with
 * torchvision's {@code _rgb2hsv}, the hue is shifted by {@code shift} modulo 1, converted back with
 * {@code _hsv2rgb}, multiplied by 255 and truncated to 8 bits. Every step uses the same float
 * operations in the same order as torchvision, so results are identical (checked on all 2^24 colours).
 *
 * <p>The tensor path is followed rather than the PIL-image path because the latter quantises hue,
 * saturation and value to 8 bits and the shift to multiples of 1/255 before converting back, which
 * changes colours even for a zero shift and makes negative shifts depend on an unsigned cast.
 * Exceptions, both documented: a grey image is returned unchanged (as torchvision), and a shift of
 * exactly 0 is the identity (torchvision's truncation would lower about a quarter of the values by 1).
 */
public final class Hue {

  private static final float[] UNIT = new float[256];

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
    for (int i = 0; i < px.length; i += 3) {
      rotate(px, i, s32);
    }
    return Pixels.like(src, px);
  }

  private static void rotate(byte[] px, int i, float shift) {
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
    float h;
    if (maxc == r) {
      h = bc - gc;
    } else if (maxc == g) {
      h = 2f + rc - bc;
    } else {
      h = 4f + gc - rc;
    }
    h = (h / 6f + 1f) % 1f;
    h = h + shift;
    h = h - (float) Math.floor(h);

    float v = maxc;
    float i6 = (float) Math.floor(h * 6f);
    float f = h * 6f - i6;
    int sector = ((int) i6) % 6;
    float p = clamp(v * (1f - s));
    float q = clamp(v * (1f - s * f));
    float t = clamp(v * (1f - s * (1f - f)));
    float ro;
    float go;
    float bo;
    switch (sector) {
      case 0 -> { ro = v; go = t; bo = p; }
      case 1 -> { ro = q; go = v; bo = p; }
      case 2 -> { ro = p; go = v; bo = t; }
      case 3 -> { ro = p; go = q; bo = v; }
      case 4 -> { ro = t; go = p; bo = v; }
      default -> { ro = v; go = p; bo = q; }
    }
    px[i] = (byte) (int) (ro * 255f);
    px[i + 1] = (byte) (int) (go * 255f);
    px[i + 2] = (byte) (int) (bo * 255f);
  }

  private static float clamp(float x) {
    return Math.min(Math.max(x, 0f), 1f);
  }
}
