package io.augmill.tests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * The product path a user takes, through the launcher: preprocess a dataset into shards (train and
 * test), verify them, train a small model, evaluate and predict; and a folder with bad files whose
 * rejects are counted and listed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path work;

  @Test
  @Order(1)
  void preprocessWritesConsistentShardsAndManifest() throws Exception {
    Launcher.Result train = Launcher.run(work, "preprocess", "--input", "synthetic:shapes?count=160&seed=3",
        "--output", "train", "--policy", "cifar-cutout", "--variants", "2", "--shards", "3", "--seed", "5");
    assertThat(train.exitCode()).as(train.toString()).isZero();
    JsonNode manifest = JSON.readTree(work.resolve("train/manifest.json").toFile());
    assertThat(manifest.get("format_version").asInt()).isEqualTo(1);
    assertThat(manifest.get("records").asInt()).isEqualTo(320);
    assertThat(manifest.get("inputs").asInt()).isEqualTo(160);
    assertThat(manifest.get("variants").asInt()).isEqualTo(2);
    assertThat(manifest.get("classes")).hasSize(10);
    assertThat(manifest.get("shards")).hasSize(3);
    int sum = 0;
    for (JsonNode shard : manifest.get("shards")) {
      Path file = work.resolve("train").resolve(shard.get("file").asText());
      assertThat(sha256(file)).as(file.toString()).isEqualTo(shard.get("sha256").asText());
      assertThat(work.resolve("train").resolve(shard.get("file").asText() + ".idx")).exists();
      sum += shard.get("records").asInt();
    }
    assertThat(sum).isEqualTo(320);

    Launcher.Result test = Launcher.run(work, "preprocess", "--input", "synthetic:shapes?count=60&seed=3", "--split", "test",
        "--output", "test", "--policy", "none", "--shards", "1");
    assertThat(test.exitCode()).as(test.toString()).isZero();

    Launcher.Result inspect = Launcher.run(work, "inspect", "train", "--verify", "--sheet", "sheet.png");
    assertThat(inspect.exitCode()).as(inspect.toString()).isZero();
    assertThat(inspect.out()).contains("verify: OK");
    assertThat(work.resolve("sheet.png")).exists();
  }

  @Test
  @Order(2)
  void sameSeedGivesIdenticalShardsOnEmbeddedFlink() throws Exception {
    Launcher.Result again = Launcher.run(work, "preprocess", "--input", "synthetic:shapes?count=160&seed=3",
        "--output", "train-flink", "--policy", "cifar-cutout", "--variants", "2", "--shards", "3", "--seed", "5",
        "--runner", "flink", "--parallelism", "2");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.err()).as("embedded Flink's own logging stays at warnings")
        .doesNotContain(" INFO ").doesNotContain("exceeded the 80 characters");
    for (int s = 0; s < 3; s++) {
      String name = String.format("train-%05d-of-00003.tfrecord", s);
      assertThat(Files.readAllBytes(work.resolve("train-flink").resolve(name)))
          .as(name).isEqualTo(Files.readAllBytes(work.resolve("train").resolve(name)));
    }
  }

  @Test
  @Order(3)
  void trainEvaluateAndPredict() throws Exception {
    Launcher.Result train = Launcher.run(work, "train", "--train", "train", "--val", "test", "--output", "run",
        "--model", "resnet20", "--epochs", "2", "--batch-size", "32", "--lr", "0.05", "--seed", "1", "--quiet");
    assertThat(train.exitCode()).as(train.toString()).isZero();
    Path run = work.resolve("run");
    for (String f : List.of("config.json", "metrics.csv", "report.html", "model/model.json")) {
      assertThat(run.resolve(f)).as(f).exists();
    }
    assertThat(Files.readAllLines(run.resolve("metrics.csv"))).hasSize(3);
    try (Stream<Path> checkpoints = Files.list(run.resolve("checkpoints"))) {
      assertThat(checkpoints.count()).isPositive();
    }

    Launcher.Result evaluate = Launcher.run(work, "evaluate", "--model", "run", "--data", "test");
    assertThat(evaluate.exitCode()).as(evaluate.toString()).isZero();
    assertThat(evaluate.out()).containsIgnoringCase("top-1");

    Path image = work.resolve("one.png");
    ImageCodec.write(image, TestImages.chart(32, 32));
    Launcher.Result predict = Launcher.run(work, "predict", "--model", "run", image.toString());
    assertThat(predict.exitCode()).as(predict.toString()).isZero();
    assertThat(predict.out()).contains("one.png");
  }

  @Test
  @Order(4)
  void badFilesAreRejectedCountedAndListedNeverLost() throws Exception {
    Path folder = work.resolve("folder");
    for (String cls : List.of("cats", "dogs")) {
      Files.createDirectories(folder.resolve(cls));
      for (int i = 0; i < 4; i++) {
        ImageCodec.write(folder.resolve(cls).resolve("img" + i + ".png"), TestImages.noise(32, 32, 3, i));
      }
    }
    // Too small for cifar-standard's 32x32 crop: its original is kept, both augmented variants fail.
    ImageCodec.write(folder.resolve("cats/small.png"), TestImages.noise(24, 20, 3, 9));
    Files.writeString(folder.resolve("cats/broken.png"), "this is not a png");
    Mat deep = new Mat(8, 8, CvType.CV_16UC3, new Scalar(1000, 2000, 3000));
    MatOfByte png16 = new MatOfByte();
    Imgcodecs.imencode(".png", deep, png16);
    Files.write(folder.resolve("dogs/deep.png"), png16.toArray());

    Launcher.Result run = Launcher.run(work, "preprocess", "--input", "folder:" + folder, "--output", "folder-out",
        "--policy", "cifar-standard", "--variants", "2", "--keep-original", "--shards", "2");
    assertThat(run.exitCode()).as(run.toString()).isZero();
    JsonNode manifest = JSON.readTree(work.resolve("folder-out/manifest.json").toFile());
    int inputs = manifest.get("inputs").asInt();
    int records = manifest.get("records").asInt();
    JsonNode rejected = manifest.get("rejected");
    assertThat(inputs).isEqualTo(11);
    assertThat(rejected.get("inputs").asInt()).isEqualTo(2);
    assertThat(rejected.get("variants").asInt()).isEqualTo(2);
    assertThat(records).isEqualTo(9 * 3 - 2);
    assertThat(rejected.get("by_reason").get("undecodable").asInt()).isEqualTo(1);
    assertThat(rejected.get("by_reason").get("unsupported-depth").asInt()).isEqualTo(1);
    // inputs x (variants + 1 original) = records + rejected inputs x (variants + 1) + rejected variants
    assertThat(inputs * 3).isEqualTo(records + rejected.get("inputs").asInt() * 3 + rejected.get("variants").asInt());
    long lines;
    try (Stream<Path> files = Files.list(work.resolve("folder-out/rejected"))) {
      lines = files.flatMap(f -> {
        try {
          return Files.readAllLines(f).stream();
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).filter(l -> !l.isBlank()).peek(l -> assertThat(l).containsAnyOf("broken.png", "deep.png", "small.png")).count();
    }
    assertThat(lines).isEqualTo(4);
  }

  @Test
  @Order(5)
  void batchJobsGetTheLauncherJvmDefaultsWhichJavaOptsOverride() throws Exception {
    Launcher.Result plain = Launcher.run(work, Map.of("AUGMILL_DEBUG", "1"),
        "stats", "--input", "synthetic:shapes?count=20&seed=1", "--output", "stats.json");
    assertThat(plain.exitCode()).as(plain.toString()).isZero();
    assertThat(work.resolve("stats.json")).exists();
    // The DirectRunner (the default) holds a GroupByKey's records on the heap: the parallel collector.
    assertThat(javaCommand(plain)).contains("-XX:+UseParallelGC", "-XX:Tier4InvocationThreshold=50000 ")
        .doesNotContain("UseSerialGC");
    // The preprocess runs before this one recorded the class-data-sharing archive; this run maps it.
    Path archive = Path.of("..").toAbsolutePath().normalize().resolve("pipeline/target/augmill-pipeline.jsa");
    assertThat(archive).isNotEmptyFile();
    assertThat(javaCommand(plain)).contains("-XX:SharedArchiveFile=" + archive);
    Launcher.Result noCds = Launcher.run(work, Map.of("AUGMILL_DEBUG", "1", "AUGMILL_CDS", "0"),
        "stats", "--input", "synthetic:shapes?count=20&seed=1", "--output", "stats0.json");
    assertThat(noCds.exitCode()).as(noCds.toString()).isZero();
    assertThat(javaCommand(noCds)).doesNotContain("Archive");
    assertThat(noCds.out()).as("JVM warnings stay off stdout").startsWith("stats: 20 images");

    // Embedded Flink's live heap is small and flat: the serial collector, however Flink is asked for.
    for (List<String> asked : List.of(List.of("--runner", "FLINK"), List.of("--flink-master", "[local]"))) {
      List<String> args = new ArrayList<>(List.of("stats", "--input", "synthetic:shapes?count=20&seed=1",
          "--output", "stats-" + asked.get(0).substring(2) + ".json"));
      args.addAll(asked);
      Launcher.Result flink = Launcher.run(work, Map.of("AUGMILL_DEBUG", "1"), args.toArray(String[]::new));
      assertThat(flink.exitCode()).as(flink.toString()).isZero();
      assertThat(javaCommand(flink)).as(asked.toString()).contains("-XX:+UseSerialGC").doesNotContain("UseParallelGC");
    }

    // A collector or threshold of the user's replaces the default (two collectors would stop the JVM).
    Launcher.Result own = Launcher.run(work, Map.of("AUGMILL_DEBUG", "1",
        "JAVA_OPTS", "-XX:+UseSerialGC -XX:Tier4InvocationThreshold=5000"),
        "stats", "--input", "synthetic:shapes?count=20&seed=1", "--output", "stats2.json");
    assertThat(own.exitCode()).as(own.toString()).isZero();
    assertThat(javaCommand(own)).contains("-XX:+UseSerialGC", "-XX:Tier4InvocationThreshold=5000",
        "-XX:Tier4CompileThreshold=150000").doesNotContain("UseParallelGC", "Tier4InvocationThreshold=50000");

    Launcher.Result policies = Launcher.run(work, Map.of("AUGMILL_DEBUG", "1"), "policies");
    assertThat(policies.exitCode()).as(policies.toString()).isZero();
    assertThat(policies.err()).contains("augmill: java").doesNotContain("-XX:");
  }

  @Test
  @Order(6)
  void aChangedSourceRebuildsOnceNotOnEveryRun() throws Exception {
    // A stand-in for Maven that only records its calls; the launcher stamps the build after it succeeds.
    Path calls = work.resolve("maven-calls.txt");
    Path fakeMaven = work.resolve("fake-mvn");
    Files.writeString(fakeMaven, "#!/bin/sh\necho \"$@\" >> '" + calls + "'\n");
    fakeMaven.toFile().setExecutable(true);
    // Only a module it depends on changes (ops, for the datasets module's inspect): Maven then leaves its own
    // jar as it was, which must not make every later run build again.
    Path source = Path.of("..").toAbsolutePath().normalize()
        .resolve("ops/src/main/java/io/augmill/ops/image/ImageCodec.java");
    java.nio.file.attribute.FileTime original = Files.getLastModifiedTime(source);
    Launcher.Result first;
    Launcher.Result second;
    try {
      Files.setLastModifiedTime(source, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
      Map<String, String> env = Map.of("MAVEN", fakeMaven.toString());
      first = Launcher.run(work, env, "inspect", "--help");
      second = Launcher.run(work, env, "inspect", "--help");
    } finally {
      // The other modules' next launch must not rebuild for a file whose content never changed.
      Files.setLastModifiedTime(source, original);
    }
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.err()).contains("augmill: building module 'datasets'");
    assertThat(second.err()).doesNotContain("building");
    assertThat(Files.readAllLines(calls)).containsExactly("-B -DskipTests -pl datasets -am package");
  }

  private static String javaCommand(Launcher.Result r) {
    return r.err().lines().filter(l -> l.startsWith("augmill: java ")).findFirst().orElseThrow(() -> new AssertionError(r));
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
