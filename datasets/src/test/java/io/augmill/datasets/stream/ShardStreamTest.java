package io.augmill.datasets.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.ShardName;
import io.augmill.datasets.shard.ShardWriter;
import io.augmill.datasets.testing.Examples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardStreamTest {

  @TempDir Path dir;
  private final List<Path> shards = new ArrayList<>();
  private static final int SHARDS = 6;
  private static final int PER_SHARD = 50;

  @BeforeEach
  void writeShards() throws IOException {
    for (int s = 0; s < SHARDS; s++) {
      ShardName name = new ShardName("train", s, SHARDS);
      try (ShardWriter w = ShardWriter.create(dir, name)) {
        for (int i = 0; i < PER_SHARD; i++) {
          w.write(Examples.raw(s * PER_SHARD + i));
        }
        w.finish();
      }
      shards.add(dir.resolve(name.fileName()));
    }
  }

  private static List<String> keys(ShardStream stream) {
    List<String> out = new ArrayList<>();
    try (stream) {
      stream.forEachRemaining(e -> out.add(e.key()));
    }
    return out;
  }

  private static List<String> allKeys() {
    return IntStream.range(0, SHARDS * PER_SHARD).mapToObj(i -> Examples.raw(i).key()).toList();
  }

  @Test
  void unshuffledSingleReaderGivesFileOrder() {
    assertThat(keys(ShardStream.builder(shards).optShuffle(false).optReaderThreads(1).build())).isEqualTo(allKeys());
  }

  @Test
  void everyRecordArrivesOnceWithManyReaders() {
    List<String> got = keys(ShardStream.builder(shards).optReaderThreads(4).optShuffleBuffer(37).optPrefetch(8).build());
    assertThat(got).containsExactlyInAnyOrderElementsOf(allKeys());
  }

  @Test
  void oneReaderWithASeedIsDeterministicAndShuffled() {
    List<String> a = keys(ShardStream.builder(shards).optSeed(9).optReaderThreads(1).optShuffleBuffer(64).build());
    List<String> b = keys(ShardStream.builder(shards).optSeed(9).optReaderThreads(1).optShuffleBuffer(64).build());
    List<String> other = keys(ShardStream.builder(shards).optSeed(10).optReaderThreads(1).optShuffleBuffer(64).build());
    List<String> nextEpoch = keys(ShardStream.builder(shards).optSeed(9).optEpoch(1).optReaderThreads(1)
        .optShuffleBuffer(64).build());
    assertThat(a).isEqualTo(b).containsExactlyInAnyOrderElementsOf(allKeys()).isNotEqualTo(allKeys());
    assertThat(other).isNotEqualTo(a);
    assertThat(nextEpoch).isNotEqualTo(a);
  }

  @Test
  void readsAheadOnlyAsFarAsTheBuffersAllow() throws InterruptedException {
    try (ShardStream s = ShardStream.builder(shards).optReaderThreads(2).optShuffleBuffer(10).optPrefetch(5).build()) {
      s.next();
      Thread.sleep(200);
      assertThat(s.recordsRead()).isLessThanOrEqualTo(10 + 5 + 2 + 1);
    }
  }

  @Test
  void closeStopsTheReadersEarly() {
    ShardStream s = ShardStream.builder(shards).optReaderThreads(3).optShuffleBuffer(4).optPrefetch(2).build();
    for (int i = 0; i < 3; i++) {
      s.next();
    }
    s.close();
    assertThat(s.hasNext()).isFalse();
    assertThat(Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(ShardStream.THREAD_NAME) && t.isAlive())).isEmpty();
    assertThat(s.recordsRead()).isLessThan(SHARDS * PER_SHARD);
  }

  @Test
  void corruptShardFailsNamingTheFileAndRecord() throws IOException {
    Path bad = shards.get(2);
    byte[] bytes = Files.readAllBytes(bad);
    bytes[bytes.length - 30] ^= 0x10;
    Files.write(bad, bytes);
    ShardStream s = ShardStream.builder(shards).optShuffle(false).optReaderThreads(1).build();
    assertThatThrownBy(() -> s.forEachRemaining(e -> { }))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(bad.toString()).hasMessageContaining("record " + (PER_SHARD - 1))
        .hasMessageContaining("data-crc-mismatch");
    s.close();
  }

  @Test
  void recordsAreDecodedExamples() {
    try (ShardStream s = ShardStream.builder(shards.subList(0, 1)).optShuffle(false).build()) {
      ImageExample e = s.next();
      assertThat(e).isEqualTo(Examples.raw(0));
    }
  }
}
