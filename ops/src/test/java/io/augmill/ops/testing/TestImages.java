package io.augmill.ops.testing;

import io.augmill.ops.image.OpenCv;
import java.util.SplittableRandom;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Deterministic test inputs generated in code (no binary fixtures needed) and pixel comparisons.
 * Shared with the cross-module suites through the ops test-jar.
 */
public final class TestImages {

  static {
    OpenCv.load();
  }

  private TestImages() {}

  /**
   * A colour test chart that exercises edges: a horizontal red and a vertical green gradient, a blue
   * diagonal, one-pixel lines every 8 pixels, and six saturated colour patches.
   */
  public static Mat chart(int width, int height) {
    byte[] px = new byte[width * height * 3];
    int[][] patches = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 0}, {0, 255, 255}, {255, 0, 255}};
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int r = width > 1 ? x * 255 / (width - 1) : 0;
        int g = height > 1 ? y * 255 / (height - 1) : 0;
        int b = (x + y) * 255 / Math.max(1, width + height - 2);
        if (x % 8 == 3 || y % 8 == 5) {
          r = 255 - r;
          g = 255 - g;
          b = 20;
        }
        int patchW = Math.max(2, width / 8);
        int patchH = Math.max(2, height / 8);
        if (y >= height - patchH - 1 && y < height - 1) {
          int p = x / patchW;
          if (p < patches.length && x % patchW != 0) {
            r = patches[p][0];
            g = patches[p][1];
            b = patches[p][2];
          }
        }
        int i = (y * width + x) * 3;
        px[i] = (byte) r;
        px[i + 1] = (byte) g;
        px[i + 2] = (byte) b;
      }
    }
    return fromPixels(px, width, height, 3);
  }

  /** A grey image: a radial gradient with a checkerboard in the top-left quarter. */
  public static Mat grey(int width, int height) {
    byte[] px = new byte[width * height];
    double cx = (width - 1) / 2.0;
    double cy = (height - 1) / 2.0;
    double maxR = Math.hypot(cx, cy) + 1e-9;
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int v = (int) Math.round(255 * (1 - Math.hypot(x - cx, y - cy) / maxR));
        if (x < width / 2 && y < height / 2 && ((x / 2 + y / 2) % 2 == 0)) {
          v = 255 - v;
        }
        px[y * width + x] = (byte) v;
      }
    }
    return fromPixels(px, width, height, 1);
  }

  /** Uniform noise with a fixed seed. */
  public static Mat noise(int width, int height, int channels, long seed) {
    byte[] px = new byte[width * height * channels];
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) rng.nextInt(256);
    }
    return fromPixels(px, width, height, channels);
  }

  /** A Mat holding the given HWC pixels. */
  public static Mat fromPixels(byte[] px, int width, int height, int channels) {
    Mat m = new Mat(height, width, channels == 1 ? CvType.CV_8UC1 : CvType.CV_8UC3);
    m.put(0, 0, px);
    return m;
  }

  /** The HWC pixels of a Mat. */
  public static byte[] pixels(Mat m) {
    Mat c = m.isContinuous() ? m : m.clone();
    byte[] px = new byte[(int) (c.total() * c.channels())];
    c.get(0, 0, px);
    return px;
  }

  /** Largest absolute per-channel difference; the Mats must have the same size and type. */
  public static int maxAbsDiff(Mat a, Mat b) {
    requireSameShape(a, b);
    Mat diff = new Mat();
    Core.absdiff(a, b, diff);
    Mat flat = diff.reshape(1);
    double max = Core.minMaxLoc(flat).maxVal;
    diff.release();
    return (int) max;
  }

  /** Number of pixel channel values differing by more than {@code tolerance}. */
  public static int countOver(Mat a, Mat b, int tolerance) {
    requireSameShape(a, b);
    byte[] pa = pixels(a);
    byte[] pb = pixels(b);
    int n = 0;
    for (int i = 0; i < pa.length; i++) {
      if (Math.abs((pa[i] & 0xff) - (pb[i] & 0xff)) > tolerance) {
        n++;
      }
    }
    return n;
  }

  /** Peak signal-to-noise ratio in dB for 8-bit images; infinite when identical. */
  public static double psnr(Mat a, Mat b) {
    requireSameShape(a, b);
    byte[] pa = pixels(a);
    byte[] pb = pixels(b);
    double se = 0;
    for (int i = 0; i < pa.length; i++) {
      double d = (pa[i] & 0xff) - (pb[i] & 0xff);
      se += d * d;
    }
    return se == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 / (se / pa.length));
  }

  private static void requireSameShape(Mat a, Mat b) {
    if (a.rows() != b.rows() || a.cols() != b.cols() || a.type() != b.type()) {
      throw new AssertionError("shape differs: " + a + " vs " + b);
    }
  }
}
