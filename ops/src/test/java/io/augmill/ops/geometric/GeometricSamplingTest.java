package io.augmill.ops.geometric;

import static org.assertj.core.api.Assertions.assertThat;

import io.augmill.ops.Border;
import io.augmill.ops.Fill;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Interpolation;
import io.augmill.ops.Params;
import io.augmill.ops.Transform;
import io.augmill.ops.spec.OpRegistry;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Distribution tests for the geometric samplers. Seeds are fixed, so these never flake; the bounds are
 * wide enough (chi-square at p = 0.001, or 5 standard errors) that a correct sampler passes for almost
 * any seed, and narrow enough that a biased one fails.
 */
class GeometricSamplingTest {

  private static final OpRegistry REGISTRY = OpRegistry.builtin();
  private static final ImageInfo CIFAR = new ImageInfo(32, 32, 3);

  @Test
  void flipRateMatchesP() {
    for (double p : new double[] {0.5, 0.2, 0.9}) {
      Transform<?> flip = REGISTRY.json().read("{op: random_hflip, p: " + p + "}");
      SplittableRandom rng = new SplittableRandom(11);
      int n = 20_000;
      int flipped = 0;
      for (int i = 0; i < n; i++) {
        Params drawn = flip.sample(rng, CIFAR);
        flipped += Transform.replayAny(flip, drawn).isEmpty() ? 0 : 1;
      }
      double sd = Math.sqrt(n * p * (1 - p));
      assertThat((double) flipped).as("flips at p=" + p).isCloseTo(n * p, org.assertj.core.data.Offset.offset(4.5 * sd));
    }
    Transform<?> byDefault = REGISTRY.json().read("random_vflip");
    SplittableRandom rng = new SplittableRandom(12);
    int flipped = 0;
    for (int i = 0; i < 10_000; i++) {
      flipped += Transform.replayAny(byDefault, byDefault.sample(rng, CIFAR)).isEmpty() ? 0 : 1;
    }
    assertThat(flipped).as("random_vflip defaults to p=0.5").isBetween(5000 - 225, 5000 + 225);
  }

  @Test
  void cropOffsetsCoverZeroToTwicePaddingUniformly() {
    RandomCrop crop = new RandomCrop(32, 32, 4, Border.CONSTANT, Fill.BLACK);
    SplittableRandom rng = new SplittableRandom(5);
    int n = 18_000;
    long[] xs = new long[9];
    long[] ys = new long[9];
    for (int i = 0; i < n; i++) {
      RandomCrop.Offset o = crop.sample(rng, CIFAR);
      assertThat(o.x()).isBetween(0, 8);
      assertThat(o.y()).isBetween(0, 8);
      xs[o.x()]++;
      ys[o.y()]++;
    }
    assertThat(xs).doesNotContain(0L);
    assertThat(ys).doesNotContain(0L);
    assertThat(chiSquareUniform(xs)).as("x offsets").isLessThan(26.12);
    assertThat(chiSquareUniform(ys)).as("y offsets").isLessThan(26.12);
  }

