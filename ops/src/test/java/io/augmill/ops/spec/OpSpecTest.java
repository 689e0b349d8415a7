package io.augmill.ops.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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

  @Test
  void opNamesAreLowerCaseLettersDigitsAndUnderscoresStartingWithALetter() {
    for (String good : List.of("a", "hflip", "pca_lighting", "rand_augment2", "x_")) {
      assertThat(OpSpec.isName(good)).as(good).isTrue();
      assertThat(OpSpec.of(good).op()).isEqualTo(good);
    }
    for (String bad : Arrays.asList(null, "", "Rotate", "_a", "1a", "a-b", "a b", "rotaté", "a.b", "A")) {
      assertThat(OpSpec.isName(bad)).as(String.valueOf(bad)).isFalse();
      assertThatThrownBy(() -> OpSpec.of(bad)).hasMessageContaining("invalid op name");
    }
  }

  /** Values of the kinds ops pass, and edge cases of each. */
  private static List<Object> values() {
    StringBuilder ascii = new StringBuilder();
    for (char c = 0; c < 128; c++) {
      ascii.append(c);
    }
    ObjectNode nested = JsonNodeFactory.instance.objectNode().put("mode", "constant");
    nested.putArray("rgb").add(1).add(2.5).add("x");
    return Arrays.asList(0, -7, Integer.MAX_VALUE, Integer.MIN_VALUE, 3.5, -0.0, 1e-7, 1e21, 0.1 + 0.2, Double.NaN,
        Double.POSITIVE_INFINITY, Double.MIN_VALUE, 5L, Long.MAX_VALUE, true, false, null, "", "bilinear",
        "quote \" back \\ slash", "tab\tnew\nline\u0001", "é ü 日本 \uD83D\uDE00", new int[] {1, 2},
        new double[] {0.5, -1}, List.of(1, 2.5, "a"), nested, 1.5f, (short) 3, new BigDecimal("1.250"),
        ascii.toString(), "\u2028\u00ff\uffff", Double.NEGATIVE_INFINITY, List.of(List.of(), List.of(-1L)),
        MissingNode.getInstance(), DecimalNode.valueOf(new BigDecimal("1.250")), ShortNode.valueOf((short) 4),
        FloatNode.valueOf(0.1f), TextNode.valueOf("t"), IntNode.valueOf(-3), NullNode.getInstance(),
        JsonNodeFactory.instance.arrayNode().add(1).add("a"));
  }

  @Test
  void argumentValuesBecomeTheNodesJacksonWouldMake() {
    ObjectMapper mapper = new ObjectMapper();
    for (Object v : values()) {
      ObjectNode expected = JsonNodeFactory.instance.objectNode();
      expected.set("v", mapper.valueToTree(v));
      JsonNode actual = OpSpec.of("op", "v", v).args();
      assertThat(actual).as(String.valueOf(v)).isEqualTo(expected);
      assertThat(actual.get("v").getClass()).as(String.valueOf(v)).isEqualTo(expected.get("v").getClass());
    }
  }

  @Test
  void argumentNodesAreCopiedNotShared() {
    ObjectNode nested = JsonNodeFactory.instance.objectNode().put("a", 1);
    OpSpec s = OpSpec.of("op", "v", nested);
    nested.put("a", 2);
    assertThat(s.args().get("v").get("a").intValue()).isEqualTo(1);
  }

  @Test
  void jsonTextIsTheTreesText() throws Exception {
    List<OpSpec> specs = new ArrayList<>();
    specs.add(OpSpec.of("hflip"));
    List<Object> vs = values();
    for (int i = 0; i < vs.size(); i++) {
      specs.add(OpSpec.of("op" + i, "v", vs.get(i), "w", i));
    }
    specs.add(OpSpec.parse("pca_lighting(alpha=[0.1,-0.2,0.3],eigvec=[[1,0,0],[0,1,0]],interp=bilinear,flag=true)"));
    specs.add(OpSpec.of("many", "a", 1, "b", List.of(), "c", JsonNodeFactory.instance.objectNode()));
    assertThat(TransformJson.specsToJsonText(specs)).isEqualTo(TransformJson.specsToJson(specs).toString());
    for (OpSpec s : specs) {
      assertThat(TransformJson.specsToJsonText(List.of(s))).as(s.toString())
          .isEqualTo(TransformJson.specsToJson(List.of(s)).toString());
    }
    assertThat(TransformJson.specsToJsonText(List.of())).isEqualTo("[]");
    assertThat(TransformJson.specsToJsonText(List.of(OpSpec.of("crop", "x", 1, "y", 2.5, "mode", "fill"))))
        .isEqualTo("[{\"op\":\"crop\",\"args\":{\"x\":1,\"y\":2.5,\"mode\":\"fill\"}}]");
    assertThat(TransformJson.specsFromJson(new ObjectMapper().readTree(TransformJson.specsToJsonText(specs))))
        .hasSize(specs.size());
  }
}
