package io.augmill.ops.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.ops.FixedTransform;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Transform;
import io.augmill.ops.compose.RandomApply;
import io.augmill.ops.compose.Sequence;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

class TransformJsonTest {

  private final OpRegistry registry = registry();

  /** A registry with one parameterised test op, so argument checks are exercised independently of real ops. */
  static OpRegistry registry() {
    OpRegistry r = new OpRegistry();
    new io.augmill.ops.compose.ComposeOps().register(r);
    r.register("scale", "test", "scale(factor=F,mode=fast|exact,count=N)", args -> {
      double f = args.number("factor", 0, 10);
      Mode mode = args.choice("mode", Mode.FAST, Mode.values());
      int count = args.integer("count", 1, 1, 5);
      return new Scale(f, mode, count);
    });
    return r;
  }

  enum Mode { FAST, EXACT }

  static final class Scale extends FixedTransform {
    Scale(double f, Mode mode, int count) {
      super(OpSpec.of("scale", "factor", f, "mode", mode.name().toLowerCase(), "count", count));
    }

    @Override
    protected Mat apply(Mat image) {
      return image.clone();
    }

    @Override
    protected ImageInfo outputInfo(ImageInfo input) {
      return input;
    }
  }

  @Test
  void readsObjectStringAndListForms() {
    Transform<?> a = registry.json().read(TransformJson.YAML.valueToTree(java.util.Map.of("op", "scale", "args", java.util.Map.of("factor", 2))));
    Transform<?> b = registry.json().read("\"scale(factor=2)\"");
    assertThat(a.toJson()).isEqualTo(b.toJson());
    Transform<?> list = registry.json().read("[identity, {op: scale, args: {factor: 1}}]");
    assertThat(list).isInstanceOf(Sequence.class);
    assertThat(((Sequence) list).steps()).hasSize(2);
  }

  @Test
  void probabilityWrapsOnceAndWritesInline() {
    Transform<?> t = registry.json().read("{op: scale, p: 0.25, args: {factor: 3}}");
    assertThat(t).isInstanceOf(RandomApply.class);
    assertThat(((RandomApply) t).p()).isEqualTo(0.25);
    assertThat(t.toJson().toString()).isEqualTo("{\"op\":\"scale\",\"p\":0.25,\"args\":{\"factor\":3.0,\"mode\":\"fast\",\"count\":1}}");
    assertThat(registry.json().read("{op: scale, p: 1, args: {factor: 3}}")).isNotInstanceOf(RandomApply.class);
    assertThat(registry.create(OpSpec.parse("scale(factor=3,p=0.5)"))).isInstanceOf(RandomApply.class);
    Transform<?> nested = registry.json().read("{op: random_apply, p: 0.3, args: {op: {op: scale, p: 0.5, args: {factor: 1}}}}");
    assertThat(registry.json().read(nested.toJson()).toJson()).isEqualTo(nested.toJson());
  }

  @Test
  void errorsNameOpParameterAndRange() {
    assertThatThrownBy(() -> registry.json().read("{op: scale, args: {factor: 11}}"))
        .hasMessage("scale: parameter 'factor' must be a number in [0, 10], got 11");
    assertThatThrownBy(() -> registry.json().read("{op: scale, args: {factor: 1, mode: slow}}"))
        .hasMessage("scale: parameter 'mode' must be fast|exact, got 'slow'");
    assertThatThrownBy(() -> registry.json().read("{op: scale, args: {factor: 1, count: 2.5}}"))
        .hasMessageContaining("parameter 'count' must be an integer in [1, 5]");
    assertThatThrownBy(() -> registry.json().read("{op: scale, args: {factor: 1, colour: 2}}"))
        .hasMessage("scale: unknown parameter colour (known: factor, mode, count)");
    assertThatThrownBy(() -> registry.json().read("{op: scale}")).hasMessage("scale: missing required parameter 'factor'");
    assertThatThrownBy(() -> registry.json().read("{op: nope}")).hasMessageContaining("unknown op 'nope'");
    assertThatThrownBy(() -> registry.json().read("{op: scale, prob: 1}")).hasMessageContaining("unknown key 'prob'");
    assertThatThrownBy(() -> registry.json().read("{op: scale, p: 1.5, args: {factor: 1}}"))
        .hasMessageContaining("'p' must be a probability in [0, 1]");
    assertThatThrownBy(() -> registry.json().read("{op: identity, args: {x: 1}}")).hasMessage("identity: unknown parameter x (it takes none)");
    assertThatThrownBy(() -> registry.json().read("{op: sequence, args: {ops: [identity, {op: scale}]}}"))
        .hasMessage("sequence: parameter 'ops' item 1: scale: missing required parameter 'factor'");
  }

  @Test
  void registeringTwiceFails() {
    assertThatThrownBy(() -> registry.register("scale", "x", "x", args -> null)).hasMessageContaining("registered twice");
  }
}
