package io.augmill.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.augmill.ops.image.ImageCodec;
import io.augmill.training.TestShards;
import io.augmill.training.TinyData;
import io.augmill.training.data.DecodedImage;
import io.augmill.training.data.RecordStream;
import io.augmill.training.run.MetricsLog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingCliTest {

  @TempDir static Path tmp;
  static Path train;
  static Path other;

  record Result(int code, String out, String err) {}

  static Result run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = TrainingCli.run(args);
      return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @BeforeAll
  static void data() throws Exception {
    train = TestShards.write(tmp.resolve("train"), TinyData.source(128, 8, 3, 1), 2, 2, true, null, null);
    other = TestShards.write(tmp.resolve("three"), new io.augmill.training.data.InMemorySource(List.of("a", "b", "c"),
        List.of(new DecodedImage("k", 0, 8, 8, 3, new byte[192]), new DecodedImage("l", 2, 8, 8, 3, new byte[192])), null),
        1, 1, true, null, null);
  }

  static List<String> tiny(String out, String... more) {
    List<String> a = new ArrayList<>(List.of("train", "--train", train.toString(), "--val", train.toString(), "--output", out,
        "--epochs", "2", "--batch-size", "16", "--lr", "0.05", "--threads", "1", "--loader-threads", "1", "--quiet"));
    for (int i = 0; i < more.length; i++) {
      int at = a.indexOf(more[i]);
      boolean valued = i + 1 < more.length && !more[i + 1].startsWith("--");
      if (at >= 0 && valued) {
        a.set(at + 1, more[++i]);
      } else {
        a.add(more[i]);
        if (valued) {
          a.add(more[++i]);
        }
      }
    }
    return a;
  }

  @Test
  void trainEvaluatePredictAndDistil() throws Exception {
    String run = tmp.resolve("run").toString();
    Result r = run(tiny(run, "--mixup", "0.2", "--label-smoothing", "0.1", "--warmup-epochs", "0.5").toArray(String[]::new));
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("model in").contains("best val top-1");
    assertThat(r.err()).contains("epoch 1/2").contains("epoch 2/2").contains("val loss");
    assertThat(new MetricsLog(Path.of(run, "metrics.csv")).read()).hasSize(2);
    assertThat(Path.of(run, "report.html")).isRegularFile();

    Result e = run("evaluate", "--model", run, "--data", train.toString(), "--threads", "1");
    assertThat(e.code()).as(e.err()).isZero();
    assertThat(e.out()).contains("top-1").contains("top-5").contains("confusion matrix").contains("tl");
    Result j = run("evaluate", "--model", run, "--data", train.toString(), "--format", "json");
    assertThat(j.code()).isZero();
    assertThat(j.out()).contains("\"per_class_accuracy\"").contains("\"confusion\"");

    Path png = tmp.resolve("one.png");
    try (RecordStream s = TinyData.source(4, 8, 3, 9).open(0, null)) {
      DecodedImage im = s.next().decode();
      ImageCodec.write(png, ImageCodec.fromRaw(im.pixels(), 8, 8, 3));
    }
    Result p = run("predict", "--model", run, "--top-k", "2", png.toString());
    assertThat(p.code()).as(p.err()).isZero();
    assertThat(p.out().trim().split("\t")).hasSize(3);

    String student = tmp.resolve("student").toString();
    Result kd = run(tiny(student, "--teacher", run, "--kd-temperature", "2", "--kd-weight", "0.5", "--epochs", "1").toArray(String[]::new));
    assertThat(kd.code()).as(kd.err()).isZero();

    Result resumed = run("train", "--resume", run, "--quiet");
    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(new MetricsLog(Path.of(run, "metrics.csv")).read()).hasSize(2);
    Result resumeWithLr = run("train", "--resume", run, "--lr", "0.3");
    assertThat(resumeWithLr.code()).isEqualTo(2);
    assertThat(resumeWithLr.err()).contains("--lr");

    Result mismatch = run("train", "--train", other.toString(), "--output", tmp.resolve("mm").toString(), "--teacher", run,
        "--batch-size", "2", "--quiet");
    assertThat(mismatch.code()).isEqualTo(2);
    assertThat(mismatch.err()).contains("--teacher").contains("classes");
  }

  @Test
  void badUsageIsOneLineNamingTheOption() {
    Result unknown = run("train", "--train", train.toString(), "--output", tmp.resolve("x").toString(), "--bogus");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--bogus");
    assertThat(unknown.err().trim().lines().count()).isEqualTo(1);
    Result badMix = run("train", "--train", train.toString(), "--output", tmp.resolve("y").toString(), "--mixup", "-1", "--quiet");
    assertThat(badMix.code()).isEqualTo(2);
    assertThat(badMix.err()).contains("--mixup");
    Result noTrain = run("train", "--output", tmp.resolve("z").toString());
    assertThat(noTrain.code()).isEqualTo(2);
    assertThat(noTrain.err()).contains("--train");
    Result missing = run("train", "--train", tmp.resolve("absent").toString(), "--output", tmp.resolve("w").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("absent");
    Result noModel = run("evaluate", "--model", tmp.resolve("absent").toString(), "--data", train.toString());
    assertThat(noModel.code()).isEqualTo(2);
    assertThat(run("frobnicate").code()).isEqualTo(2);
    Result gpu = run("train", "--train", train.toString(), "--output", tmp.resolve("g").toString(), "--devices", "gpu7", "--quiet");
    assertThat(gpu.code()).isEqualTo(2);
    assertThat(gpu.err()).contains("--devices gpu7");
    Result help = run("train", "--help");
    assertThat(help.code()).isZero();
    for (String flag : List.of("--mixup", "--cutmix", "--ricap", "--mix-prob", "--mix-switch-prob", "--label-smoothing",
        "--lr-scaling", "--warmup-epochs", "--warmup", "--warmup-lr", "--schedule", "--min-lr", "--milestones",
        "--decay-rate", "--optimizer", "--nesterov", "--final-lr", "--adabound-gamma", "--no-bias-decay", "--l1",
        "--teacher", "--kd-temperature", "--kd-weight", "--dropout", "--patience", "--resume", "--devices", "--zero-gamma",
        "--init")) {
      assertThat(help.out()).as(flag).contains(flag);
    }
  }

  @Test
  void divergenceStopsWithTheStepAndEarlyStoppingStops() throws Exception {
    String run = tmp.resolve("nan").toString();
    Result r = run(tiny(run, "--lr", "1e30", "--weight-decay", "0", "--schedule", "constant").toArray(String[]::new));
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("diverged").contains("step");

    String es = tmp.resolve("es").toString();
    Result s = run(tiny(es, "--lr", "0", "--epochs", "5", "--patience", "1", "--steps-per-epoch", "1").toArray(String[]::new));
    assertThat(s.code()).as(s.err()).isZero();
    assertThat(s.err()).contains("early stop");
    assertThat(new MetricsLog(Path.of(es, "metrics.csv")).read().size()).isLessThan(5);
    assertThat(Files.exists(Path.of(es, "checkpoints", "best", "parameters.bin"))).isTrue();
  }
}
