package io.augmill.datasets.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.datasets.testing.DatasetFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxSourceTest {

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void readsPlainAndGzippedFilesWithRangeSplits(boolean gzip) throws IOException {
    DatasetFiles.idx(dir, "train", 9, 5, 4, gzip);
    DatasetFiles.idx(dir, "t10k", 2, 5, 4, gzip);
    DataSource s = Sources.open("idx:" + dir, "train");
    assertThat(s.count()).isEqualTo(9);
    assertThat(s.classes()).isEqualTo(IdxSource.DIGIT_CLASSES);
    List<SourceRecord> records = new ArrayList<>();
    for (SourceSplit split : s.splits(4)) {
      try (RecordIterator it = s.read(split)) {
        it.forEachRemaining(records::add);
      }
    }
    assertThat(records).hasSize(9);
    SourceRecord r = records.get(6);
    assertThat(r.key()).isEqualTo("idx/train/000006");
    assertThat(r.label()).isEqualTo(6);
    assertThat(r.width()).isEqualTo(4);
    assertThat(r.height()).isEqualTo(5);
    assertThat(r.channels()).isEqualTo(1);
    assertThat(r.data()[3] & 0xff).isEqualTo(DatasetFiles.pixel(6, 0, 3));
    assertThat(Sources.open("idx:" + dir, "test").count()).isEqualTo(2);
  }

  @Test
  void fashionClassNamesFromFolderNameOrQuery() throws IOException {
    Path fashion = dir.resolve("fashion-mnist");
    DatasetFiles.idx(fashion, "train", 1, 2, 2, false);
    assertThat(Sources.open("idx:" + fashion, "train").classes()).isEqualTo(IdxSource.FASHION_CLASSES);
    assertThat(Sources.open("idx:" + fashion + "?classes=digits", "train").classes()).isEqualTo(IdxSource.DIGIT_CLASSES);
  }

  @Test
  void wrongMagicIsNamed() throws IOException {
    DatasetFiles.idx(dir, "train", 2, 2, 2, false);
    Path labels = dir.resolve("train-labels-idx1-ubyte");
    byte[] b = Files.readAllBytes(labels);
    b[3] = 0x03;
    Files.write(labels, b);
    assertThatThrownBy(() -> Sources.open("idx:" + dir, "train")).isInstanceOfSatisfying(DatasetFormatException.class, e -> {
      assertThat(e.file()).isEqualTo(labels.toString());
      assertThat(e.offset()).isZero();
      assertThat(e.getMessage()).contains("wrong IDX magic 0x00000803").contains("expected 0x00000801");
    });
  }

  @Test
  void gzNameWithoutGzipContentIsNamed() throws IOException {
    DatasetFiles.idx(dir, "train", 2, 2, 2, true);
    Path images = dir.resolve("train-images-idx3-ubyte.gz");
    Files.writeString(images, "this is not gzip");
    assertThatThrownBy(() -> Sources.open("idx:" + dir, "train")).isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining(images.toString()).hasMessageContaining("not a gzip file");
  }

  @Test
  void countMismatchIsNamed() throws IOException {
    DatasetFiles.idx(dir, "train", 3, 2, 2, false);
    ByteBuffer labels = ByteBuffer.allocate(8 + 2).putInt(0x801).putInt(2);
    Files.write(dir.resolve("train-labels-idx1-ubyte"), labels.array());
    assertThatThrownBy(() -> Sources.open("idx:" + dir, "train")).isInstanceOf(DatasetFormatException.class)
        .hasMessageContaining("train-labels-idx1-ubyte").hasMessageContaining("2 labels").hasMessageContaining("3 images");
  }

  @Test
  void shortPlainFileIsFoundOnOpen() throws IOException {
    DatasetFiles.idx(dir, "train", 4, 2, 2, false);
    Path images = dir.resolve("train-images-idx3-ubyte");
    byte[] b = Files.readAllBytes(images);
    Files.write(images, java.util.Arrays.copyOf(b, b.length - 3));
    assertThatThrownBy(() -> Sources.open("idx:" + dir, "train")).isInstanceOfSatisfying(DatasetFormatException.class, e -> {
      assertThat(e.recordIndex()).isEqualTo(3);
      assertThat(e.offset()).isEqualTo(16 + 3 * 4);
    });
  }

  @Test
  void shortGzipFileIsFoundWhileReadingWithTheRecordIndex() throws IOException {
    ByteBuffer images = ByteBuffer.allocate(16 + 2 * 4).putInt(0x803).putInt(5).putInt(2).putInt(2);
    DatasetFiles.write(dir.resolve("train-images-idx3-ubyte.gz"), images.array(), true);
    ByteBuffer labels = ByteBuffer.allocate(8 + 5).putInt(0x801).putInt(5);
    DatasetFiles.write(dir.resolve("train-labels-idx1-ubyte.gz"), labels.array(), true);
    DataSource s = Sources.open("idx:" + dir, "train");
    try (RecordIterator it = s.readAll()) {
      it.next();
      it.next();
      assertThatThrownBy(it::next).isInstanceOfSatisfying(DatasetFormatException.class, e -> {
        assertThat(e.recordIndex()).isEqualTo(2);
        assertThat(e.file()).endsWith("train-images-idx3-ubyte.gz");
      });
    }
  }

  @Test
  void readsDebianFashionMnistWhereThePackagePutsIt() throws IOException {
    Path debian = Path.of("/usr/share/datasets/fashion-mnist");
    assertThat(debian).as("Fashion-MNIST from Debian: run apt-get install dataset-fashion-mnist").isDirectory();
    DataSource s = Sources.open("idx:" + debian, "test");
    assertThat(s.count()).isEqualTo(10_000);
    assertThat(s.classes()).isEqualTo(IdxSource.FASHION_CLASSES);
    try (RecordIterator it = s.readAll()) {
      SourceRecord r = it.next();
      assertThat(r.width()).isEqualTo(28);
      assertThat(r.label()).isEqualTo(9);
    }
  }
}
