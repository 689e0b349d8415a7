package io.augmill.ops.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpSpecTest {

  @Test
  void parsesNameOnly() {
    OpSpec s = OpSpec.parse(" hflip ");
    assertThat(s.op()).isEqualTo("hflip");
    assertThat(s.args().isEmpty()).isTrue();
    assertThat(s.toString()).isEqualTo("hflip");
  }

  @Test
  void parsesTypedValuesAndNestedLists() {
    OpSpec s = OpSpec.parse("pca_lighting(alpha=[0.1,-0.2,0.3],eigvec=[[1,0,0],[0,1,0],[0,0,1]],interp=bilinear,flag=true,n=+4)");
    assertThat(s.args().get("alpha").isArray()).isTrue();
    assertThat(s.args().get("alpha").get(1).asDouble()).isEqualTo(-0.2);
    assertThat(s.args().get("eigvec").get(2).get(2).asInt()).isEqualTo(1);
    assertThat(s.args().get("interp").textValue()).isEqualTo("bilinear");
    assertThat(s.args().get("flag").booleanValue()).isTrue();
    assertThat(s.args().get("n").asInt()).isEqualTo(4);
  }

  @Test
  void listsMayHoldWordsAndNestedSpecs() {
    OpSpec s = OpSpec.parse("sequence(ops=[hflip, rotate(degrees=3,interp=bilinear), [1, 2]],empty=[])");
    assertThat(s.args().get("ops").get(0).textValue()).isEqualTo("hflip");
    assertThat(s.args().get("ops").get(1).textValue()).isEqualTo("rotate(degrees=3,interp=bilinear)");
    assertThat(s.args().get("ops").get(2).get(1).asInt()).isEqualTo(2);
    assertThat(s.args().get("empty").isEmpty()).isTrue();
    assertThat(OpSpec.parse(s.toString())).isEqualTo(s);
    OpSpec nested = OpSpec.parse("random_apply(op={\"op\":\"hflip\",\"p\":0.5})");
    assertThat(nested.args().get("op").get("p").asDouble()).isEqualTo(0.5);
    assertThat(OpSpec.parse(nested.toString())).isEqualTo(nested);
  }

  @Test
  void compactFormRoundTrips() {
    OpSpec s = OpSpec.of("rotate", "degrees", 15.5, "interp", "bilinear", "fill", new int[] {1, 2, 3});
    assertThat(s.toString()).isEqualTo("rotate(degrees=15.5,interp=bilinear,fill=[1,2,3])");
    assertThat(OpSpec.parse(s.toString())).isEqualTo(s);
    assertThat(OpSpec.fromJson(s.toJson())).isEqualTo(s);
  }

  @Test
  void rejectsMalformedSpecsNamingTheProblem() {
    assertThatThrownBy(() -> OpSpec.parse("rotate(degrees=15")).hasMessageContaining("missing closing ')'");
    assertThatThrownBy(() -> OpSpec.parse("rotate(15)")).hasMessageContaining("expected key=value");
    assertThatThrownBy(() -> OpSpec.parse("rotate(degrees=1,degrees=2)")).hasMessageContaining("given twice");
    assertThatThrownBy(() -> OpSpec.parse("Rotate")).hasMessageContaining("invalid op name");
    assertThatThrownBy(() -> OpSpec.parse("crop(x=[1,2)")).hasMessageContaining("unbalanced");
    assertThatThrownBy(() -> OpSpec.parse("crop(x=1.2.3)")).hasMessageContaining("cannot read value '1.2.3'");
    assertThatThrownBy(() -> OpSpec.parse("crop(x=)")).hasMessageContaining("empty value");
  }
}
