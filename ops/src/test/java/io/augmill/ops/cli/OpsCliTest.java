package io.augmill.ops.cli;

import io.augmill.ops.testing.CommandRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.spec.TransformJson;
import io.augmill.ops.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

class OpsCliTest {

  @TempDir
  Path tmp;
  Path in;

  @BeforeEach
  void input() throws Exception {
    in = tmp.resolve("in.png");
    ImageCodec.write(in, TestImages.chart(30, 20));
  }

  @Test
  void applyRunsOpsInOrder() throws Exception {
    Path out = tmp.resolve("out.png");
    CommandRun run = CliRun.of("apply", "--op", "hflip", "--op", "vflip", in.toString(), out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("hflip vflip");
    Mat expected = io.augmill.ops.geometric.Geometric.vflip(io.augmill.ops.geometric.Geometric.hflip(ImageCodec.read(in)));
    assertThat(TestImages.pixels(ImageCodec.read(out))).isEqualTo(TestImages.pixels(expected));
  }

  @Test
  void paramsOutOfAPolicyDrawReplaysExactlyWithOpAndParamsIn() throws Exception {
    Path policy = tmp.resolve("p.yaml");
    Files.writeString(policy, "name: flips\ntransform:\n  - {op: hflip, p: 0.5}\n  - {op: vflip, p: 0.5}\n  - {op: one_of, args: {ops: [hflip, identity]}}\n");
    for (int seed = 0; seed < 6; seed++) {
      Path out = tmp.resolve("draw" + seed + ".png");
      Path params = tmp.resolve("params" + seed + ".json");
      CommandRun run = CliRun.of("apply", "--policy", policy.toString(), "--seed", "" + seed, "--params-out", params.toString(),
          in.toString(), out.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      var json = TransformJson.JSON.readTree(params.toFile());
      assertThat(json.get("seed").asInt()).isEqualTo(seed);
      List<String> args = new ArrayList<>(List.of("apply"));
      json.get("ops").forEach(op -> args.addAll(List.of("--op", op.asText())));
      if (json.get("ops").isEmpty()) {
        args.addAll(List.of("--op", "identity"));
      }
      Path replay = tmp.resolve("replay" + seed + ".png");
      args.addAll(List.of(in.toString(), replay.toString()));
      assertThat(CliRun.of(args.toArray(String[]::new)).exitCode()).isZero();
      assertThat(Files.readAllBytes(replay)).isEqualTo(Files.readAllBytes(out));
      Path replay2 = tmp.resolve("replay-in" + seed + ".png");
      assertThat(CliRun.of("apply", "--params-in", params.toString(), in.toString(), replay2.toString()).exitCode()).isZero();
      assertThat(Files.readAllBytes(replay2)).isEqualTo(Files.readAllBytes(out));
    }
  }

  @Test
  void badUsageExitsTwoWithOneLineNamingTheProblem() {
    Path out = tmp.resolve("o.png");
    CommandRun both = CliRun.of("apply", "--op", "hflip", "--policy", "none", in.toString(), out.toString());
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("mutually exclusive");
    CommandRun badOp = CliRun.of("apply", "--op", "hflip(x=1)", in.toString(), out.toString());
    assertThat(badOp.exitCode()).isEqualTo(2);
    assertThat(badOp.err().strip()).isEqualTo("augmill apply: --op 'hflip(x=1)': hflip: unknown parameter x (it takes none)");
    CommandRun badPolicy = CliRun.of("apply", "--policy", "no-such-policy", in.toString(), out.toString());
    assertThat(badPolicy.exitCode()).isEqualTo(2);
    assertThat(badPolicy.err()).contains("--policy: policy 'no-such-policy' is neither a built-in policy");
    CommandRun badOut = CliRun.of("apply", "--op", "hflip", in.toString(), tmp.resolve("o.gif").toString());
    assertThat(badOut.exitCode()).isEqualTo(2);
    assertThat(CliRun.of("apply").exitCode()).isEqualTo(2);
    assertThat(CliRun.of().exitCode()).isEqualTo(2);
  }

  @Test
  void failedJobsExitOneNamingTheFile() throws Exception {
    CommandRun missing = CliRun.of("apply", "--op", "hflip", tmp.resolve("nope.png").toString(), tmp.resolve("o.png").toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("nope.png");
    Path junk = tmp.resolve("junk.png");
    Files.writeString(junk, "not a png");
    CommandRun undecodable = CliRun.of("apply", "--op", "hflip", junk.toString(), tmp.resolve("o.png").toString());
    assertThat(undecodable.exitCode()).isEqualTo(1);
    assertThat(undecodable.err()).contains("junk.png: not a decodable image");
  }

  @Test
  void policiesListsPrintsAndThePrintedYamlReadsBack() throws Exception {
    CommandRun list = CliRun.of("policies");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).contains("none", "cifar-standard", "cifar-cutout", "imagenet-inception", "fashion-mnist-standard");
    Path policy = tmp.resolve("p.yaml");
    Files.writeString(policy, "[{op: hflip, p: 0.5}, vflip]");
    CommandRun print = CliRun.of("policies", policy.toString());
    assertThat(print.exitCode()).isZero();
    Path printed = tmp.resolve("printed.yaml");
    Files.writeString(printed, print.out());
    CommandRun again = CliRun.of("policies", printed.toString());
    assertThat(again.out()).isEqualTo(print.out());
    assertThat(CliRun.of("policies", "--ops").out()).contains("hflip", "sequence", "one_of");
    assertThat(CliRun.of("policies", "nope").exitCode()).isEqualTo(2);
  }

  @Test
  void previewWritesAContactSheet() throws Exception {
    Path grid = tmp.resolve("grid.png");
    CommandRun run = CliRun.of("preview", "--policy", "none", "--input", in.toString(), "--count", "3", "--tile", "64",
        "--output", grid.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    Mat sheet = ImageCodec.read(grid);
    // 4 tiles (original + 3 draws) in a 2x2 grid of 64 px cells with captions and gaps.
    assertThat(sheet.cols()).isEqualTo(2 * (64 + 6) + 6);
    assertThat(sheet.rows()).isEqualTo(2 * (64 + 18 + 6) + 6);
    assertThat(CliRun.of("preview", "--policy", "none", "--input", "cifar10:/nowhere", "--output", grid.toString()).exitCode())
        .isEqualTo(2);
  }

  @Test
  void goldenCommandChecksAndUpdates() throws Exception {
    Path suite = tmp.resolve("suite");
    Files.createDirectories(suite.resolve("inputs"));
    ImageCodec.write(suite.resolve("inputs/c.png"), TestImages.chart(12, 10));
    Files.writeString(suite.resolve("suite.yaml"), "cases:\n  - {name: f, input: c, spec: hflip}\n");
    CommandRun missing = CliRun.of("golden", "check", "--suite", suite.toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.out()).contains("0 passed, 1 failed");
    assertThat(CliRun.of("golden", "update", "--suite", suite.toString()).exitCode()).isZero();
    CommandRun ok = CliRun.of("golden", "check", "--suite", suite.toString());
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).contains("1 passed, 0 failed");
    assertThat(CliRun.of("golden", "verify", "--suite", suite.toString()).exitCode()).isEqualTo(2);
  }
}
