package io.augmill.ops.policy.auto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.augmill.ops.Fill;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Interpolation;
import io.augmill.ops.policy.Policies;
import io.augmill.ops.policy.Policy;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RandAugment and TrivialAugment samplers, and the strict RandAugment string. */
class RandAugmentTest {

  private static final OpRegistry REGISTRY = OpRegistry.builtin();
  private static final ImageInfo CIFAR = new ImageInfo(32, 32, 3);

  private static int indexOf(OpSpec spec) {
    return AugmentOp.RAND_AUGMENT.indexOf(AugmentOp.byName(spec.op()));
  }

  @Test
  void randAugmentDrawsOpsUniformlyAtTheFixedMagnitude() {
    RandAugment ra = new RandAugment(2, 9, 0, Interpolation.NEAREST, Fill.GREY, REGISTRY);
    long[] counts = new long[14];
    long signed = 0;
    long negative = 0;
    SplittableRandom rng = new SplittableRandom(99);
    for (int i = 0; i < 20_000; i++) {
      ResolvedOps draw = ra.sample(rng, CIFAR);
      assertThat(draw.ops()).hasSize(2);
      for (OpSpec op : draw.ops()) {
        counts[indexOf(op)]++;
        switch (op.op()) {
          case "shear_x", "shear_y" -> {
            assertThat(Math.abs(op.args().get("factor").asDouble())).isCloseTo(0.09, within(1e-7));
            signed++;
            negative += op.args().get("factor").asDouble() < 0 ? 1 : 0;
          }
          case "rotate" -> assertThat(Math.abs(op.args().get("degrees").asDouble())).isCloseTo(9.0, within(1e-6));
          case "translate_x" -> assertThat(Math.abs(op.args().get("pixels").asInt())).isEqualTo(4);
          case "posterize" -> assertThat(op.args().get("bits").asInt()).isEqualTo(7);
          case "solarize" -> assertThat(op.args().get("threshold").asDouble()).isCloseTo(178.5, within(1e-4));
          case "brightness" -> assertThat(Math.abs(op.args().get("factor").asDouble() - 1)).isCloseTo(0.27, within(1e-7));
          default -> { }
        }
      }
    }
    // 13 degrees of freedom: 34.53 is the 0.1 % critical value.
    assertThat(Statistics.chiSquareUniform(counts)).isLessThan(34.53);
    assertThat(Statistics.withinBinomial(negative, signed, 0.5, 4.5)).isTrue();
  }

  @Test
  void magnitudeStdSpreadsMagnitudesWithinTheScale() {
    RandAugment ra = new RandAugment(1, 9, 3, Interpolation.NEAREST, Fill.GREY, REGISTRY);
    SplittableRandom rng = new SplittableRandom(5);
    double sum = 0;
    double sumSq = 0;
    int n = 0;
    for (int i = 0; i < 60_000; i++) {
      OpSpec op = ra.sample(rng, CIFAR).ops().get(0);
      if (op.op().equals("rotate")) {
        double m = Math.abs(op.args().get("degrees").asDouble());
        assertThat(m).isBetween(0.0, 30.0);
        sum += m;
        sumSq += m * m;
        n++;
      }
    }
    double mean = sum / n;
    double sd = Math.sqrt(sumSq / n - mean * mean);
    assertThat(mean).isCloseTo(9.0, within(0.15));
    assertThat(sd).isCloseTo(3.0, within(0.15));
  }

  @Test
  void trivialAugmentDrawsOneOpAndUniformBins() {
    TrivialAugment ta = new TrivialAugment(Interpolation.NEAREST, Fill.GREY, REGISTRY);
    long[] ops = new long[14];
    long[] bins = new long[31];
    SplittableRandom rng = new SplittableRandom(3);
    for (int i = 0; i < 42_000; i++) {
      ResolvedOps draw = ta.sample(rng, CIFAR);
      assertThat(draw.ops()).hasSize(1);
      OpSpec op = draw.ops().get(0);
      ops[indexOf(op)]++;
      if (op.op().startsWith("shear")) {
        bins[(int) Math.rint(Math.abs(op.args().get("factor").asDouble()) * 30 / 0.99)]++;
      } else if (op.op().equals("rotate")) {
        bins[(int) Math.rint(Math.abs(op.args().get("degrees").asDouble()) * 30 / 135)]++;
      }
    }
    assertThat(Statistics.chiSquareUniform(ops)).isLessThan(34.53);
    // 30 degrees of freedom: 59.70 is the 0.1 % critical value.
    assertThat(Statistics.chiSquareUniform(bins)).isLessThan(59.70);
  }

  @Test
  void randStringsParseStrictly() {
    Policies policies = Policies.builtin();
    Policy p = policies.resolve("rand-m9-n2-mstd0.5");
    assertThat(p.name()).isEqualTo("rand-m9-n2-mstd0.5");
    assertThat(p.transform().toJson().toString())
        .isEqualTo("{\"op\":\"rand_augment\",\"args\":{\"n\":2,\"m\":9.0,\"mstd\":0.5,\"interp\":\"nearest\",\"fill\":128.0}}");
    assertThat(policies.resolve("rand-n3-m15").transform().args().get("n").asInt()).isEqualTo(3);
    assertThat(policies.resolve("rand").transform().args().get("m").asDouble()).isEqualTo(9.0);
    assertThatThrownBy(() -> policies.resolve("rand-m9-x3"))
        .hasMessageContaining("unknown section 'x3' (known: mM magnitude 0-30, nN number of ops, mstdS magnitude std)");
    assertThatThrownBy(() -> policies.resolve("rand-m9-m3")).hasMessageContaining("'m' given twice");
    assertThatThrownBy(() -> policies.resolve("rand-m31")).hasMessageContaining("parameter 'm' must be a number in [0, 30], got 31");
    assertThatThrownBy(() -> policies.resolve("rand-mabc")).hasMessageContaining("section 'mabc' needs a non-negative number");
    assertThatThrownBy(() -> policies.resolve("rand-n2.5")).hasMessageContaining("section 'n2.5' needs a whole number of ops");
    assertThatThrownBy(() -> policies.resolve("rand-m9-")).hasMessageContaining("unknown section ''");
    assertThatThrownBy(() -> policies.resolve("randaugment")).hasMessageContaining("is neither a built-in policy");
  }

  @Test
  void argumentsAreValidated() {
    assertThatThrownBy(() -> REGISTRY.json().read("{op: rand_augment, args: {n: 17}}"))
        .hasMessageContaining("rand_augment: parameter 'n' must be a number in [0, 16], got 17");
    assertThatThrownBy(() -> REGISTRY.json().read("{op: trivial_augment, args: {interp: area}}"))
        .hasMessageContaining("trivial_augment: parameter 'interp' must be nearest|bilinear|bicubic");
  }
}
