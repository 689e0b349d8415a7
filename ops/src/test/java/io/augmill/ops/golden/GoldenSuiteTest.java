package io.augmill.ops.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

class GoldenSuiteTest {

  @TempDir
  Path suite;

  private void writeSuite(String yaml) throws Exception {
    Files.writeString(suite.resolve("suite.yaml"), yaml);
    ImageCodec.write(suite.resolve("inputs/chart.png"), TestImages.chart(24, 20));
  }

  @Test
  void updateThenCheckPassesAndATamperedGoldenFailsWithImages() throws Exception {
    writeSuite("""
        cases:
          - {name: flip, input: chart, spec: hflip}
          - {name: maybe, input: chart, spec: {op: vflip, p: 0.5}, seed: 3}
          - {name: pol, input: chart, policy: none}
        """);
    GoldenSuite goldens = GoldenSuite.load(suite, OpRegistry.builtin());
    assertThat(goldens.update()).containsExactly("flip", "maybe", "pol");
    assertThat(goldens.check(suite.resolve("report"))).allMatch(GoldenSuite.Result::passed);

    Mat expected = ImageCodec.read(suite.resolve("expected/flip.png"));
    expected.put(0, 0, new byte[] {(byte) 0, (byte) 0, (byte) 0});
    expected.put(5, 5, new byte[] {(byte) 1, (byte) 2, (byte) 3});
    ImageCodec.write(suite.resolve("expected/flip.png"), expected);
    List<GoldenSuite.Result> results = goldens.check(suite.resolve("report"));
    GoldenSuite.Result flip = results.get(0);
    assertThat(flip.passed()).isFalse();
    assertThat(flip.message()).contains("flip (hflip)", "max abs diff", "PSNR", "values differ by more than 0");
    assertThat(suite.resolve("report/flip-actual.png")).exists();
    assertThat(suite.resolve("report/flip-diff.png")).exists();
    assertThat(results.get(1).passed()).isTrue();
  }

  @Test
  void toleranceAllowsSmallDifferences() throws Exception {
    writeSuite("cases:\n  - {name: flip, input: chart, spec: hflip, max_abs: 2}\n");
    GoldenSuite goldens = GoldenSuite.load(suite, OpRegistry.builtin());
    goldens.update();
    Mat expected = ImageCodec.read(suite.resolve("expected/flip.png"));
    double[] px = expected.get(3, 3);
    expected.put(3, 3, px[0] < 128 ? px[0] + 2 : px[0] - 2, px[1], px[2]);
    ImageCodec.write(suite.resolve("expected/flip.png"), expected);
    assertThat(goldens.check(suite.resolve("report"))).allMatch(GoldenSuite.Result::passed);
  }

  @Test
  void missingGoldenAndMalformedSuitesAreReported() throws Exception {
    writeSuite("cases:\n  - {name: flip, input: chart, spec: hflip}\n");
    GoldenSuite goldens = GoldenSuite.load(suite, OpRegistry.builtin());
    assertThat(goldens.check(suite.resolve("r")).get(0).message()).contains("no stored output", "golden update");
    writeSuite("cases:\n  - {name: a, input: chart, spec: hflip, policy: none}\n");
    assertThatThrownBy(() -> GoldenSuite.load(suite, OpRegistry.builtin())).hasMessageContaining("exactly one of spec and policy");
    writeSuite("cases:\n  - {name: a, input: chart, spec: hflip, tolerance: 3}\n");
    assertThatThrownBy(() -> GoldenSuite.load(suite, OpRegistry.builtin())).hasMessageContaining("unknown key 'tolerance'");
    writeSuite("cases:\n  - {name: a, input: chart, spec: hflip}\n  - {name: a, input: chart, spec: vflip}\n");
    assertThatThrownBy(() -> GoldenSuite.load(suite, OpRegistry.builtin())).hasMessageContaining("appears twice");
  }
}
