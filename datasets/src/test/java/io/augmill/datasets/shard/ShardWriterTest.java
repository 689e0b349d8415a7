package io.augmill.datasets.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.testing.Examples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShardWriterTest {

  @TempDir Path dir;

  private ShardInfo writeShard(Path out, ShardName name, int n) throws IOException {
    try (ShardWriter w = ShardWriter.create(out, name)) {
      for (int i = 0; i < n; i++) {
        w.write(Examples.raw(i));
      }
      return w.finish();
    }
  }

  @Test
  void writesShardIndexAndChecksum() throws IOException {
    ShardName name = new ShardName("train", 3, 16);
    ShardInfo info = writeShard(dir, name, 5);
    Path shard = dir.resolve("train-00003-of-00016.tfrecord");
    assertThat(info.file()).isEqualTo(shard.getFileName().toString());
    assertThat(info.records()).isEqualTo(5);
    assertThat(info.sha256()).isEqualTo(ShardWriter.sha256(shard));
    ShardIndex idx = ShardIndex.read(dir.resolve("train-00003-of-00016.tfrecord.idx"));
    assertThat(idx.size()).isEqualTo(5);
    assertThat(idx.offset(0)).isZero();
    assertThat(idx.offset(1)).isEqualTo(idx.length(0));
    assertThat(idx.sameAs(ShardIndex.scan(shard))).isTrue();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(name.fileName(), name.indexFileName());
    }
    List<ImageExample> read = new ArrayList<>();
    try (ShardReader r = ShardReader.open(shard)) {
      ImageExample e;
      while ((e = r.next()) != null) {
        read.add(e);
      }
    }
    assertThat(read).containsExactly(Examples.raw(0), Examples.raw(1), Examples.raw(2), Examples.raw(3), Examples.raw(4));
  }

  @Test
  void sameRecordsInSameOrderGiveIdenticalBytes() throws IOException {
    writeShard(dir.resolve("a"), new ShardName("train", 0, 1), 20);
    writeShard(dir.resolve("b"), new ShardName("train", 0, 1), 20);
    String f = "train-00000-of-00001.tfrecord";
    assertThat(Files.readAllBytes(dir.resolve("a").resolve(f))).isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f)));
    assertThat(Files.readAllBytes(dir.resolve("a").resolve(f + ".idx")))
        .isEqualTo(Files.readAllBytes(dir.resolve("b").resolve(f + ".idx")));
  }

  @Test
  void streamWriterMatchesFileWriter() throws IOException {
    ShardInfo fileInfo = writeShard(dir, new ShardName("test", 0, 2), 4);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    ByteArrayOutputStream index = new ByteArrayOutputStream();
    ShardWriter w = new ShardWriter("test-00000-of-00002.tfrecord", data, index);
    for (int i = 0; i < 4; i++) {
      w.write(Examples.raw(i));
    }
    assertThat(w.finish()).isEqualTo(fileInfo);
    assertThat(data.toByteArray()).isEqualTo(Files.readAllBytes(dir.resolve("test-00000-of-00002.tfrecord")));
    assertThat(index.toString()).isEqualTo(Files.readString(dir.resolve("test-00000-of-00002.tfrecord.idx")));
  }

  @Test
  void abandonedWriterLeavesNothingBehind() throws IOException {
    try (ShardWriter w = ShardWriter.create(dir, new ShardName("train", 0, 1))) {
      w.write(Examples.raw(0));
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void recordRangeReadsStartAtTheIndexedOffset() throws IOException {
    writeShard(dir, new ShardName("train", 0, 1), 10);
    Path shard = dir.resolve("train-00000-of-00001.tfrecord");
    ShardIndex idx = ShardIndex.of(shard);
    List<String> keys = new ArrayList<>();
    try (ShardReader r = ShardReader.open(shard, idx, 4, 7, true)) {
      ImageExample e;
      while ((e = r.next()) != null) {
        keys.add(e.key());
      }
    }
    assertThat(keys).containsExactly(Examples.raw(4).key(), Examples.raw(5).key(), Examples.raw(6).key());
  }

  @Test
  void shardNamesFormatAndParse() {
    ShardName n = new ShardName("train", 7, 128);
    assertThat(n.fileName()).isEqualTo("train-00007-of-00128.tfrecord");
    assertThat(ShardName.parse(n.fileName())).contains(n);
    assertThat(ShardName.parse("train-7-of-8.tfrecord")).isEmpty();
    assertThat(ShardName.parse("train-00009-of-00008.tfrecord")).isEmpty();
    assertThatThrownBy(() -> new ShardName("tr ain", 0, 1)).hasMessageContaining("split");
  }

  @Test
  void badIndexLineNamesFileAndLine() throws IOException {
    Path idx = dir.resolve("x.tfrecord.idx");
    Files.writeString(idx, "0 30\nthirty 12\n");
    assertThatThrownBy(() -> ShardIndex.read(idx)).hasMessageContaining(idx.toString()).hasMessageContaining("line 2");
  }
}
