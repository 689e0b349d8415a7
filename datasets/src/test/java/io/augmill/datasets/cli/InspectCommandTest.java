package io.augmill.datasets.cli;

import io.augmill.ops.testing.CommandRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.augmill.datasets.example.ExampleCodec;
import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.Manifest;
import io.augmill.datasets.shard.ShardIndex;
import io.augmill.datasets.shard.ShardInfo;
import io.augmill.datasets.shard.ShardName;
import io.augmill.datasets.shard.ShardWriter;
import io.augmill.datasets.testing.ShardSets;
import io.augmill.datasets.tfrecord.MaskedCrc32c;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.image.ImageCodec.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

class InspectCommandTest {

  @TempDir Path dir;

  @Test
  void summarisesAndVerifiesAGoodSet() throws IOException {
    ShardSets.write(dir, 2, 6);
    CommandRun run = CliRun.of("inspect", dir.toString(), "--verify");
    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out()).contains("shards: 2, records: 12").contains("train-00001-of-00002.tfrecord")
        .contains("formats: png 12").contains("sizes: 10x8x3 4, 8x8x3 4, 9x8x3 4")
        .contains("verify: OK (12 records");
    assertThat(run.out()).containsPattern("0 a\\s+4");
    assertThat(run.err()).contains("inspect: shard 2/2");
  }

  @Test
  void writesAContactSheet() throws IOException {
    ShardSets.write(dir, 1, 5);
    Path sheet = dir.resolve("out").resolve("grid.png");
    CommandRun run = CliRun.of("inspect", dir.toString(), "--sheet", sheet.toString(), "--sheet-count", "4");
    assertThat(run.exitCode()).as(run.err()).isZero();
    Mat grid = ImageCodec.read(sheet);
    assertThat(grid.cols()).isGreaterThan(4 * 96);
  }

  @Test
  void badUsageExitsTwoNamingTheOption() {
    CommandRun missing = CliRun.of("inspect", dir.resolve("nope").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("DIR").contains("nope").contains("not a directory");
    CommandRun sheet = CliRun.of("inspect", dir.toString(), "--sheet", "grid.jpg");
    assertThat(sheet.exitCode()).isEqualTo(2);
    assertThat(sheet.err()).contains("--sheet");
    assertThat(CliRun.of("inspect", dir.toString(), "--bogus").exitCode()).isEqualTo(2);
  }

  @Test
  void notAShardSetIsAFailedJob() {
    CommandRun run = CliRun.of("inspect", dir.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("no *.tfrecord shard files");
  }

  /** Rebuilds an Example payload without one feature by re-encoding around it. */
  private static byte[] withoutFeature(ImageExample e, String feature) throws Exception {
    byte[] full = ExampleCodec.encode(e);
    var parsed = ExampleCodec.parseFeatures(full);
    assertThat(parsed).containsKey(feature);
    // Encode the same record, then cut the map entry for `feature` out of the wire bytes.
    byte[] key = feature.getBytes(StandardCharsets.UTF_8);
    int at = indexOf(full, key);
    // entry: [tag 0x0a][len][0x0a][keylen][key]...; the entry starts 4 bytes before the key for short lengths.
    int entryStart = at - 4;
    int entryLen = full[entryStart + 1] & 0xff;
    byte[] out = new byte[full.length - entryLen - 2];
    System.arraycopy(full, 0, out, 0, entryStart);
    System.arraycopy(full, entryStart + 2 + entryLen, out, entryStart, full.length - entryStart - 2 - entryLen);
    // fix the outer Features length (second byte varint, 2 bytes when > 127)
    int featuresLen = decodeVarint(out, 1);
    int lenBytes = varintSize(featuresLen);
    int newLen = featuresLen - entryLen - 2;
    byte[] fixed = encodeVarint(newLen);
    assertThat(fixed.length).isEqualTo(lenBytes);
    System.arraycopy(fixed, 0, out, 1, lenBytes);
    return out;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    for (int i = 0; i + needle.length <= hay.length; i++) {
      if (Arrays.equals(Arrays.copyOfRange(hay, i, i + needle.length), needle)) {
        return i;
      }
    }
    throw new AssertionError("not found");
  }

  private static int decodeVarint(byte[] b, int at) {
    int v = 0;
    for (int shift = 0; ; shift += 7) {
      int x = b[at++] & 0xff;
      v |= (x & 0x7f) << shift;
      if ((x & 0x80) == 0) {
        return v;
      }
    }
  }

  private static int varintSize(int v) {
    return encodeVarint(v).length;
  }

  private static byte[] encodeVarint(int v) {
    java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
    while ((v & ~0x7f) != 0) {
      o.write((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    o.write(v);
    return o.toByteArray();
  }

  @Test
  void verifyReportsEveryProblemWithFileAndRecord() throws Exception {
    Manifest m = ShardSets.write(dir, 3, 5);
    // shard 0: a flipped payload byte in record 1
    Path s0 = dir.resolve("train-00000-of-00003.tfrecord");
    ShardIndex idx0 = ShardIndex.read(dir.resolve("train-00000-of-00003.tfrecord.idx"));
    byte[] b0 = Files.readAllBytes(s0);
    b0[(int) idx0.offset(1) + 40] ^= 0x01;
    Files.write(s0, b0);
    // shard 1: record 2's length field points past the end (with a valid length CRC); records 3, 4 still readable via .idx
    Path s1 = dir.resolve("train-00001-of-00003.tfrecord");
    ShardIndex idx1 = ShardIndex.read(dir.resolve("train-00001-of-00003.tfrecord.idx"));
    byte[] b1 = Files.readAllBytes(s1);
    int at = (int) idx1.offset(2);
    long hostile = 1L << 40;
    for (int i = 0; i < 8; i++) {
      b1[at + i] = (byte) (hostile >>> (8 * i));
    }
    int crc = MaskedCrc32c.of(b1, at, 8);
    for (int i = 0; i < 4; i++) {
      b1[at + 8 + i] = (byte) (crc >>> (8 * i));
    }
    Files.write(s1, b1);
    // shard 2: rewritten with a record missing image/key, a not-an-Example payload, an undecodable PNG, and truncated
    Path s2 = dir.resolve("train-00002-of-00003.tfrecord");
    ShardInfo info2;
    try (ShardWriter w = ShardWriter.create(dir, new ShardName("train", 2, 3))) {
      w.write(ShardSets.png(10));
      w.writeSerialized(withoutFeature(ShardSets.png(11), "image/key"));
      w.writeSerialized("plain text, not protobuf".getBytes(StandardCharsets.US_ASCII));
      w.write(new ImageExample("test/train/000013", 1, 0, Format.PNG, 8, 8, 3, new byte[] {1, 2, 3, 4}, "[]"));
      w.write(ShardSets.png(14));
      info2 = w.finish();
    }
    byte[] b2 = Files.readAllBytes(s2);
    Files.write(s2, Arrays.copyOf(b2, b2.length - 7));
    List<ShardInfo> shards = new ArrayList<>(m.shards());
    shards.set(2, info2);
    new Manifest(1, m.split(), m.records(), m.classes(), m.codec(), m.policy(), m.seed(), m.variants(), false,
        m.source(), m.toolVersion(), shards, m.inputs(), m.rejected(), m.stats()).write(dir.resolve(Manifest.FILE_NAME));

    CommandRun run = CliRun.of("inspect", dir.toString(), "--verify");
    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    String out = run.out();
    assertThat(out).contains("PROBLEM train-00000-of-00003.tfrecord: record 1 at byte offset " + idx0.offset(1)
        + ": data-crc-mismatch");
    assertThat(out).contains("PROBLEM train-00001-of-00003.tfrecord: record 2 at byte offset " + at + ": length-too-large");
    assertThat(out).contains("PROBLEM train-00002-of-00003.tfrecord: record 1 at byte offset").contains("missing-feature: missing feature image/key");
    assertThat(out).containsPattern("train-00002-of-00003.tfrecord: record 2 at byte offset \\d+: not-an-example");
    assertThat(out).containsPattern("train-00002-of-00003.tfrecord: record 3 at byte offset \\d+: undecodable");
    assertThat(out).containsPattern("train-00002-of-00003.tfrecord: record 4 at byte offset \\d+: truncated");
    assertThat(out).contains("PROBLEM train-00000-of-00003.tfrecord: sha256-mismatch");
    assertThat(out).contains("PROBLEM train-00001-of-00003.tfrecord: sha256-mismatch");
    assertThat(out).containsPattern("verify: \\d+ problems");
    // records 3 and 4 of shard 1 were still read after resuming from the index
    assertThat(out).containsPattern("train-00001-of-00003.tfrecord\\s+5 records");
  }

  @Test
  void jsonOutputCarriesCountsAndProblems() throws IOException {
    ShardSets.write(dir, 2, 3);
    Path s1 = dir.resolve("train-00001-of-00002.tfrecord");
    byte[] b = Files.readAllBytes(s1);
    b[30] ^= 1;
    Files.write(s1, b);
    CommandRun run = CliRun.of("inspect", dir.toString(), "--verify", "--json");
    assertThat(run.exitCode()).isEqualTo(1);
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertThat(tree.get("records").asLong()).isEqualTo(6);
    assertThat(tree.get("shards")).hasSize(2);
    assertThat(tree.get("classes").get(0).get("name").asText()).isEqualTo("a");
    // the record with the bad checksum is counted but not described
    assertThat(tree.get("formats").get("png").asLong()).isEqualTo(5);
    var problem = tree.get("problems").get(0);
    assertThat(problem.get("file").asText()).isEqualTo("train-00001-of-00002.tfrecord");
    assertThat(problem.get("record").asLong()).isZero();
    assertThat(problem.get("reason").asText()).isEqualTo("data-crc-mismatch");
  }

  @Test
  void setWithoutManifestIsStillVerifiable() throws IOException {
    ShardSets.write(dir, 1, 3);
    Files.delete(dir.resolve(Manifest.FILE_NAME));
    CommandRun run = CliRun.of("inspect", dir.toString(), "--verify");
    assertThat(run.exitCode()).as(run.out()).isZero();
    assertThat(run.out()).contains("note: no manifest.json");
  }

  @Test
  void missingShardAndBadCountsAreReported() throws IOException {
    ShardSets.write(dir, 3, 2);
    Files.delete(dir.resolve("train-00001-of-00003.tfrecord"));
    CommandRun run = CliRun.of("inspect", dir.toString(), "--verify");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("PROBLEM train-00001-of-00003.tfrecord: missing-shard")
        .contains("record-count: records is 6 but the listed shards hold 4");
  }
}
