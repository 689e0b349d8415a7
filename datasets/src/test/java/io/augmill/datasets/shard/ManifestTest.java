package io.augmill.datasets.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestTest {

  @TempDir Path dir;

  static Manifest sample() throws IOException {
    ObjectMapper json = new ObjectMapper();
    return new Manifest(1, "train", 7, List.of("cat", "dog"), "png",
        json.readTree("{\"name\":\"rand-m9-n2\"}"), 42, 2, false, "cifar10:/data", "augmill test",
        List.of(new ShardInfo("train-00000-of-00002.tfrecord", 4, "ab"), new ShardInfo("train-00001-of-00002.tfrecord", 3, "cd")),
        5, new Manifest.Rejected(1, 1, new TreeMap<>(Map.of("undecodable", 1L, "unsupported-depth", 1L))),
        json.readTree("{\"mean\":[0.5,0.5,0.5]}"));
  }

  @Test
  void writesSpecFieldNamesAndReadsBack() throws IOException {
    Manifest m = sample();
    Path f = dir.resolve(Manifest.FILE_NAME);
    m.write(f);
    JsonNode tree = new ObjectMapper().readTree(f.toFile());
    assertThat(tree.fieldNames()).toIterable().containsExactly("format_version", "split", "records", "classes",
        "codec", "policy", "seed", "variants", "keep_original", "source", "tool_version", "shards", "inputs",
        "rejected", "stats");
    assertThat(tree.get("format_version").asInt()).isEqualTo(1);
    assertThat(tree.get("shards").get(1).get("file").asText()).isEqualTo("train-00001-of-00002.tfrecord");
    assertThat(tree.get("shards").get(0).fieldNames()).toIterable().containsExactly("file", "records", "sha256");
    assertThat(tree.get("rejected").get("by_reason").get("undecodable").asLong()).isEqualTo(1);
    assertThat(Manifest.read(f)).isEqualTo(m);
    assertThat(m.countProblems()).isEmpty();
  }

  @Test
  void countIdentityIsChecked() throws IOException {
    Manifest m = sample();
    Manifest wrong = new Manifest(1, m.split(), 8, m.classes(), m.codec(), m.policy(), m.seed(), m.variants(),
        false, m.source(), m.toolVersion(), m.shards(), m.inputs(), m.rejected(), m.stats());
    assertThat(wrong.countProblems()).hasSize(2);
    Manifest withOriginal = new Manifest(1, m.split(), 10, m.classes(), m.codec(), m.policy(), m.seed(), 2,
        true, m.source(), m.toolVersion(), List.of(), 4, new Manifest.Rejected(0, 2, Map.of("x", 2L)), m.stats());
    assertThat(withOriginal.countProblems()).isEmpty();
  }

  @Test
  void unknownFieldsAreIgnoredButOtherVersionsRejected() throws IOException {
    Path f = dir.resolve(Manifest.FILE_NAME);
    Files.writeString(f, "{\"format_version\":1,\"split\":\"test\",\"records\":0,\"future_field\":true}");
    Manifest m = Manifest.read(f);
    assertThat(m.split()).isEqualTo("test");
    assertThat(m.rejected()).isEqualTo(Manifest.Rejected.none());
    Files.writeString(f, "{\"format_version\":2}");
    assertThatThrownBy(() -> Manifest.read(f)).hasMessageContaining("format_version 2").hasMessageContaining(f.toString());
    Files.writeString(f, "{not json");
    assertThatThrownBy(() -> Manifest.read(f)).hasMessageContaining(f.toString());
  }

  @Test
  void rejectedLogRoundTripsOneLinePerRecord() throws IOException {
    Path f = dir.resolve("rejected").resolve("train.jsonl");
    RejectedRecord a = new RejectedRecord("cifar10/train/000001", "data_batch_1.bin@3073", null, "unsupported-depth", "16-bit");
    RejectedRecord b = new RejectedRecord("cifar10/train/000002", "data_batch_1.bin@6146", 3, "variant-failed", "boom");
    try (RejectedLog log = RejectedLog.create(f)) {
      log.write(a);
      log.write(b);
    }
    assertThat(Files.readAllLines(f)).hasSize(2);
    assertThat(Files.readAllLines(f).get(0)).startsWith("{\"key\":\"cifar10/train/000001\",\"source\":").contains("\"variant\":null");
    assertThat(RejectedLog.read(f)).containsExactly(a, b);
  }
}
