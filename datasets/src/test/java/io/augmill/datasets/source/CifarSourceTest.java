package io.augmill.datasets.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.datasets.testing.DatasetFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CifarSourceTest {

  @TempDir Path dir;

  static List<SourceRecord> all(DataSource s) throws IOException {
    List<SourceRecord> out = new ArrayList<>();
    try (RecordIterator it = s.readAll()) {
      it.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void readsTrainBatchesInOrderWithGlobalKeysAndHwcPixels() throws IOException {
    DatasetFiles.cifar10(dir, 3);
    DataSource s = Sources.open("cifar10:" + dir, "train");
    assertThat(s.count()).isEqualTo(15);
    assertThat(s.classes()).hasSize(10).startsWith("airplane");
    List<SourceRecord> records = all(s);
    assertThat(records).hasSize(15);
    SourceRecord r = records.get(7);
    assertThat(r.key()).isEqualTo("cifar10/train/000007");
    assertThat(r.label()).isEqualTo(7);
    assertThat(r.location()).isEqualTo("data_batch_3.bin@3073");
    assertThat(r.raw()).isTrue();
    assertThat(r.width()).isEqualTo(32);
    // pixel p=5: R, G, B from the three planes
    assertThat(r.data()[15] & 0xff).isEqualTo(DatasetFiles.pixel(7, 0, 5));
    assertThat(r.data()[16] & 0xff).isEqualTo(DatasetFiles.pixel(7, 1, 5));
    assertThat(r.data()[17] & 0xff).isEqualTo(DatasetFiles.pixel(7, 2, 5));
    assertThat(Sources.open("cifar10:" + dir, "test").count()).isEqualTo(3);
  }

  @Test
  void splitsByFileAndRangeCoverEveryRecordOnce() throws IOException {
    DatasetFiles.cifar10(dir, 5);
    DataSource s = Sources.open("cifar10:" + dir, "train");
    List<SourceSplit> splits = s.splits(12);
    assertThat(splits.size()).isGreaterThan(5);
    List<String> keys = new ArrayList<>();
    for (SourceSplit split : splits) {
      try (RecordIterator it = s.read(split)) {
        it.forEachRemaining(r -> keys.add(r.key()));
      }
    }
    assertThat(keys).isEqualTo(all(s).stream().map(SourceRecord::key).toList());
    assertThat(keys).doesNotHaveDuplicates().hasSize(25);
  }

  @Test
  void cifar100HasFineAndCoarseLabelsAndAcceptsTheArchiveFolder() throws IOException {
    Path nested = dir.resolve("cifar-100-binary");
    DatasetFiles.cifar(nested.resolve("train.bin"), 0, 4, true);
    DatasetFiles.cifar(nested.resolve("test.bin"), 0, 2, true);
    DataSource fine = Sources.open("cifar100:" + dir, "train");
    assertThat(fine.classes()).hasSize(100);
    SourceRecord r = all(fine).get(3);
    assertThat(r.key()).isEqualTo("cifar100/train/000003");
    assertThat(r.label()).isEqualTo(3);
    assertThat(r.coarseLabel()).isEqualTo(3);
    DataSource coarse = Sources.open("cifar100:" + dir + "?labels=coarse", "train");
    assertThat(coarse.classes()).hasSize(20).contains("aquatic_mammals");
    assertThat(all(coarse).get(3).label()).isEqualTo(3);
    assertThat(r.data()[0] & 0xff).isEqualTo(DatasetFiles.pixel(3, 0, 0));
  }

  @Test
  void shortFileNamesFileAndTruncatedRecordOffset() throws IOException {
    DatasetFiles.cifar10(dir, 2);
    Path batch = dir.resolve("data_batch_2.bin");
    byte[] bytes = Files.readAllBytes(batch);
    Files.write(batch, java.util.Arrays.copyOf(bytes, bytes.length - 100));
    assertThatThrownBy(() -> Sources.open("cifar10:" + dir, "train"))
        .isInstanceOfSatisfying(DatasetFormatException.class, e -> {
          assertThat(e.file()).isEqualTo(batch.toString());
          assertThat(e.offset()).isEqualTo(3073);
          assertThat(e.recordIndex()).isEqualTo(1);
          assertThat(e.getMessage()).contains("data_batch_2.bin").contains("byte offset 3073");
        });
  }

  @Test
  void missingBatchIsNamed() throws IOException {
    DatasetFiles.cifar10(dir, 1);
    Files.delete(dir.resolve("data_batch_4.bin"));
    assertThatThrownBy(() -> Sources.open("cifar10:" + dir, "train")).hasMessageContaining("data_batch_4.bin");
  }
}
