package io.augmill.ops.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.ops.spec.TransformJson;
import io.augmill.ops.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

class PoliciesTest {

  @TempDir
  Path tmp;

  @Test
  void everyBuiltInPolicyBuildsRunsAndRoundTripsThroughYaml() throws Exception {
    Policies policies = Policies.builtin();
    assertThat(policies.names()).contains("none", "cifar-standard", "cifar-cutout", "imagenet-inception", "fashion-mnist-standard");
    Mat input = TestImages.chart(40, 36);
    for (String name : policies.names()) {
      Policy p = policies.named(name);
      assertThat(p.description()).as(name).isNotBlank();
      Path file = tmp.resolve(name + ".yaml");
      Files.writeString(file, TransformJson.toYaml(p.toJson()));
      Policy reread = policies.read(file);
      assertThat(reread.transform().toJson()).as(name).isEqualTo(p.transform().toJson());
      for (int v = 0; v < 5; v++) {
        Mat a = p.augment(input, 11, "k", v).image();
        Mat b = reread.augment(input, 11, "k", v).image();
        assertThat(TestImages.pixels(b)).as(name + " variant " + v).isEqualTo(TestImages.pixels(a));
        a.release();
        b.release();
      }
    }
  }

  @Test
  void appliedOpsJsonTextIsTheTreesTextForEveryBuiltInPolicy() {
    Policies policies = Policies.builtin();
    Mat input = TestImages.chart(40, 36);
    int specs = 0;
    for (String name : policies.names()) {
      for (int v = 0; v < 8; v++) {
        Policy.Result r = policies.named(name).augment(input, 7, "k", v);
        assertThat(TransformJson.specsToJsonText(r.applied())).as(name + " variant " + v)
            .isEqualTo(TransformJson.specsToJson(r.applied()).toString());
        specs += r.applied().size();
        r.image().release();
      }
    }
    Policy.Result rand = policies.resolve("rand-m9-n3").augment(input, 7, "k", 0);
    assertThat(TransformJson.specsToJsonText(rand.applied())).isEqualTo(TransformJson.specsToJson(rand.applied()).toString());
    assertThat(specs).isGreaterThan(50);
  }

  @Test
  void presetsProduceTheDocumentedGeometry() {
    Policies policies = Policies.builtin();
    Mat cifar = TestImages.chart(32, 32);
    Policy.Result r = policies.named("cifar-cutout").augment(cifar, 3, "img", 0);
    assertThat(r.image().size()).isEqualTo(cifar.size());
    assertThat(r.applied()).extracting(s -> s.op()).contains("pad", "crop", "cutout");
    Mat large = TestImages.chart(300, 260);
    Policy.Result inception = policies.named("imagenet-inception").augment(large, 3, "img", 0);
    assertThat(inception.image().cols()).isEqualTo(224);
    assertThat(inception.image().rows()).isEqualTo(224);
    Policy.Result none = policies.named("none").augment(cifar, 3, "img", 0);
    assertThat(TestImages.pixels(none.image())).isEqualTo(TestImages.pixels(cifar));
  }

  @Test
  void drawsDependOnlyOnSeedKeyAndVariant() {
    Policy p = Policies.builtin().named("cifar-cutout");
    Mat input = TestImages.chart(32, 32);
    byte[] a = TestImages.pixels(p.augment(input, 5, "img/1", 2).image());
    byte[] b = TestImages.pixels(p.augment(input, 5, "img/1", 2).image());
    assertThat(b).isEqualTo(a);
    int differing = 0;
    for (int v = 0; v < 8; v++) {
      differing += java.util.Arrays.equals(TestImages.pixels(p.augment(input, 5, "img/1", v).image()), a) ? 0 : 1;
    }
    assertThat(differing).isGreaterThanOrEqualTo(6);
  }

  @Test
  void filesMayHoldADocumentOrABareTransformAndBadOnesAreNamed() throws Exception {
    Path doc = tmp.resolve("doc.yaml");
    Files.writeString(doc, "name: mine\ndescription: flips\ntransform: [hflip]\n");
    assertThat(Policies.builtin().resolve(doc.toString()).name()).isEqualTo("mine");
    Path bare = tmp.resolve("bare.json");
    Files.writeString(bare, "{\"op\": \"vflip\"}");
    assertThat(Policies.builtin().resolve(bare.toString()).transform().name()).isEqualTo("vflip");
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "name: x\ntransform: [hflip]\nextra: 1\n");
    assertThatThrownBy(() -> Policies.builtin().resolve(bad.toString())).hasMessageContaining("unknown key 'extra'");
    Path badOp = tmp.resolve("badop.yaml");
    Files.writeString(badOp, "[{op: rotate, args: {degrees: abc}}]");
    assertThatThrownBy(() -> Policies.builtin().resolve(badOp.toString()))
        .hasMessageContaining("badop.yaml").hasMessageContaining("rotate: parameter 'degrees'");
    assertThatThrownBy(() -> Policies.builtin().resolve("nope")).hasMessageContaining("neither a built-in policy");
  }
}
