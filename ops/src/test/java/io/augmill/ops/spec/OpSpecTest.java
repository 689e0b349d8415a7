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
