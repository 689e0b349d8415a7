package io.augmill.tests.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Transform;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.TransformJson;
import io.augmill.ops.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * Each case of {@code reference/cases/FAMILY.yaml} applies an Augmill spec to a committed input and
 * compares with the reference output: at most {@code max_fraction_over} of the channel values (default
 * 0) may differ by more than {@code max_abs}. A failing case writes the actual output and a magnified
 * difference to {@code target/parity-failures/}.
 */
class ReferenceParityTest {

  private static final Path RESOURCES = Path.of("src/test/resources/reference");

  static Stream<Arguments> cases() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(RESOURCES.resolve("cases"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        String family = f.getFileName().toString().replace(".yaml", "");
        for (JsonNode c : TransformJson.YAML.readTree(f.toFile())) {
          out.add(Arguments.of(family, c.get("name").asText(), c));
        }
      }
    }
    return out.stream();
  }

  @Test
  void everyReferenceImageHasACaseAndEveryCaseAnImage() throws IOException {
    Set<String> expected = new HashSet<>();
    cases().forEach(a -> expected.add(a.get()[0] + "/" + a.get()[1] + ".png"));
    Set<String> present = new HashSet<>();
    try (Stream<Path> dirs = Files.list(RESOURCES)) {
      for (Path d : dirs.filter(Files::isDirectory).toList()) {
        String name = d.getFileName().toString();
        if (name.equals("cases") || name.equals("inputs")) {
          continue;
        }
        try (Stream<Path> pngs = Files.list(d)) {
          pngs.forEach(p -> present.add(name + "/" + p.getFileName()));
        }
      }
    }
    assertThat(present).as("reference images (regenerate with tests/reference/generate.py)").isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("cases")
  void matchesReference(String family, String name, JsonNode c) throws IOException {
    Mat input = read(RESOURCES.resolve("inputs").resolve(c.get("input").asText() + ".png"));
    Mat expected = read(RESOURCES.resolve(family).resolve(name + ".png"));
    Transform<?> t = OpRegistry.builtin().json().read(c.get("spec"));
    Mat actual = Transform.applyAny(t, input, t.sample(new SplittableRandom(c.path("seed").asLong(0)), ImageInfo.of(input)));

    assertThat(ImageInfo.of(actual)).as(family + "/" + name + " geometry").isEqualTo(ImageInfo.of(expected));
    int maxAbs = c.path("max_abs").asInt(0);
    double allowed = c.path("max_fraction_over").asDouble(0);
    int over = TestImages.countOver(actual, expected, maxAbs);
    long total = actual.total() * actual.channels();
    if (over > allowed * total) {
      Path dir = Path.of("target/parity-failures", family);
      ImageCodec.write(dir.resolve(name + "-actual.png"), actual);
      Mat diff = new Mat();
      Core.absdiff(actual, expected, diff);
      Core.multiply(diff, new org.opencv.core.Scalar(8, 8, 8), diff);
      ImageCodec.write(dir.resolve(name + "-diff.png"), diff);
      fail(String.format("%s/%s (%s vs %s): %d of %d values differ by more than %d (allowed %.4f%%); "
              + "max abs diff %d, PSNR %.2f dB; actual and 8x diff written to %s",
          family, name, c.get("spec"), c.path("reference").asText(), over, total, maxAbs, allowed * 100,
          TestImages.maxAbsDiff(actual, expected), TestImages.psnr(actual, expected), dir.toAbsolutePath()));
    }
  }

  private static Mat read(Path file) throws IOException {
    return ImageCodec.decode(Files.readAllBytes(file), file.toString());
  }
}
