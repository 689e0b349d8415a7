package io.augmill.datasets.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.datasets.shard.ShardName;
import io.augmill.datasets.shard.ShardWriter;
import io.augmill.datasets.testing.Examples;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.image.ImageSamples;
import io.augmill.ops.testing.TestImages;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {

  @TempDir Path dir;

  @Test
  void queryKeysAreStrict() {
    assertThatThrownBy(() -> Sources.open("synthetic:shapes?count=5&colour=red", "train"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown query key 'colour'")
        .hasMessageContaining("count, seed, size");
    assertThatThrownBy(() -> Sources.open("synthetic:shapes?count=5&count=6", "train")).hasMessageContaining("twice");
    assertThatThrownBy(() -> Sources.open("synthetic:shapes?count=zero", "train")).hasMessageContaining("count must be");
    assertThatThrownBy(() -> Sources.open("synthetic:shapes?size=4", "train")).hasMessageContaining("size must be");
    assertThatThrownBy(() -> Sources.open("synthetic:circles", "train")).hasMessageContaining("unknown generator");
    assertThatThrownBy(() -> Sources.open("cifar10:" + dir + "?labels=fine", "train")).hasMessageContaining("takes no options");
    assertThatThrownBy(() -> Sources.open("cifar100:" + dir + "?labels=medium", "train")).hasMessageContaining("fine or coarse");
    assertThatThrownBy(() -> Sources.open("synthetic:shapes", "validation")).hasMessageContaining("--split");
    assertThatThrownBy(() -> Sources.open("cifar10:", "train")).hasMessageContaining("missing directory");
  }

  @Test
  void plainPathIsOneImage() throws IOException {
    Path png = dir.resolve("x.png");
    ImageCodec.write(png, TestImages.chart(6, 4));
    DataSource s = Sources.open(png.toString(), "train");
    List<SourceRecord> r = CifarSourceTest.all(s);
    assertThat(r).hasSize(1);
    assertThat(r.get(0).key()).isEqualTo("x.png");
    assertThat(r.get(0).decode().cols()).isEqualTo(6);
    assertThatThrownBy(() -> Sources.open(dir.resolve("nope.png").toString(), "train")).hasMessageContaining("nope.png");
  }

  @Test
  void shardSetsReadBackAsASource() throws IOException {
    for (int s = 0; s < 2; s++) {
      try (ShardWriter w = ShardWriter.create(dir, new ShardName("train", s, 2))) {
        for (int i = 0; i < 5; i++) {
          w.write(Examples.raw(s * 5 + i));
        }
        w.finish();
      }
    }
    DataSource src = Sources.open("tfrecord:" + dir, "train");
    assertThat(src.count()).isEqualTo(10);
    List<String> keys = new java.util.ArrayList<>();
    for (SourceSplit split : src.splits(4)) {
      try (RecordIterator it = src.read(split)) {
        it.forEachRemaining(r -> keys.add(r.key()));
      }
    }
    assertThat(keys).containsExactly(java.util.stream.IntStream.range(0, 10).mapToObj(i -> Examples.raw(i).key())
        .toArray(String[]::new));
    SourceRecord first = CifarSourceTest.all(src).get(0);
    assertThat(first.data()).isEqualTo(Examples.raw(0).encoded());
    assertThat(first.location()).isEqualTo("train-00000-of-00002.tfrecord#0");
    assertThatThrownBy(() -> Sources.open("tfrecord:" + dir, "test")).hasMessageContaining("no test-");
  }

  @Test
  void corruptShardInATfrecordSourceNamesFileAndRecord() throws IOException {
    try (ShardWriter w = ShardWriter.create(dir, new ShardName("train", 0, 1))) {
      for (int i = 0; i < 3; i++) {
        w.write(Examples.raw(i));
      }
      w.finish();
    }
    Path shard = dir.resolve("train-00000-of-00001.tfrecord");
    byte[] b = java.nio.file.Files.readAllBytes(shard);
    b[b.length - 10] ^= 1;
    java.nio.file.Files.write(shard, b);
    DataSource src = Sources.open("tfrecord:" + dir, "train");
    try (RecordIterator it = src.readAll()) {
      it.next();
      it.next();
      assertThatThrownBy(it::next).isInstanceOfSatisfying(DatasetFormatException.class, e -> {
        assertThat(e.file()).isEqualTo(shard.toString());
        assertThat(e.recordIndex()).isEqualTo(2);
        assertThat(e.getMessage()).contains("data-crc-mismatch");
      });
    }
  }

  @Test
  void sourcesAndSplitsSurviveJavaSerialization() throws Exception {
    DataSource s = Sources.open("synthetic:shapes?count=12&size=16", "test");
    SourceSplit split = s.splits(3).get(1);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(s);
      out.writeObject(split);
    }
    try (ObjectInputStream in = new ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      DataSource copy = (DataSource) in.readObject();
      SourceSplit splitCopy = (SourceSplit) in.readObject();
      try (RecordIterator a = s.read(split); RecordIterator b = copy.read(splitCopy)) {
        assertThat(b.next()).isEqualTo(a.next());
      }
    }
  }

  @Test
  void previewSamplesComeFromDatasetSourcesThroughTheServiceLoader() throws IOException {
    ImageSamples provider = ServiceLoader.load(ImageSamples.class).stream().map(ServiceLoader.Provider::get)
        .filter(p -> p.accepts("synthetic:shapes")).findFirst().orElseThrow();
    List<ImageSamples.Sample> a = provider.take("synthetic:shapes?count=40&size=16", 5, 7);
    List<ImageSamples.Sample> b = provider.take("synthetic:shapes?count=40&size=16", 5, 7);
    assertThat(a).hasSize(5);
    assertThat(a).extracting(ImageSamples.Sample::key).isEqualTo(b.stream().map(ImageSamples.Sample::key).toList());
    assertThat(a.get(0).label()).isIn(SyntheticShapes.CLASSES);
    assertThat(a.get(0).image().cols()).isEqualTo(16);
    assertThat(provider.accepts("/some/image.png")).isFalse();
  }

  @Test
  void previewFallsBackToTheTestSplitOfATestOnlySet() throws IOException {
    try (ShardWriter w = ShardWriter.create(dir, new ShardName("test", 0, 1))) {
      w.write(io.augmill.datasets.example.ImageExample.of("t/0", 0, 0, TestImages.chart(8, 8), ImageCodec.Format.PNG, 95, "[]"));
      w.finish();
    }
    List<ImageSamples.Sample> s = new DatasetSamples().take("tfrecord:" + dir, 3, 1);
    assertThat(s).extracting(ImageSamples.Sample::key).containsExactly("t/0");
    assertThatThrownBy(() -> new DatasetSamples().take("tfrecord:" + dir.resolve("none"), 3, 1))
        .hasMessageContaining("not a directory");
  }
}
