package io.augmill.ops.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.augmill.ops.ImageInfo;
import io.augmill.ops.Transform;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.testing.TestImages;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

class LightingTest {

  private static final double[] ONES = {1, 1, 1};
  private static final double[][] IDENTITY = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};

  static {
    OpRegistry.builtin();
  }

  private static int[] values(Mat m) {
    byte[] px = TestImages.pixels(m);
    int[] out = new int[px.length];
    for (int i = 0; i < px.length; i++) {
      out[i] = px[i] & 0xff;
    }
    return out;
  }

  @Test
  void deltaIsEigvecTimesAlphaTimesEigval() {
    double[] d = Lighting.delta(new double[] {1, 0, 0}, Lighting.IMAGENET_EIGVAL, Lighting.IMAGENET_EIGVEC);
    assertThat(d[0]).isCloseTo(-0.5675 * 0.2175, within(1e-15));
    assertThat(d[1]).isCloseTo(-0.5808 * 0.2175, within(1e-15));
    assertThat(d[2]).isCloseTo(-0.5836 * 0.2175, within(1e-15));
    double[] e = Lighting.delta(new double[] {0, 2, -1}, new double[] {0.5, 0.25, 0.125}, IDENTITY);
    assertThat(e).containsExactly(0, 0.5, -0.125);
  }

  @Test
  void addsTheScaledOffsetRoundingTiesToEvenAndClipping() {
    Mat px = TestImages.fromPixels(new byte[] {100, 99, 10, (byte) 250, (byte) 250, (byte) 250}, 2, 1, 3);
    // delta (0.1, -0.2, 0.1): +25.5 / -51 / +25.5 on the 8-bit scale
    Mat out = Lighting.add(px, new double[] {0.1, -0.2, 0.1});
    // 125.5 -> 126 (even), 99 - 51 = 48, 35.5 -> 36 (even), 275.5 -> 255, 199, 255
    assertThat(values(out)).containsExactly(126, 48, 36, 255, 199, 255);
    Mat neg = Lighting.add(TestImages.fromPixels(new byte[] {10, 10, 10}, 1, 1, 3), new double[] {-0.1, -0.1, -0.1});
    assertThat(values(neg)).containsExactly(0, 0, 0);
  }

  @Test
  void greyImagesReceiveTheLumaOfTheOffset() {
    Mat g = TestImages.fromPixels(new byte[] {100, 0}, 2, 1, 1);
    // 255 * (0.299 * 0.2 + 0.587 * 0.1 + 0.114 * -0.5) = 255 * 0.0615 = 15.68 -> 16
    assertThat(values(Lighting.add(g, new double[] {0.2, 0.1, -0.5}))).containsExactly(116, 16);
  }

  @Test
  void fixedSpecOmitsDefaultEigenPairsAndAppliesThem() {
    var t = OpRegistry.builtin().create(OpSpec.parse("pca_lighting(alpha=[0.5,-1.0,2.0])"));
    assertThat(t.toJson().toString()).isEqualTo("{\"op\":\"pca_lighting\",\"args\":{\"alpha\":[0.5,-1.0,2.0]}}");
    Mat chart = TestImages.chart(16, 8);
    Mat expected = Lighting.add(chart, Lighting.delta(new double[] {0.5, -1, 2}, Lighting.IMAGENET_EIGVAL,
        Lighting.IMAGENET_EIGVEC));
    Mat actual = Transform.applyAny(t, chart, t.sample(new SplittableRandom(1), ImageInfo.of(chart)));
    assertThat(TestImages.pixels(actual)).isEqualTo(TestImages.pixels(expected));
  }

  @Test
  void randomCoefficientsAreNormalWithTheGivenStdAndReplayExactly() {
    RandomPcaLighting t = new RandomPcaLighting(0.1, Lighting.IMAGENET_EIGVAL, Lighting.IMAGENET_EIGVEC);
    SplittableRandom rng = new SplittableRandom(42);
    int n = 20000;
    double[] sum = new double[3];
    double[] sumSq = new double[3];
    double maxAbs = 0;
    for (int i = 0; i < n; i++) {
      double[] a = t.sample(rng, new ImageInfo(8, 8, 3)).alpha();
      for (int j = 0; j < 3; j++) {
        sum[j] += a[j];
        sumSq[j] += a[j] * a[j];
        maxAbs = Math.max(maxAbs, Math.abs(a[j]));
      }
    }
    for (int j = 0; j < 3; j++) {
      double mean = sum[j] / n;
      double std = Math.sqrt(sumSq[j] / n - mean * mean);
      // standard error of the mean 0.1/sqrt(20000) = 0.0007; of the std about 0.0005
      assertThat(mean).isCloseTo(0, within(0.004));
      assertThat(std).isCloseTo(0.1, within(0.003));
    }
    assertThat(maxAbs).as("tails are reached").isGreaterThan(0.3);

    Mat chart = TestImages.chart(12, 10);
    RandomPcaLighting.Draw draw = t.sample(new SplittableRandom(3), ImageInfo.of(chart));
    var replay = t.replay(draw);
    assertThat(replay).hasSize(1);
    assertThat(replay.get(0).op()).isEqualTo("pca_lighting");
    var fixed = OpRegistry.builtin().create(OpSpec.parse(replay.get(0).toString()));
    assertThat(TestImages.pixels(Transform.applyAny(fixed, chart, io.augmill.ops.Params.None.INSTANCE)))
        .isEqualTo(TestImages.pixels(t.apply(chart, draw)));
  }

  @Test
  void customEigenPairsAreKeptInTheReplay() {
    var t = OpRegistry.builtin().create(OpSpec.parse("pca_lighting(alphastd=0.5,eigval=[0.3,0.2,0.1],eigvec="
        + "[[1,0,0],[0,1,0],[0,0,1]])"));
    var replay = Transform.replayAny(t, t.sample(new SplittableRandom(5), new ImageInfo(4, 4, 3)));
    assertThat(replay.get(0).args().has("eigval")).isTrue();
    assertThat(replay.get(0).args().has("eigvec")).isTrue();
  }

  @Test
  void invalidArgumentsAreRejectedNamingThem() {
    OpRegistry r = OpRegistry.builtin();
    assertThatThrownBy(() -> r.create(OpSpec.parse("pca_lighting(alpha=[1,2])")))
        .hasMessageContaining("'alpha'").hasMessageContaining("3 numbers");
    assertThatThrownBy(() -> r.create(OpSpec.parse("pca_lighting(alphastd=-1)")))
        .hasMessageContaining("'alphastd'");
    assertThatThrownBy(() -> r.create(OpSpec.parse("pca_lighting(alpha=[1,2,3],alphastd=0.1)")))
        .hasMessageContaining("unknown parameter alphastd");
    assertThatThrownBy(() -> r.create(OpSpec.parse("pca_lighting(eigval=[55.46,4.794,1.148])")))
        .hasMessageContaining("'eigval'").hasMessageContaining("[0.0, 1.0]");
    assertThatThrownBy(() -> r.create(OpSpec.parse("pca_lighting(eigvec=[[2,0,0],[0,1,0],[0,0,1]])")))
        .hasMessageContaining("'eigvec'").hasMessageContaining("[-1, 1]");
    assertThatThrownBy(() -> Lighting.delta(ONES, ONES, new double[][] {{1, 0}, {0, 1}, {0, 0}}))
        .hasMessageContaining("eigvec");
  }
}
