package io.augmill.tests.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.datasets.cli.DatasetsCli;
import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.Manifest;
import io.augmill.datasets.shard.ShardInfo;
import io.augmill.datasets.shard.ShardName;
import io.augmill.datasets.shard.ShardWriter;
import io.augmill.datasets.source.DataSource;
import io.augmill.datasets.source.RecordIterator;
import io.augmill.datasets.source.SourceRecord;
import io.augmill.datasets.source.Sources;
import io.augmill.ops.cli.CliSupport;
import io.augmill.ops.image.ImageCodec.Format;
import io.augmill.ops.testing.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;
import picocli.CommandLine;

/**
 * Runs {@code tests/interop/example_interop.py} with {@code /usr/bin/python3} in both directions. The
 * script builds the Example message classes from the subset in {@code example_subset.proto}, so this
 * proves the shards are readable by a protobuf implementation other than ours.
 */
class ExampleInteropTest {

  private static final Path PYTHON = Path.of("/usr/bin/python3");
  private static final Path SCRIPT = Path.of("interop", "example_interop.py").toAbsolutePath();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  @TempDir Path work;

  @BeforeAll
  static void requirePython() throws Exception {
    if (!Files.isExecutable(PYTHON)) {
      fail(PYTHON + " is missing: the interop tests need Debian's python3 with python3-protobuf, python3-pil and "
          + "python3-numpy (apt-get install python3-protobuf python3-pil python3-numpy)");
    }
    Result probe = run("-c", "import google.protobuf, PIL, numpy");
    if (probe.code() != 0) {
      fail(PYTHON + " lacks a module the interop script needs (apt-get install python3-protobuf python3-pil "
          + "python3-numpy): " + probe.output());
    }
    assertThat(SCRIPT).as("interop script").exists();
  }

  private record Result(int code, String output) {}

  private static Result run(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(PYTHON.toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("python timed out: " + command);
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static List<ImageExample> javaRecords() {
    Mat chart = TestImages.chart(12, 9);
    Mat grey = TestImages.grey(7, 5);
    List<ImageExample> out = new ArrayList<>();
    out.add(ImageExample.of("java/png/000000", 0, 0, chart, Format.PNG, 95, "[]"));
    out.add(ImageExample.of("java/jpeg/000001", 1, 1, chart, Format.JPEG, 90,
        "[{\"op\":\"rotate\",\"p\":1.0,\"args\":{\"degrees\":12.5}}]"));
    out.add(ImageExample.of("java/raw/000002", 2, 2, chart, Format.RAW, 95, "[{\"op\":\"hflip\"}]"));
    out.add(ImageExample.of("java/raw-grey/000003", 3, 0, grey, Format.RAW, 95, "[]"));
    out.add(ImageExample.of("java/png-grey/000004", 4, 0, grey, Format.PNG, 95, "[]"));
    out.add(ImageExample.of("java/ünïcödé/000005", 5, 7, chart, Format.PNG, 95, "[{\"op\":\"ünïcödé\"}]"));
    return out;
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  private static byte[] pixels(Mat m) {
    byte[] px = new byte[(int) (m.total() * m.channels())];
    m.get(0, 0, px);
    return px;
  }

  @Test
  void pythonReadsEveryFeatureAugmillWrites() throws Exception {
    List<ImageExample> records = javaRecords();
    List<ShardInfo> shards = new ArrayList<>();
    for (int s = 0; s < 2; s++) {
      try (ShardWriter w = ShardWriter.create(dir, new ShardName("train", s, 2))) {
        for (int i = s; i < records.size(); i += 2) {
          w.write(records.get(i));
        }
        shards.add(w.finish());
      }
    }
    new Manifest(1, "train", records.size(), List.of("a", "b", "c", "d", "e", "f"), "mixed", null, 0, 1, false,
        "java", Manifest.currentToolVersion(), shards, records.size(), null, null).write(dir.resolve(Manifest.FILE_NAME));
    ArrayNode expected = JSON.createArrayNode();
    for (ImageExample e : records) {
      ObjectNode o = expected.addObject();
      o.put("key", e.key()).put("label", e.label()).put("variant", e.variant()).put("format", e.format().specName())
          .put("height", e.height()).put("width", e.width()).put("channels", e.channels())
          .put("params", e.augmentParams()).put("encoded_sha256", sha256(e.encoded()));
      Mat m = e.decode();
      o.put("pixels", Base64.getEncoder().encodeToString(pixels(m)));
      m.release();
    }
    Path expectedFile = work.resolve("expected.json");
    JSON.writeValue(expectedFile.toFile(), JSON.createObjectNode().set("records", expected));

    Result ok = run(SCRIPT.toString(), "read", dir.toString(), expectedFile.toString());
    assertThat(ok.code()).as(ok.output()).isZero();
    assertThat(ok.output()).contains("read 2 shards, 6 records, 0 problems");

    // The checker is not blind: a flipped byte makes it fail naming the record.
    Path shard = dir.resolve(shards.get(1).file());
    byte[] bytes = Files.readAllBytes(shard);
    bytes[40] ^= 0x04;
    Files.write(shard, bytes);
    Result bad = run(SCRIPT.toString(), "read", dir.toString(), expectedFile.toString());
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.output()).contains("train-00001-of-00002.tfrecord: record 0 at byte offset 0: data CRC mismatch");
  }

  @Test
  void augmillReadsAndVerifiesWhatPythonWrites() throws Exception {
    Result written = run(SCRIPT.toString(), "write", dir.toString());
    assertThat(written.code()).as(written.output()).isZero();
    JsonNode expected = JSON.readTree(dir.resolve("expected.json").toFile()).get("records");
    Files.delete(dir.resolve("expected.json"));
    Map<String, JsonNode> byKey = new HashMap<>();
    expected.forEach(r -> byKey.put(r.get("key").asText(), r));

    DataSource source = Sources.open("tfrecord:" + dir, "train");
    assertThat(source.count()).isEqualTo(expected.size());
    int seen = 0;
    try (RecordIterator it = source.readAll()) {
      while (it.hasNext()) {
        SourceRecord r = it.next();
        JsonNode want = byKey.get(r.key());
        assertThat(want).as("record %s written by python", r.key()).isNotNull();
        assertThat(r.label()).isEqualTo(want.get("label").asInt());
        assertThat(sha256(r.data())).isEqualTo(want.get("encoded_sha256").asText());
        Mat m = r.decode();
        assertThat(m.rows()).isEqualTo(want.get("height").asInt());
        assertThat(m.cols()).isEqualTo(want.get("width").asInt());
        assertThat(m.channels()).isEqualTo(want.get("channels").asInt());
        assertThat(pixels(m)).as(r.key()).isEqualTo(Base64.getDecoder().decode(want.get("pixels").asText()));
        m.release();
        seen++;
      }
    }
    assertThat(seen).isEqualTo(expected.size());

    try (var reader = io.augmill.datasets.shard.ShardReader.open(dir.resolve("train-00000-of-00002.tfrecord"))) {
      ImageExample first = reader.next();
      JsonNode want = byKey.get(first.key());
      assertThat(first.variant()).isEqualTo(want.get("variant").asLong());
      assertThat(first.format().specName()).isEqualTo(want.get("format").asText());
      assertThat(first.augmentParams()).isEqualTo(want.get("params").asText());
    }

    int code = CliSupport.configure(new CommandLine(new DatasetsCli())).execute("inspect", dir.toString(), "--verify");
    assertThat(code).as("augmill inspect --verify on the python-written set").isZero();
  }
}
