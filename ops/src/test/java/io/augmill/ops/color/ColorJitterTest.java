package io.augmill.ops.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.ops.ImageInfo;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.testing.TestImages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

class ColorJitterTest {

  private static final ImageInfo INFO = new ImageInfo(8, 8, 3);
  /** Chi-square critical values at p = 0.001: 9 and 23 degrees of freedom. */
  private static final double CHI2_DF9 = 27.88;
  private static final double CHI2_DF23 = 49.73;

  static {
    OpRegistry.builtin();
  }

  private static double chiSquare(int[] counts, double expected) {
    double chi = 0;
    for (int c : counts) {
      chi += (c - expected) * (c - expected) / expected;
    }
    return chi;
  }

  private static void assertUniform(ColorJitter t, Function<ColorJitter.Draw, Double> value, double lo, double hi) {
    SplittableRandom rng = new SplittableRandom(7);
    int n = 20000;
    int[] bins = new int[10];
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      double v = value.apply(t.sample(rng, INFO));
      assertThat(v).isBetween(lo, hi);
      min = Math.min(min, v);
      max = Math.max(max, v);
      bins[Math.min(9, (int) ((v - lo) / (hi - lo) * 10))]++;
    }
    assertThat(min).isLessThan(lo + (hi - lo) * 0.001);
    assertThat(max).isGreaterThan(hi - (hi - lo) * 0.001);
    assertThat(chiSquare(bins, n / 10.0)).as("chi-square of 10 bins").isLessThan(CHI2_DF9);
  }

  @Test
  void factorsAreUniformInTheirRanges() {
    ColorJitter t = new ColorJitter(0.4, 0.2, 1.5, 0.1);
    assertUniform(t, ColorJitter.Draw::brightness, 0.6, 1.4);
    assertUniform(t, ColorJitter.Draw::contrast, 0.8, 1.2);
    assertUniform(t, ColorJitter.Draw::saturation, 0, 2.5);
    assertUniform(t, ColorJitter.Draw::hue, -0.1, 0.1);
  }

  @Test
  void ordersCoverAllPermutationsUniformly() {
    ColorJitter t = new ColorJitter(0.4, 0.4, 0.4, 0.1);
    SplittableRandom rng = new SplittableRandom(11);
    Map<List<Integer>, Integer> counts = new HashMap<>();
    int n = 24000;
    for (int i = 0; i < n; i++) {
      List<Integer> order = t.sample(rng, INFO).order();
      assertThat(order).containsExactlyInAnyOrder(0, 1, 2, 3);
      counts.merge(order, 1, Integer::sum);
    }
    assertThat(counts).hasSize(24);
    assertThat(chiSquare(counts.values().stream().mapToInt(Integer::intValue).toArray(), n / 24.0))
        .isLessThan(CHI2_DF23);
  }

  @Test
  void disabledAdjustmentsAreNotDrawnNorReplayed() {
    ColorJitter t = new ColorJitter(0.4, 0, 0, 0);
    ColorJitter.Draw d = t.sample(new SplittableRandom(1), INFO);
    assertThat(d.contrast()).isNull();
    assertThat(d.saturation()).isNull();
    assertThat(d.hue()).isNull();
    assertThat(t.replay(d)).extracting(OpSpec::op).containsExactly("brightness");
  }

  @Test
  void appliesTheFixedOpsInTheDrawnOrder() {
    ColorJitter t = new ColorJitter(0.5, 0.5, 0.5, 0.2);
    Mat chart = TestImages.chart(24, 20);
    ColorJitter.Draw d = new ColorJitter.Draw(List.of(3, 1, 0, 2), 1.3, 0.7, 1.6, -0.15);
    Mat expected = Enhance.saturation(Enhance.brightness(Enhance.contrast(Hue.shift(chart, -0.15), 0.7), 1.3), 1.6);
    assertThat(TestImages.pixels(t.apply(chart, d))).isEqualTo(TestImages.pixels(expected));
    assertThat(t.replay(d)).extracting(OpSpec::toString)
        .containsExactly("hue(shift=-0.15)", "contrast(factor=0.7)", "brightness(factor=1.3)", "saturation(factor=1.6)");
    Mat otherOrder = t.apply(chart, new ColorJitter.Draw(List.of(0, 1, 2, 3), 1.3, 0.7, 1.6, -0.15));
    assertThat(TestImages.pixels(otherOrder)).as("order matters").isNotEqualTo(TestImages.pixels(expected));
  }

  @Test
  void invalidAmountsAreRejectedNamingThem() {
    OpRegistry r = OpRegistry.builtin();
    assertThatThrownBy(() -> r.create(OpSpec.parse("color_jitter(brightness=-0.1)")))
        .hasMessageContaining("'brightness'");
    assertThatThrownBy(() -> r.create(OpSpec.parse("color_jitter(hue=0.6)")))
        .hasMessageContaining("'hue'").hasMessageContaining("[0, 0.5]");
    assertThatThrownBy(() -> r.create(OpSpec.parse("color_jitter(saturation=9.5)")))
        .hasMessageContaining("'saturation'").hasMessageContaining("[0, 9]");
    assertThatThrownBy(() -> r.create(OpSpec.parse("color_jitter(gamma=0.1)")))
        .hasMessageContaining("unknown parameter gamma");
  }
}
