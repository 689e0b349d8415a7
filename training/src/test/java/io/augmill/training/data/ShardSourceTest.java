package io.augmill.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.training.TestShards;
import io.augmill.training.TinyData;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardSourceTest {

  @TempDir Path tmp;

  @Test
  void epochReadsOneVariantOfEveryImageAndDecodesPixels() throws Exception {
    InMemorySource images = TinyData.source(24, 6, 3, 3);
    Path dir = TestShards.write(tmp.resolve("s"), images, 3, 2, true, new double[] {0.4, 0.5, 0.6}, new double[] {0.2, 0.2, 0.3});
    try (ShardSource src = ShardSource.open(dir)) {
      assertThat(src.classes()).containsExactly("tl", "tr", "bl", "br");
      assertThat(src.normalization().orElseThrow().mean()).containsExactly(0.4, 0.5, 0.6);
      for (int epoch = 0; epoch < 4; epoch++) {
        assertThat(src.size(epoch)).isEqualTo(24);
        Set<String> keys = new HashSet<>();
        try (RecordStream s = src.open(epoch, new SplittableRandom(epoch))) {
          while (s.hasNext()) {
            DecodedImage im = s.next().decode();
            assertThat(im.pixels()[0]).as("variant marker").isEqualTo((byte) (10 * (epoch % 3) + 1));
            keys.add(im.key());
          }
        }
        assertThat(keys).hasSize(24);
      }
      try (RecordStream s = src.open(0, null)) {
        DecodedImage first = s.next().decode();
        DecodedImage original = images.open(0, null).next().decode();
        assertThat(first.key()).isEqualTo(original.key());
        byte[] expected = original.pixels().clone();
        expected[0] = 1;
        assertThat(first.pixels()).isEqualTo(expected);
      }
    }
  }

  @Test
  void setWithoutManifestIsCountedAndLabelsNameClasses() throws Exception {
    Path dir = TestShards.write(tmp.resolve("n"), TinyData.source(10, 4, 1, 1), 2, 1, false, null, null);
    try (ShardSource src = ShardSource.open(dir)) {
      assertThat(src.classes()).containsExactly("0", "1", "2", "3");
      assertThat(src.size(0)).isEqualTo(10);
      assertThat(src.normalization()).isEmpty();
      assertThat(src.variantOf(3)).isEqualTo(1);
    }
  }

  @Test
  void loaderOutputDoesNotDependOnThreadCount() throws Exception {
    Path dir = TestShards.write(tmp.resolve("d"), TinyData.source(40, 6, 3, 5), 1, 3, true, null, null);
    List<float[]> one = batches(dir, 1);
    List<float[]> three = batches(dir, 3);
    assertThat(one).hasSize(5);
    for (int i = 0; i < one.size(); i++) {
      assertThat(three.get(i)).containsExactly(one.get(i));
    }
  }

  private static List<float[]> batches(Path dir, int threads) throws Exception {
    List<float[]> out = new ArrayList<>();
    try (ShardSource src = ShardSource.open(dir);
        BatchLoader l = BatchLoader.builder().setSource(src).setBatchSize(8).setShape(new ImageShape(3, 6, 6))
            .setNormalization(new Normalization(new double[] {0.5, 0.5, 0.5}, new double[] {0.2, 0.2, 0.2}))
            .optShuffle(new SplittableRandom(9), 16).optThreads(threads).optAugment(1, true, 4).optDropLast(true).build()) {
      while (l.hasNext()) {
        out.add(l.next().images());
      }
    }
    return out;
  }

  @Test
  void corruptRecordIsReportedWithItsShard() throws Exception {
    Path dir = TestShards.write(tmp.resolve("c"), TinyData.source(8, 6, 3, 5), 1, 1, true, null, null);
    Path shard;
    try (var s = Files.list(dir)) {
      shard = s.filter(p -> p.toString().endsWith(".tfrecord")).findFirst().orElseThrow();
    }
    try (RandomAccessFile f = new RandomAccessFile(shard.toFile(), "rw")) {
      f.seek(f.length() / 2);
      int b = f.read();
      f.seek(f.length() / 2);
      f.write(b ^ 0xff);
    }
    try (ShardSource src = ShardSource.open(dir);
        BatchLoader l = BatchLoader.builder().setSource(src).setBatchSize(2).setShape(new ImageShape(3, 6, 6))
            .setNormalization(new Normalization(new double[] {0.5, 0.5, 0.5}, new double[] {0.2, 0.2, 0.2})).build()) {
      assertThatThrownBy(() -> {
        while (l.hasNext()) {
          l.next();
        }
      }).hasMessageContaining(shard.getFileName().toString());
    }
  }

  @Test
  void missingDirectoryIsNamed() {
    assertThatThrownBy(() -> ShardSource.open(tmp.resolve("nope"))).hasMessageContaining("nope");
  }
}