  @Test
  void rotateAngleIsUniformInTheRange() {
    RandomRotate rotate = new RandomRotate(30, Interpolation.NEAREST, Border.CONSTANT, Fill.BLACK);
    SplittableRandom rng = new SplittableRandom(3);
    int n = 24_000;
    long[] bins = new long[12];
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      double a = rotate.sample(rng, CIFAR).degrees();
      assertThat(a).isBetween(-30.0, 30.0);
      min = Math.min(min, a);
      max = Math.max(max, a);
      bins[Math.min(11, (int) ((a + 30) / 5))]++;
    }
    assertThat(min).isLessThan(-29.9);
    assertThat(max).isGreaterThan(29.9);
    assertThat(chiSquareUniform(bins)).isLessThan(31.26);
  }

  /** Where the first try always fits, the area fraction is uniform in scale and log(w/h) uniform in log(ratio). */
  @Test
  void resizedCropAreaAndLogRatioAreUniformWhenEveryTryFits() {
    RandomResizedCrop rrc = new RandomResizedCrop(8, 8, new double[] {0.1, 0.5}, new double[] {0.8, 1.25},
        Interpolation.BILINEAR);
    ImageInfo info = new ImageInfo(1000, 1000, 3);
    SplittableRandom rng = new SplittableRandom(8);
    int n = 20_000;
    long[] areaBins = new long[8];
    long[] ratioBins = new long[8];
    double logLo = Math.log(0.8);
    double logHi = Math.log(1.25);
    int leftEdge = 0;
    for (int i = 0; i < n; i++) {
      RandomResizedCrop.Window w = rrc.sample(rng, info);
      assertThat(w.x() + w.width()).isLessThanOrEqualTo(1000);
      assertThat(w.y() + w.height()).isLessThanOrEqualTo(1000);
      double area = w.width() * (double) w.height() / 1e6;
      double logRatio = Math.log((double) w.width() / w.height());
      areaBins[clampBin((area - 0.1) / 0.4 * 8)]++;
      ratioBins[clampBin((logRatio - logLo) / (logHi - logLo) * 8)]++;
      leftEdge += w.x() == 0 ? 1 : 0;
    }
    assertThat(chiSquareUniform(areaBins)).as("area fraction").isLessThan(24.32);
    assertThat(chiSquareUniform(ratioBins)).as("log aspect ratio").isLessThan(24.32);
    assertThat(leftEdge).as("windows touching the left edge (x uniform in [0, W - w])").isPositive();
  }

  /**
   * Where tries often fail, the window statistics match the algorithm's, computed here by integrating over
   * one try's (scale, log-ratio) square: each try fits with probability q, the first fitting try is
   * uniform over the fitting region, and all ten fail with probability (1 - q)^10.
   */
  @Test
  void resizedCropMatchesTheAlgorithmsDistributionWhenTriesFail() {
    int width = 100;
    int height = 40;
    double[] scale = {0.3, 1.0};
    // All ten tries fail often enough here, and the fallback (image ratio 2.5 above 2) is the centred
    // window of height 40 and width round(40 * 2) = 80.
    int fallbackWidth = 80;
    double[] ratio = {0.5, 2.0};
    int grid = 800;
    double fits = 0;
    double sumW = 0;
    double sumH = 0;
    double fallbackSized = 0;
    for (int i = 0; i < grid; i++) {
      double s = scale[0] + (scale[1] - scale[0]) * (i + 0.5) / grid;
      for (int j = 0; j < grid; j++) {
        double r = Math.exp(Math.log(ratio[0]) + (Math.log(ratio[1]) - Math.log(ratio[0])) * (j + 0.5) / grid);
        int w = (int) Math.rint(Math.sqrt(s * width * height * r));
        int h = (int) Math.rint(Math.sqrt(s * width * height / r));
        if (w > 0 && w <= width && h > 0 && h <= height) {
          fits++;
          sumW += w;
          sumH += h;
          fallbackSized += w == fallbackWidth && h == height ? 1 : 0;
        }
      }
    }
    double q = fits / ((double) grid * grid);
    double fallback = Math.pow(1 - q, RandomResizedCrop.TRIES);
    double expectedFallback = fallback + (1 - fallback) * fallbackSized / fits;
    double expectedW = fallback * fallbackWidth + (1 - fallback) * sumW / fits;
    double expectedH = fallback * height + (1 - fallback) * sumH / fits;

    RandomResizedCrop rrc = new RandomResizedCrop(8, 8, scale, ratio, Interpolation.BILINEAR);
    SplittableRandom rng = new SplittableRandom(21);
    int n = 40_000;
    double[] ws = new double[n];
    double[] hs = new double[n];
    int fallbackCount = 0;
    for (int i = 0; i < n; i++) {
      RandomResizedCrop.Window w = rrc.sample(rng, new ImageInfo(width, height, 3));
      ws[i] = w.width();
      hs[i] = w.height();
      fallbackCount += w.width() == fallbackWidth && w.height() == height ? 1 : 0;
    }
    assertThat(fallback).as("the case exercises the fallback").isGreaterThan(0.01);
    double sdFallback = Math.sqrt(n * expectedFallback * (1 - expectedFallback));
    assertThat((double) fallbackCount).as("fallback-sized windows").isBetween(n * expectedFallback - 5 * sdFallback,
        n * expectedFallback + 5 * sdFallback);
    assertThat(mean(ws)).as("mean width").isBetween(expectedW - 5 * sd(ws) / Math.sqrt(n), expectedW + 5 * sd(ws) / Math.sqrt(n));
    assertThat(mean(hs)).as("mean height").isBetween(expectedH - 5 * sd(hs) / Math.sqrt(n), expectedH + 5 * sd(hs) / Math.sqrt(n));
  }

  @Test
  void resizedCropFallsBackToTheCentreClampedToTheRatioRange() {
    ImageInfo info = new ImageInfo(40, 36, 3);
    SplittableRandom rng = new SplittableRandom(1);
    // Ratio 4..5 never fits a 40x36 image at scale >= 0.9: width 40, height round(40 / 4) = 10, centred.
    RandomResizedCrop wide = new RandomResizedCrop(8, 8, new double[] {0.9, 1.0}, new double[] {4, 5}, Interpolation.NEAREST);
    assertThat(wide.sample(rng, info)).isEqualTo(new RandomResizedCrop.Window(0, 13, 40, 10));
    // Ratio 0.1..0.2: height 36, width round(36 * 0.2) = 7, x = (40 - 7) / 2 = 16.
    RandomResizedCrop tall = new RandomResizedCrop(8, 8, new double[] {0.9, 1.0}, new double[] {0.1, 0.2}, Interpolation.NEAREST);
    assertThat(tall.sample(rng, info)).isEqualTo(new RandomResizedCrop.Window(16, 0, 7, 36));
    // An image whose own ratio is inside the range falls back to the whole image.
    assertThat(RandomResizedCrop.fallback(40, 36, new double[] {1.0, 1.2}))
        .isEqualTo(new RandomResizedCrop.Window(0, 0, 40, 36));
  }

  private static int clampBin(double v) {
    return Math.max(0, Math.min(7, (int) v));
  }

  private static double chiSquareUniform(long[] counts) {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    double expected = (double) n / counts.length;
    double chi = 0;
    for (long c : counts) {
      chi += (c - expected) * (c - expected) / expected;
    }
    return chi;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }

  private static double sd(double[] v) {
    double m = mean(v);
    double s = 0;
    for (double d : v) {
      s += (d - m) * (d - m);
    }
    return Math.sqrt(s / (v.length - 1));
  }
}
