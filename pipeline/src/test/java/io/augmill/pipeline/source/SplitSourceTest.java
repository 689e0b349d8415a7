package io.augmill.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.datasets.source.DataSource;
import io.augmill.datasets.source.RecordIterator;
import io.augmill.datasets.source.SourceRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.SourceTestUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitSourceTest {

  static List<String> keys(List<SourceRecord> records) {
    return records.stream().map(SourceRecord::key).toList();
  }

  @Test
  void splitsIntoOneSubSourcePerSplitThatTogetherReadEveryRecordOnceInOrder() throws Exception {
    DataSource data = InputSource.open("synthetic:shapes?count=37&size=8&seed=3", "train");
    List<String> expected = new ArrayList<>();
    try (RecordIterator all = data.readAll()) {
      all.forEachRemaining(r -> expected.add(r.key()));
    }
    PipelineOptions options = PipelineOptionsFactory.create();
    SplitSource root = new SplitSource(data, data.splits(5));
    List<SplitSource> parts = root.split(1, options);
    assertThat(parts).hasSize(data.splits(5).size()).hasSizeGreaterThan(1);
    assertThat(root.getEstimatedSizeBytes(options)).isEqualTo(37);
    List<String> fromParts = new ArrayList<>();
    for (SplitSource part : parts) {
      assertThat(part.split(1, options)).containsExactly(part);
      fromParts.addAll(keys(SourceTestUtils.readFromSource(part, options)));
    }
    assertThat(fromParts).containsExactlyElementsOf(expected);
    assertThat(keys(SourceTestUtils.readFromSource(root, options))).containsExactlyElementsOf(expected);
    SourceTestUtils.assertSourcesEqualReferenceSource(root, parts, options);
  }

  @Test
  void subSourcesOfAFolderCarryOnlyTheirOwnFiles(@TempDir Path dir) throws Exception {
    for (int i = 0; i < 400; i++) {
      Path file = dir.resolve("class" + (i % 4)).resolve(String.format("image-with-a-long-name-%05d.png", i));
      Files.createDirectories(file.getParent());
      Files.write(file, new byte[] {(byte) i});
    }
    DataSource data = InputSource.open("folder:" + dir, "train");
    PipelineOptions options = PipelineOptionsFactory.create();
    SplitSource root = new SplitSource(data, data.splits(20));
    List<SplitSource> parts = root.split(1, options);
    assertThat(parts).hasSize(20);
    int whole = javaSerializedSize(root);
    for (SplitSource part : parts) {
      assertThat(javaSerializedSize(part)).isLessThan(whole / 10);
    }
    SourceTestUtils.assertSourcesEqualReferenceSource(root, parts, options);
  }

  @Test
  void aReaderHasNoCurrentRecordBeforeItStartsOrAfterTheEnd() throws Exception {
    DataSource data = InputSource.open("synthetic:shapes?count=1&size=8", "train");
    try (BoundedSource.BoundedReader<SourceRecord> reader =
        new SplitSource(data, data.splits(1)).createReader(PipelineOptionsFactory.create())) {
      assertThatThrownBy(reader::getCurrent).isInstanceOf(NoSuchElementException.class);
      assertThat(reader.start()).isTrue();
      assertThat(reader.getCurrent().key()).isNotEmpty();
      assertThat(reader.advance()).isFalse();
      assertThatThrownBy(reader::getCurrent).isInstanceOf(NoSuchElementException.class);
    }
  }

  private static int javaSerializedSize(Object o) throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.size();
  }
}
