package io.augmill.pipeline.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.augmill.datasets.example.ExampleCodec;
import io.augmill.datasets.example.ImageExample;
import io.augmill.ops.image.ImageCodec;
import io.augmill.pipeline.testing.ShardFiles;
import io.augmill.pipeline.testing.TestPipelines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.KV;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteShardsTest {

  @TempDir
  Path tmp;

  /** One raw 2x1 grey record; {@code pixel} makes payloads of the same key differ. */
  static ImageExample record(String key, int variant, int pixel) {
    return new ImageExample(key, 0, variant, ImageCodec.Format.RAW, 1, 2, 1, new byte[] {(byte) pixel, 7}, "[]");
  }

  @Test
  void recordsAreOrderedByKeyThenVariantThenPayloadHashWhateverTheArrivalOrder() throws Throwable {
    List<ImageExample> records = new ArrayList<>();
    for (int pixel = 0; pixel < 6; pixel++) {
      records.add(record("dup", 0, pixel));
    }
    records.add(record("dup", 1, 9));
    records.add(record("a", 0, 3));
    records.add(record("z", 2, 4));
    records.add(record("z", 0, 5));
    List<ImageExample> reversed = new ArrayList<>(records);
    Collections.reverse(reversed);
    Path first = tmp.resolve("first");
    Path second = tmp.resolve("second");
    write(records, first);
    write(reversed, second);

    assertThat(ShardFiles.contents(second)).containsExactlyEntriesOf(ShardFiles.contents(first));
    List<ImageExample> written = ShardFiles.records(first.resolve("train-00000-of-00001.tfrecord"));
    List<ImageExample> expected = new ArrayList<>(records);
    expected.sort(Comparator.comparing(ImageExample::key).thenComparingLong(ImageExample::variant)
        .thenComparingLong(e -> ShardEntry.payloadHash(ExampleCodec.encode(e))));
    assertThat(written).extracting(e -> e.key() + "/" + e.variant() + "/" + e.encoded()[0])
        .containsExactlyElementsOf(expected.stream().map(e -> e.key() + "/" + e.variant() + "/" + e.encoded()[0]).toList());
  }

  @Test
  void manyRunsMergeIntoTheSameShardsAsOneAndTheScratchFolderGoes() throws Throwable {
    List<ImageExample> records = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      records.add(record(String.format("key%03d", (i * 37) % 101), i % 3, i));
    }
    Path oneRun = tmp.resolve("one-run");
    Path manyRuns = tmp.resolve("many-runs");
    write(records, ShardPlan.of(oneRun.toString(), "train", 3));
    // A run of one record: every record is its own run, and each shard merges about 70 of them.
    write(records, ShardPlan.of(manyRuns.toString(), "train", 3).withRunBytes(1));

    assertThat(ShardFiles.contents(manyRuns)).containsExactlyEntriesOf(ShardFiles.contents(oneRun));
    long written = 0;
    for (int s = 0; s < 3; s++) {
      written += ShardFiles.records(oneRun.resolve(String.format("train-%05d-of-00003.tfrecord", s))).size();
    }
    assertThat(written).isEqualTo(records.size());
  }

  @Test
  void aShardOfMoreRunsThanOneMergeReadsIsMergedInPassesInTheSameOrder() throws Throwable {
    List<ImageExample> records = new ArrayList<>();
    for (int i = 0; i < 3 * RunFile.MAX_FAN_IN; i++) {
      records.add(record(String.format("key%03d", (i * 37) % 101), i % 3, i));
    }
    for (int pixel = 0; pixel < 10; pixel++) {
      records.add(record("dup", 1, pixel));
    }
    Collections.shuffle(records, new java.util.Random(3));
    Path oneRun = tmp.resolve("one-run");
    Path passes = tmp.resolve("passes");
    write(records, ShardPlan.of(oneRun.toString(), "train", 1));
    // One-record runs: 394 segments for one shard, merged 128 at a time into intermediate runs first.
    write(records, ShardPlan.of(passes.toString(), "train", 1).withRunBytes(1));

    assertThat(ShardFiles.contents(passes)).containsExactlyEntriesOf(ShardFiles.contents(oneRun));
    List<ImageExample> written = ShardFiles.records(passes.resolve("train-00000-of-00001.tfrecord"));
    assertThat(written).hasSize(records.size());
    assertThat(written).extracting(ImageExample::key).isSorted();
    assertThat(written.stream().filter(e -> e.key().equals("dup")).map(e -> ShardEntry.payloadHash(ExampleCodec.encode(e))))
        .isSorted();
  }

  private void write(List<ImageExample> records, Path dir) throws Throwable {
    write(records, ShardPlan.of(dir.toString(), "train", 1));
  }

  /**
   * Writes the records as runs (in two writers, as two workers would), runs the step on their segments, checks
   * the runs were in the scratch folder and removes them.
   */
  private void write(List<ImageExample> records, ShardPlan plan) throws Throwable {
    List<KV<Integer, RunSegment>> segments = new ArrayList<>();
    try (RunWriter first = plan.newRunWriter(); RunWriter second = plan.newRunWriter()) {
      for (int i = 0; i < records.size(); i++) {
        segments.addAll((i % 2 == 0 ? first : second).add(records.get(i)));
      }
      segments.addAll(first.finish());
      segments.addAll(second.finish());
    }
    Path dir = Path.of(plan.directory());
    TestPipelines.run(getClass(), "write-" + dir.getFileName(), p -> {
      p.apply(Create.of(segments).withCoder(KvCoder.of(VarIntCoder.of(), RunSegment.CODER)))
          .apply(WriteShards.of(plan));
      p.run().waitUntilFinish();
    });
    try (Stream<Path> runs = Files.list(plan.scratch())) {
      assertThat(runs).isNotEmpty().allMatch(r -> r.getFileName().toString().endsWith(".run"));
    }
    WriteShards.deleteScratch(dir);
    assertThat(plan.scratch()).doesNotExist();
  }
}
