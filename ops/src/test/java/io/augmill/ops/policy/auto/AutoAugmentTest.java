package io.augmill.ops.policy.auto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.Fill;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Interpolation;
import io.augmill.ops.Transform;
import io.augmill.ops.pil.PilTone;
import io.augmill.ops.policy.Policies;
import io.augmill.ops.policy.Policy;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.spec.TransformJson;
import io.augmill.ops.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

/** The AutoAugment tables, the sampler's statistics, and the policy as editable data. */
class AutoAugmentTest {

  private static final OpRegistry REGISTRY = OpRegistry.builtin();
  private static final ImageInfo CIFAR = new ImageInfo(32, 32, 3);

  @Test
  void publishedTablesHave25TwoStepSubPolicies() {
    assertThat(AutoAugmentTables.names()).containsExactly("cifar10", "imagenet", "svhn");
    for (String name : AutoAugmentTables.names()) {
      List<List<Step>> table = AutoAugmentTables.named(name);
      assertThat(table).as(name).hasSize(25);
      table.forEach(sub -> assertThat(sub).as(name).hasSize(2));
    }
    List<List<Step>> cifar = AutoAugmentTables.named("cifar10");
    assertThat(cifar.get(0)).containsExactly(new Step(AugmentOp.INVERT, 0.1, 0), new Step(AugmentOp.CONTRAST, 0.2, 6));
    assertThat(cifar.get(24)).containsExactly(new Step(AugmentOp.TRANSLATE_Y, 0.7, 9), new Step(AugmentOp.AUTOCONTRAST, 0.9, 0));
    assertThat(AutoAugmentTables.named("imagenet").get(0))
        .containsExactly(new Step(AugmentOp.POSTERIZE, 0.4, 8), new Step(AugmentOp.ROTATE, 0.6, 9));
    assertThat(AutoAugmentTables.named("svhn").get(24))
        .containsExactly(new Step(AugmentOp.SHEAR_X, 0.7, 2), new Step(AugmentOp.INVERT, 0.1, 0));
  }

  @Test
  void subPoliciesAreChosenUniformlyAndStepsFireAtTheirProbability() {
    List<List<Step>> table = AutoAugmentTables.named("cifar10");
    AutoAugment aa = new AutoAugment(table, Interpolation.NEAREST, Fill.GREY, REGISTRY);
    int draws = 50_000;
    long[] chosen = new long[25];
    long[][] fired = new long[25][2];
    long signedFired = 0;
    long negative = 0;
    SplittableRandom rng = new SplittableRandom(20240611L);
    for (int i = 0; i < draws; i++) {
      AutoAugment.Draw d = aa.sample(rng, CIFAR);
      chosen[d.subPolicy()]++;
      for (int s = 0; s < 2; s++) {
        AutoAugment.StepDraw step = d.steps().get(s);
        Step expected = table.get(d.subPolicy()).get(s);
        if (step.applied()) {
          fired[d.subPolicy()][s]++;
          assertThat(step.op().op()).isEqualTo(expected.op().opName());
          if (expected.op().signed() && expected.magnitude() > 0 && expected.op() != AugmentOp.POSTERIZE
              && expected.op() != AugmentOp.SOLARIZE) {
            signedFired++;
            if (signedValue(step.op()) < 0) {
              negative++;
            }
          }
        } else {
          assertThat(step.op()).isNull();
        }
      }
    }
    // Chi-square with 24 degrees of freedom: 51.18 is the 0.1 % critical value.
    assertThat(Statistics.chiSquareUniform(chosen)).isLessThan(51.18);
    for (int sp = 0; sp < 25; sp++) {
      for (int s = 0; s < 2; s++) {
        double p = table.get(sp).get(s).p();
        assertThat(Statistics.withinBinomial(fired[sp][s], chosen[sp], p, 4.5))
            .as("sub-policy %d step %d: fired %d of %d, p %.1f", sp, s, fired[sp][s], chosen[sp], p).isTrue();
      }
    }
    assertThat(Statistics.withinBinomial(negative, signedFired, 0.5, 4.5))
        .as("negative signs %d of %d", negative, signedFired).isTrue();
  }

  /** The signed argument of a resolved geometric or enhance op (enhance factors centred on 1). */
  private static double signedValue(OpSpec spec) {
    JsonNode a = spec.args();
    return switch (spec.op()) {
      case "shear_x", "shear_y" -> a.get("factor").asDouble();
      case "translate_x", "translate_y" -> a.get("pixels").asDouble();
      case "rotate" -> a.get("degrees").asDouble();
      default -> a.get("factor").asDouble() - 1;
    };
  }

