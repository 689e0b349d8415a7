package io.augmill.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.compose.RandomApply;
import io.augmill.ops.compose.Sequence;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.spec.TransformJson;
import io.augmill.ops.testing.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencv.core.Mat;

/**
 * The contract every registered op keeps, checked on every case of {@code op-matrix/*.yaml} (one file
 * per op family: op name to a list of transforms in {@code {op, p, args}} form) on a colour and a grey
 * input: the input is not mutated, the output has the documented geometry and the input's type, the
 * same seed gives identical output, a JSON round-trip gives identical output, {@code p=0} is the
 * identity, and the replayed fixed ops reproduce the output exactly.
 */
class OpMatrixTest {

  private static final OpRegistry REGISTRY = OpRegistry.builtin();

  static Map<String, List<JsonNode>> matrix() {
    Map<String, List<JsonNode>> cases = new TreeMap<>();
    try {
      Path dir = Path.of(OpMatrixTest.class.getClassLoader().getResource("op-matrix").toURI());
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
          try (InputStream in = Files.newInputStream(f)) {
            ((ObjectNode) TransformJson.YAML.readTree(in)).fields().forEachRemaining(e -> {
              if (cases.containsKey(e.getKey())) {
                throw new IllegalStateException("op " + e.getKey() + " has matrix entries in two files");
              }
              List<JsonNode> list = new ArrayList<>();
              e.getValue().forEach(list::add);
              cases.put(e.getKey(), list);
            });
          }
        }
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return cases;
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    matrix().forEach((op, list) -> {
      for (int i = 0; i < list.size(); i++) {
        for (String input : List.of("rgb", "grey")) {
          out.add(Arguments.of(op, i, list.get(i), input));
        }
      }
    });
    return out.stream();
  }

  @Test
  void everyRegisteredOpHasAMatrixEntryAndNoEntryIsStale() {
    Map<String, List<JsonNode>> matrix = matrix();
    assertThat(matrix.keySet()).as("ops registered without an op-matrix entry")
        .containsAll(REGISTRY.entries().keySet());
    assertThat(REGISTRY.entries().keySet()).as("op-matrix entries for ops not registered")
        .containsAll(matrix.keySet());
    matrix.forEach((op, list) -> assertThat(list).as("cases for " + op).isNotEmpty());
  }

  @ParameterizedTest(name = "{0}[{1}] on {3}")
  @MethodSource("cases")
  void opKeepsTheContract(String op, int index, JsonNode spec, String inputName) throws IOException {
    Mat input = inputName.equals("rgb") ? TestImages.chart(40, 36) : TestImages.grey(40, 36);
    byte[] before = TestImages.pixels(input);
    Transform<?> t = REGISTRY.json().read(spec);

    for (long seed = 0; seed < 12; seed++) {
      Params params = t.sample(new SplittableRandom(seed), ImageInfo.of(input));
      Mat out = Transform.applyAny(t, input, params);
      assertThat(TestImages.pixels(input)).as("input mutated").isEqualTo(before);
      assertThat(out.type()).as("output type").isEqualTo(input.type());
      ImageInfo expected = Transform.outputInfoAny(t, ImageInfo.of(input), params);
      assertThat(ImageInfo.of(out)).as("output geometry").isEqualTo(expected);

      Mat again = Transform.applyAny(t, input, t.sample(new SplittableRandom(seed), ImageInfo.of(input)));
      assertThat(TestImages.pixels(again)).as("same seed, same output").isEqualTo(TestImages.pixels(out));

      Transform<?> reread = REGISTRY.json().read(TransformJson.JSON.readTree(t.toJson().toString()));
      assertThat(reread.toJson()).as("JSON round-trip").isEqualTo(t.toJson());
      Mat fromReread = Transform.applyAny(reread, input, reread.sample(new SplittableRandom(seed), ImageInfo.of(input)));
      assertThat(TestImages.pixels(fromReread)).as("round-tripped output").isEqualTo(TestImages.pixels(out));

      List<OpSpec> replay = Transform.replayAny(t, params);
      List<Transform<?>> fixed = new ArrayList<>();
      for (OpSpec s : replay) {
        assertThat(OpSpec.parse(s.toString())).as("compact form of " + s).isEqualTo(s);
        fixed.add(REGISTRY.create(OpSpec.parse(s.toString())));
      }
      Sequence replayed = new Sequence(fixed);
      Mat fromReplay = replayed.apply(input, replayed.sample(new SplittableRandom(99), ImageInfo.of(input)));
      assertThat(TestImages.pixels(fromReplay)).as("replay " + replay + " reproduces the output")
          .isEqualTo(TestImages.pixels(out));

      RandomApply never = new RandomApply(0, t);
      Mat unchanged = never.apply(input, never.sample(new SplittableRandom(seed), ImageInfo.of(input)));
      assertThat(TestImages.pixels(unchanged)).as("p=0 is the identity").isEqualTo(before);
      for (Mat m : List.of(out, again, fromReread, fromReplay, unchanged)) {
        m.release();
      }
    }
    input.release();
  }
}
