package io.augmill.pipeline.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunFileTest {

  @TempDir
  Path scratch;

  private static ShardEntry entry(String key, int variant, String payload) {
    return new ShardEntry(key, variant, payload.getBytes(StandardCharsets.UTF_8));
  }

  private static List<ShardEntry> read(RunSegment segment, int bufferBytes) throws IOException {
    RunFile.SegmentReader reader = new RunFile.SegmentReader(segment, bufferBytes);
    List<ShardEntry> out = new ArrayList<>();
    while (reader.advance()) {
      out.add(reader.current());
    }
    return out;
  }

  private static String describe(ShardEntry e) {
    return e.key() + "/" + e.variant() + "/" + new String(e.payload(), StandardCharsets.UTF_8);
  }

  @Test
  void aRunHoldsOneSortedSegmentPerShardAndLeavesNoSpillFile() throws IOException {
    List<KV<Integer, ShardEntry>> records = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      String key = "k" + random.nextInt(100);
      records.add(KV.of(ShardAssignment.shardOf(key, i % 3, 4), entry(key, i % 3, "p" + i + "-" + "x".repeat(i % 50))));
    }
    records.add(KV.of(2, entry("dup", 0, "second")));
    records.add(KV.of(2, entry("dup", 0, "first")));
    records.add(KV.of(2, entry("dup", 0, "third")));
    records.add(KV.of(2, entry("\u00e9t\u00e9", 1, "")));
    List<KV<Integer, RunSegment>> segments;
    try (RunFile.Builder run = new RunFile.Builder(scratch)) {
      for (KV<Integer, ShardEntry> r : records) {
        run.add(r.getKey(), r.getValue().key(), r.getValue().variant(), r.getValue().payload());
      }
      assertThat(run.records()).isEqualTo(records.size());
      segments = run.finish();
    }

    assertThat(segments).extracting(KV::getKey).containsExactly(0, 1, 2, 3);
    try (var files = Files.list(scratch)) {
      assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString().endsWith(".run");
    }
    for (KV<Integer, RunSegment> s : segments) {
      List<ShardEntry> expected = records.stream().filter(r -> r.getKey().equals(s.getKey())).map(KV::getValue)
          .sorted(ShardEntry.ORDER).toList();
      assertThat(s.getValue().records()).isEqualTo(expected.size());
      // A tiny buffer makes every field cross refills; the largest reads each segment in one.
      assertThat(read(s.getValue(), 16)).extracting(RunFileTest::describe)
          .containsExactlyElementsOf(expected.stream().map(RunFileTest::describe).toList());
      assertThat(read(s.getValue(), 1 << 20)).extracting(RunFileTest::describe)
          .containsExactlyElementsOf(expected.stream().map(RunFileTest::describe).toList());
    }
    List<ShardEntry> dups = read(segments.get(2).getValue(), 64).stream().filter(e -> e.key().equals("dup")).toList();
    assertThat(dups).extracting(ShardEntry::payloadHash).isSorted();
  }

  @Test
  void aRunWriterCutsARunEveryRunBytesOrMaxRunRecords() throws IOException {
    ShardPlan plan = ShardPlan.of(scratch.toString(), "train", 2);
    try (RunWriter writer = plan.newRunWriter()) {
      int cutAt = -1;
      for (int i = 0; i < RunFile.MAX_RUN_RECORDS + 5 && cutAt < 0; i++) {
        if (!writer.add(WriteShardsTest.record("k" + i, 0, i)).isEmpty()) {
          cutAt = i + 1;
        }
      }
      assertThat(cutAt).isEqualTo(RunFile.MAX_RUN_RECORDS);
      assertThat(writer.finish()).isEmpty();
    }
    try (RunWriter writer = plan.withRunBytes(100).newRunWriter()) {
      // Each raw 2x1 record serializes to well over 25 bytes: the fourth add crosses 100.
      List<KV<Integer, RunSegment>> cut = new ArrayList<>();
      int adds = 0;
      while (cut.isEmpty()) {
        cut = writer.add(WriteShardsTest.record("k" + adds, 0, adds));
        adds++;
      }
      assertThat(adds).isBetween(1, 4);
      assertThat(cut.stream().mapToLong(s -> s.getValue().records()).sum()).isEqualTo(adds);
    }
  }

  @Test
  void aTruncatedRunFileIsAnErrorNamingTheFile() throws IOException {
    RunSegment segment;
    try (RunFile.Builder run = new RunFile.Builder(scratch)) {
      run.add(0, "a", 0, "payload-a".getBytes(StandardCharsets.UTF_8));
      run.add(0, "b", 0, "payload-b".getBytes(StandardCharsets.UTF_8));
      segment = run.finish().get(0).getValue();
    }
    try (FileChannel file = FileChannel.open(Path.of(segment.file()), StandardOpenOption.WRITE)) {
      file.truncate(segment.length() - 3);
    }
    RunFile.SegmentReader reader = new RunFile.SegmentReader(segment, 8);
    assertThat(reader.advance()).isTrue();
    assertThatThrownBy(reader::advance).isInstanceOf(EOFException.class).hasMessageContaining(segment.file())
        .hasMessageContaining("ends inside a record");
  }

  @Test
  void closingAnUnfinishedRunRemovesItsSpillFile() throws IOException {
    try (RunFile.Builder run = new RunFile.Builder(scratch)) {
      run.add(0, "a", 0, new byte[100]);
      assertThat(run.bytes()).isEqualTo(100);
    }
    try (var files = Files.list(scratch)) {
      assertThat(files).isEmpty();
    }
  }
}