  @Test
  void stepsReplayAsFixedOpSpecs() {
    List<List<Step>> table = List.of(List.of(new Step(AugmentOp.TRANSLATE_X, 1.0, 9), new Step(AugmentOp.INVERT, 0.0, 0)));
    AutoAugment aa = new AutoAugment(table, Interpolation.BILINEAR, Fill.constant(0), REGISTRY);
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 20; i++) {
      AutoAugment.Draw d = aa.sample(rng, CIFAR);
      List<OpSpec> replay = aa.replay(d);
      assertThat(replay).hasSize(1);
      assertThat(replay.get(0).toString()).matches("translate_x\\(pixels=-?14,interp=bilinear,fill=0.0\\)");
    }
  }

  @Test
  void printedYamlReadsBackAsTheSamePolicy(@TempDir Path dir) throws Exception {
    Policies policies = Policies.builtin();
    for (String name : List.of("autoaugment-cifar10", "autoaugment-imagenet", "autoaugment-svhn")) {
      Policy policy = policies.named(name);
      String yaml = TransformJson.toYaml(policy.toJson());
      assertThat(yaml).contains("op: auto_augment").contains("sub_policies:").contains("magnitude:");
      Path file = dir.resolve(name + ".yaml");
      Files.writeString(file, yaml);
      Policy reread = policies.read(file);
      assertThat(reread.toJson()).isEqualTo(policy.toJson());
      for (int seed = 0; seed < 200; seed++) {
        assertThat(replay(reread, seed)).isEqualTo(replay(policy, seed));
      }
    }
  }

  private static List<OpSpec> replay(Policy policy, long seed) {
    Transform<?> t = policy.transform();
    return Transform.replayAny(t, t.sample(new SplittableRandom(seed), CIFAR));
  }

  @Test
  void anEditedTableRunsTheEditedPolicy(@TempDir Path dir) throws Exception {
    ObjectNode doc = Policies.builtin().named("autoaugment-cifar10").toJson();
    ObjectNode args = (ObjectNode) doc.get("transform").get("args");
    args.set("sub_policies", TransformJson.YAML.readTree("[[{op: invert, p: 1.0}, {op: posterize, p: 1.0, magnitude: 9}]]"));
    Path file = dir.resolve("edited.yaml");
    Files.writeString(file, TransformJson.toYaml(doc));
    Policy edited = Policies.builtin().read(file);
    Mat chart = TestImages.chart(40, 36);
    Policy.Result result = edited.augment(chart, 7, "key", 0);
    assertThat(result.applied().stream().map(OpSpec::toString))
        .containsExactly("invert", "posterize(bits=4)");
    Mat inverted = PilTone.invert(chart);
    assertThat(TestImages.pixels(result.image())).isEqualTo(TestImages.pixels(PilTone.posterize(inverted, 4)));
  }

  @Test
  void tablesAreValidatedWithClearMessages() {
    assertThatThrownBy(() -> REGISTRY.json().read("{op: auto_augment, args: {sub_policies: [[{op: zoom, p: 0.5}]]}}"))
        .hasMessageContaining("auto_augment: sub-policy 0: 'zoom' is not an AutoAugment op (valid: identity, shear_x");
    assertThatThrownBy(() -> REGISTRY.json().read("{op: auto_augment, args: {sub_policies: [[{op: rotate, p: 0.5, magnitude: 10}]]}}"))
        .hasMessageContaining("rotate: 'magnitude' must be a bin in [0, 9], got 10");
    assertThatThrownBy(() -> REGISTRY.json().read("{op: auto_augment, args: {sub_policies: [[{op: rotate, p: 0.5}]]}}"))
        .hasMessageContaining("rotate needs an integer 'magnitude' bin in [0, 9]");
    assertThatThrownBy(() -> REGISTRY.json().read("{op: auto_augment, args: {sub_policies: [[{op: invert, p: 0.5, magnitude: 3}]]}}"))
        .hasMessageContaining("invert takes no 'magnitude'");
    assertThatThrownBy(() -> REGISTRY.json().read("{op: auto_augment, args: {sub_policies: [[{op: invert, p: 1.5}]]}}"))
        .hasMessageContaining("invert: probability 'p' must be in [0, 1], got 1.5");
    assertThatThrownBy(() -> REGISTRY.json().read("{op: auto_augment, args: {sub_policies: [[{op: invert, p: 1, m: 2}]]}}"))
        .hasMessageContaining("unknown key 'm' (expected op, p, magnitude)");
    assertThatThrownBy(() -> REGISTRY.json().read("{op: auto_augment, args: {policy: cifar100}}"))
        .hasMessageContaining("unknown AutoAugment policy 'cifar100' (valid: cifar10, imagenet, svhn)");
    assertThatThrownBy(() -> REGISTRY.json().read("{op: auto_augment, args: {policy: svhn, sub_policies: [[{op: invert, p: 1}]]}}"))
        .hasMessageContaining("give exactly one of 'policy'");
    assertThatThrownBy(() -> REGISTRY.json().read("{op: auto_augment, args: {policy: svhn, fill: mean}}"))
        .hasMessageContaining("auto_augment: parameter 'fill' must be a value in [0, 255] or [R,G,B]");
  }
}
