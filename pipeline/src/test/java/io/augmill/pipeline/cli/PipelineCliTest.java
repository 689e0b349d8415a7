package io.augmill.pipeline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.augmill.datasets.shard.Manifest;
import io.augmill.ops.spec.TransformJson;
import io.augmill.pipeline.shard.WriteShards;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PipelineCliTest {

  static final String SOURCE = "synthetic:shapes?count=30&size=32&seed=5";

  @TempDir
  Path tmp;

  record Run(int code, String out, String err) {}

  static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = PipelineCli.execute(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "--variants 0 | --variants must be at least 1",
      "--shards 0 | --shards must be at least 1",
      "--codec gif | --codec must be png, jpeg or raw",
      "--jpeg-quality 101 | --jpeg-quality must be in [1, 100]",
      "--split validation | --split",
      "--runner spark | --runner must be direct or flink",
      "--runner direct --flink-master 127.0.0.1:8081 | --flink-master needs --runner flink",
      "--flink-master nohost | --flink-master must be [local] or HOST:PORT",
      "--parallelism 0 | --parallelism must be at least 1",
      "--variants two | --variants",
      "--max-pixels 0 | --max-pixels must be at least 1"})
  void badUsageExitsTwoWithOneLineNamingTheOption(String extra, String expected) {
    String[] base = {"preprocess", "--input", SOURCE, "--output", tmp.resolve("o").toString(), "--policy", "none"};
    String[] args = concat(base, extra.split(" "));
    Run r = cli(args);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("augmill preprocess: ").contains(expected).doesNotContain("\n");
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void unknownPolicySourceAndMissingOptionsAreUsageErrors() {
    String out = tmp.resolve("o").toString();
    assertThat(cli("preprocess", "--input", SOURCE, "--output", out, "--policy", "no-such-policy").err()).contains("--policy");
    assertThat(cli("preprocess", "--input", "cifar10:" + tmp.resolve("missing"), "--output", out, "--policy", "none").code())
        .isEqualTo(2);
    Run missing = cli("preprocess", "--output", out, "--policy", "none");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("--input");
    assertThat(cli("nonsense").code()).isEqualTo(2);
    assertThat(cli().code()).isEqualTo(2);
    assertThat(cli("preprocess", "--help").code()).isZero();
    Run version = cli("stats", "--version");
    assertThat(version.code()).isZero();
    assertThat(version.out()).startsWith("augmill ");
  }

  @Test
  void preprocessWritesAShardSetAndReplacesItOnARerun() throws Exception {
    Path out = tmp.resolve("shards");
    Run first = cli("preprocess", "--input", SOURCE, "--output", out.toString(), "--policy", "cifar-standard",
        "--variants", "2", "--shards", "3", "--codec", "jpeg", "--jpeg-quality", "90", "--no-progress");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).startsWith("preprocess: wrote 60 records to 3 shards");
    assertThat(first.err()).contains("read = 30").contains("written = 60");
    Manifest m = Manifest.read(out.resolve("manifest.json"));
    assertThat(m.codec()).isEqualTo("jpeg");
    assertThat(m.classes()).hasSize(10);
    assertThat(m.policy().path("name").asText()).isEqualTo("cifar-standard");

    Run second = cli("preprocess", "--input", SOURCE, "--output", out.toString(), "--policy", "none",
        "--shards", "2", "--no-progress");
    assertThat(second.code()).as(second.err()).isZero();
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tfrecord")))
          .containsExactlyInAnyOrder("train-00000-of-00002.tfrecord", "train-00001-of-00002.tfrecord");
    }

    assertThat(out.resolve(WriteShards.SCRATCH_DIRECTORY)).doesNotExist();

    // Run files a failed job left behind neither block the output directory nor stay.
    Path interrupted = tmp.resolve("interrupted");
    Files.createDirectories(interrupted.resolve(WriteShards.SCRATCH_DIRECTORY));
    Files.write(interrupted.resolve(WriteShards.SCRATCH_DIRECTORY).resolve("left.run"), new byte[10]);
    Run rerun = cli("preprocess", "--input", SOURCE, "--output", interrupted.toString(), "--policy", "none",
        "--no-progress");
    assertThat(rerun.code()).as(rerun.err()).isZero();
    assertThat(interrupted.resolve(WriteShards.SCRATCH_DIRECTORY)).doesNotExist();

    Path foreign = tmp.resolve("foreign");
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("notes.txt"), "keep me");
    Run refused = cli("preprocess", "--input", SOURCE, "--output", foreign.toString(), "--policy", "none");
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).contains("--output").contains("not empty");
  }

  @Test
  void statsWritesTheSameStatisticsThePreprocessManifestRecords() throws Exception {
    Path shards = tmp.resolve("shards");
    assertThat(cli("preprocess", "--input", SOURCE, "--output", shards.toString(), "--policy", "none",
        "--no-progress").code()).isZero();
    Path statsFile = tmp.resolve("stats.json");
    Run r = cli("stats", "--input", SOURCE, "--output", statsFile.toString(), "--runner", "direct");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("stats: 30 images");
    JsonNode stats = TransformJson.JSON.readTree(statsFile.toFile());
    JsonNode inManifest = Manifest.read(shards.resolve("manifest.json")).stats();
    for (String field : new String[] {"images", "pixels", "channels", "mean", "std", "covariance", "eigval", "eigvec"}) {
      assertThat(stats.get(field)).as(field).isEqualTo(inManifest.get(field));
    }
    assertThat(stats.path("source").asText()).isEqualTo(SOURCE);
  }

  @Test
  void aJobThatFailsWhileRunningExitsOneWithTheReason() throws Exception {
    Path shards = tmp.resolve("shards");
    assertThat(cli("preprocess", "--input", SOURCE, "--output", shards.toString(), "--policy", "none",
        "--shards", "1", "--no-progress").code()).isZero();
    Path shard = shards.resolve("train-00000-of-00001.tfrecord");
    try (RandomAccessFile f = new RandomAccessFile(shard.toFile(), "rw")) {
      f.seek(f.length() / 2);
      f.write(new byte[64]);
    }
    Run r = cli("preprocess", "--input", "tfrecord:" + shards, "--output", tmp.resolve("again").toString(),
        "--policy", "none", "--no-progress");
    assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
    assertThat(r.err()).contains("augmill preprocess: failed:");
    assertThat(tmp.resolve("again").resolve(WriteShards.SCRATCH_DIRECTORY)).doesNotExist();
  }

  static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
