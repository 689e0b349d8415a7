package io.augmill.ops.erase;

import static org.assertj.core.api.Assertions.assertThat;

import io.augmill.ops.ImageInfo;
import io.augmill.ops.Transform;
import io.augmill.ops.compose.Sequence;
import io.augmill.ops.policy.Policy;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.testing.TestImages;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.Mat;

/**
 * The colour and erasing steps of the built-in policies (written as in {@code builtin.yaml}) run inside
 * a {@link Policy}, and the ops it records reproduce its output.
 */
class PolicyStepsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "[{op: cutout, args: {size: 16, holes: 1}}]",
      "[{op: color_jitter, args: {brightness: 0.4, contrast: 0.4, saturation: 0.4}}, {op: pca_lighting, args: {alphastd: 0.1}}]",
      "[{op: random_erasing, p: 0.5, args: {scale: [0.02, 0.4], ratio: 0.3, fill: random}}]",
  })
  void recordedOpsReproduceThePolicyOutput(String steps) {
    Policy policy = new Policy("steps", "test", OpRegistry.builtin().json().read(steps));
    for (Mat input : List.of(TestImages.chart(40, 36), TestImages.grey(40, 36))) {
      for (int variant = 0; variant < 20; variant++) {
        Policy.Result result = policy.augment(input, 7, "key", variant);
        List<Transform<?>> fixed = new ArrayList<>();
        for (OpSpec s : result.applied()) {
          fixed.add(OpRegistry.builtin().create(OpSpec.parse(s.toString())));
        }
        Sequence replay = new Sequence(fixed);
        Mat again = replay.apply(input, replay.sample(new SplittableRandom(0), ImageInfo.of(input)));
        assertThat(TestImages.pixels(again)).as(steps + " variant " + variant + ": " + result.applied())
            .isEqualTo(TestImages.pixels(result.image()));
      }
    }
  }
}
