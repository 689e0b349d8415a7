package io.augmill.ops.cli;

import io.augmill.ops.testing.CommandRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.pil.PilTone;
import io.augmill.ops.spec.TransformJson;
import io.augmill.ops.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AutoAugment family through the CLI: {@code policies NAME} prints the table, an edited copy runs
 * through {@code apply --policy FILE}, RandAugment strings are accepted or rejected with a reason, and
 * every draw replays from its recorded ops.
 */
class AutoAugmentCliTest {

  @TempDir
  Path tmp;
  Path in;

  @BeforeEach
  void input() throws Exception {
    in = tmp.resolve("in.png");
    ImageCodec.write(in, TestImages.chart(32, 32));
  }

  @Test
  void printedTableEditedRunsTheEditedPolicy() throws Exception {
    CommandRun print = CliRun.of("policies", "autoaugment-cifar10");
    assertThat(print.exitCode()).as(print.err()).isZero();
    assertThat(print.out()).contains("op: auto_augment", "sub_policies:", "op: invert", "magnitude: 6");
    var doc = (com.fasterxml.jackson.databind.node.ObjectNode) TransformJson.YAML.readTree(print.out());
    var args = (com.fasterxml.jackson.databind.node.ObjectNode) doc.get("transform").get("args");
    assertThat(args.get("sub_policies")).hasSize(25);
    args.set("sub_policies", TransformJson.YAML.readTree("[[{op: invert, p: 1.0}, {op: solarize, p: 0.0, magnitude: 9}]]"));
    Path edited = tmp.resolve("edited.yaml");
    Files.writeString(edited, TransformJson.toYaml(doc));
    Path out = tmp.resolve("out.png");
    CommandRun run = CliRun.of("apply", "--policy", edited.toString(), "--seed", "3", in.toString(), out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(TestImages.pixels(ImageCodec.read(out))).isEqualTo(TestImages.pixels(PilTone.invert(ImageCodec.read(in))));
  }

  @Test
  void policyDrawsReplayFromTheirRecordedOps() throws Exception {
    for (String policy : List.of("autoaugment-cifar10", "rand-m9-n2-mstd0.5", "trivial-augment", "cifar-autoaugment")) {
      for (int seed = 0; seed < 4; seed++) {
        Path out = tmp.resolve("draw.png");
        Path params = tmp.resolve("params.json");
        CommandRun run = CliRun.of("apply", "--policy", policy, "--seed", "" + seed, "--params-out", params.toString(),
            in.toString(), out.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> args = new ArrayList<>(List.of("apply", "--op", "identity"));
        TransformJson.JSON.readTree(params.toFile()).get("ops").forEach(op -> args.addAll(List.of("--op", op.asText())));
        Path replay = tmp.resolve("replay.png");
        args.addAll(List.of(in.toString(), replay.toString()));
        CommandRun again = CliRun.of(args.toArray(String[]::new));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(Files.readAllBytes(replay)).as(policy + " seed " + seed).isEqualTo(Files.readAllBytes(out));
      }
    }
  }

  @Test
  void badRandAugmentStringsExitTwoWithTheReason() {
    CommandRun run = CliRun.of("apply", "--policy", "rand-m9-q2", in.toString(), tmp.resolve("x.png").toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("unknown section 'q2'");
  }
}
