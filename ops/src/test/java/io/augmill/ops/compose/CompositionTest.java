package io.augmill.ops.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.ops.ImageInfo;
import io.augmill.ops.Params;
import io.augmill.ops.geometric.Flip;
import io.augmill.ops.spec.OpSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Sampling statistics of the composition ops, with fixed seeds and bounds far from flaky. */
class CompositionTest {

  private static final ImageInfo INFO = new ImageInfo(8, 8, 3);

  @Test
  void randomApplyFiresAtRateP() {
    RandomApply t = new RandomApply(0.3, new Flip(Flip.Axis.HORIZONTAL));
    SplittableRandom rng = new SplittableRandom(1);
    int n = 20000;
    int fired = 0;
    for (int i = 0; i < n; i++) {
      fired += t.sample(rng, INFO).applied() ? 1 : 0;
    }
    // Binomial sd = sqrt(n p (1-p)) ~ 65; allow 5 sd.
    assertThat(fired).isBetween(6000 - 325, 6000 + 325);
  }

  @Test
  void oneOfFollowsWeightsAndNeverPicksZeroWeight() {
    OneOf t = new OneOf(List.of(new Flip(Flip.Axis.HORIZONTAL), new Flip(Flip.Axis.VERTICAL), new Identity()),
        new double[] {1, 0, 3});
    SplittableRandom rng = new SplittableRandom(2);
    int[] counts = new int[3];
    int n = 40000;
    for (int i = 0; i < n; i++) {
      counts[t.sample(rng, INFO).index()]++;
    }
    assertThat(counts[1]).isZero();
    double chi2 = Math.pow(counts[0] - n * 0.25, 2) / (n * 0.25) + Math.pow(counts[2] - n * 0.75, 2) / (n * 0.75);
    assertThat(chi2).as("chi-square, 1 dof; 15.1 is p=0.0001").isLessThan(15.1);
    assertThatThrownBy(() -> new OneOf(List.of(new Identity()), new double[] {0})).hasMessageContaining("not all be zero");
    assertThatThrownBy(() -> new OneOf(List.of(new Identity()), new double[] {1, 2})).hasMessageContaining("one weight per op");
  }

  @Test
  void someOfPicksDistinctOpsCoveringAllOrders() {
    SomeOf t = new SomeOf(2, List.of(new Flip(Flip.Axis.HORIZONTAL), new Flip(Flip.Axis.VERTICAL), new Identity()));
    SplittableRandom rng = new SplittableRandom(3);
    Set<List<String>> orders = new HashSet<>();
    for (int i = 0; i < 2000; i++) {
      Sequence.Draw d = t.sample(rng, INFO);
      assertThat(d.steps()).hasSize(2);
      List<String> names = t.replay(d).stream().map(OpSpec::op).toList();
      assertThat(new HashSet<>(names)).hasSize(2);
      orders.add(names);
    }
    assertThat(orders).hasSize(6);
    assertThatThrownBy(() -> new SomeOf(4, List.of(new Identity()))).hasMessageContaining("'n' must be in [0, 1]");
  }

  @Test
  void sequenceRejectsForeignParameters() {
    Sequence s = new Sequence(List.of(new Identity()));
    assertThatThrownBy(() -> s.replay(new Sequence.Draw(List.<Params>of())))
        .hasMessageContaining("sequence of 1 steps given parameters for 0");
  }
}
