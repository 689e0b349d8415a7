package io.augmill.pipeline.shard;

import static org.assertj.core.api.Assertions.assertThat;

import io.augmill.datasets.example.ExampleCodec;
import io.augmill.datasets.example.ImageExample;
import io.augmill.ops.image.ImageCodec;
import io.augmill.pipeline.image.ElementCoders;
import io.augmill.pipeline.testing.ShardFiles;
import io.augmill.pipeline.testing.TestPipelines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.apache.beam.sdk.transforms.Create;
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

  private void write(List<ImageExample> records, Path dir) throws Throwable {
    TestPipelines.run(getClass(), "write-" + dir.getFileName(), p -> {
      p.apply(Create.of(records).withCoder(ElementCoders.ImageExampleCoder.of()))
          .apply(WriteShards.to(dir.toString(), "train", 1));
      p.run().waitUntilFinish();
    });
  }
}
