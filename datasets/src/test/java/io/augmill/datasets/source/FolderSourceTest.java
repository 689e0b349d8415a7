package io.augmill.datasets.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.image.UnsupportedImageException;
import io.augmill.ops.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

class FolderSourceTest {

  @TempDir Path dir;

  @Test
  void classesAreSortedSubFoldersAndFilesDecode() throws IOException {
    ImageCodec.write(dir.resolve("dog").resolve("b.png"), TestImages.chart(8, 6));
    ImageCodec.write(dir.resolve("cat").resolve("a.jpg"), TestImages.chart(8, 6));
    ImageCodec.write(dir.resolve("dog").resolve("a.png"), TestImages.grey(5, 5));
    Files.writeString(dir.resolve("dog").resolve(".hidden"), "x");
    DataSource s = Sources.open("folder:" + dir, "train");
    assertThat(s.classes()).containsExactly("cat", "dog");
    List<SourceRecord> records = CifarSourceTest.all(s);
    assertThat(records).extracting(SourceRecord::key)
        .containsExactly("folder/cat/a.jpg", "folder/dog/a.png", "folder/dog/b.png");
    assertThat(records).extracting(SourceRecord::label).containsExactly(0, 1, 1);
    Mat grey = records.get(1).decode();
    assertThat(grey.channels()).isEqualTo(1);
    assertThat(grey.cols()).isEqualTo(5);
  }

  @Test
  void emptyClassFoldersKeepTheirLabelsAndLocationsAreAbsolutePaths() throws IOException {
    for (String c : List.of("a-empty", "c-empty", "e-empty")) {
      Files.createDirectories(dir.resolve(c));
    }
    ImageCodec.write(dir.resolve("b").resolve("1.png"), TestImages.grey(2, 2));
    ImageCodec.write(dir.resolve("b").resolve("2.png"), TestImages.grey(2, 2));
    ImageCodec.write(dir.resolve("d").resolve("été 3.png"), TestImages.grey(2, 2));
    DataSource s = Sources.open("folder:" + dir, "train");
    assertThat(s.classes()).containsExactly("a-empty", "b", "c-empty", "d", "e-empty");
    List<SourceRecord> records = CifarSourceTest.all(s);
    assertThat(records).extracting(SourceRecord::label).containsExactly(1, 1, 3);
    assertThat(records).extracting(SourceRecord::key)
        .containsExactly("folder/b/1.png", "folder/b/2.png", "folder/d/été 3.png");
    assertThat(records.get(2).location())
        .isEqualTo(dir.resolve("d").resolve("été 3.png").toAbsolutePath().toString());
    DataSource last = s.restrictedTo(s.splits(3).get(2));
    assertThat(CifarSourceTest.all(last)).extracting(SourceRecord::label).containsExactly(3);
  }

  @Test
  void theFileListTakesAboutItsNamesLengthWhenShipped() throws Exception {
    int files = 2_000;
    for (int c = 0; c < 4; c++) {
      Files.createDirectories(dir.resolve("class" + c));
    }
    for (int i = 0; i < files; i++) {
      Files.createFile(dir.resolve("class" + (i % 4)).resolve(String.format("n0144_%06d.JPEG", i)));
    }
    DataSource s = Sources.open("folder:" + dir, "train");
    assertThat(s.count()).isEqualTo(files);
    // 17 characters per name, 4 bytes for its end: a path string per file took over ten times that.
    assertThat(serializedSize(s) / (double) files).isLessThan(24);
  }

  @Test
  void splitSubFolderIsUsedWhenPresent() throws IOException {
    ImageCodec.write(dir.resolve("train").resolve("a").resolve("1.png"), TestImages.chart(4, 4));
    ImageCodec.write(dir.resolve("test").resolve("a").resolve("2.png"), TestImages.chart(4, 4));
    ImageCodec.write(dir.resolve("test").resolve("b").resolve("3.png"), TestImages.chart(4, 4));
    assertThat(Sources.open("folder:" + dir, "test").count()).isEqualTo(2);
    assertThat(Sources.open("folder:" + dir, "train").classes()).containsExactly("a");
  }

  @Test
  void nonImageFileIsRejectedAtDecodeNamingTheFile() throws IOException {
    Path text = dir.resolve("cat").resolve("notes.txt");
    Files.createDirectories(text.getParent());
    Files.writeString(text, "not an image");
    SourceRecord r = CifarSourceTest.all(Sources.open("folder:" + dir, "train")).get(0);
    assertThatThrownBy(r::decode).isInstanceOfSatisfying(UnsupportedImageException.class, e -> {
      assertThat(e.reason()).isEqualTo(UnsupportedImageException.UNDECODABLE);
      assertThat(e.getMessage()).contains(text.toString());
    });
  }

  @Test
  void sixteenBitImageIsRejectedAsUnsupportedDepth() throws IOException {
    Path deep = dir.resolve("cat").resolve("deep.png");
    Files.createDirectories(deep.getParent());
    Mat m = new Mat(4, 4, org.opencv.core.CvType.CV_16UC3, new org.opencv.core.Scalar(1000, 20000, 60000));
    org.opencv.imgcodecs.Imgcodecs.imwrite(deep.toString(), m);
    SourceRecord r = CifarSourceTest.all(Sources.open("folder:" + dir, "train")).get(0);
    assertThatThrownBy(r::decode).isInstanceOfSatisfying(UnsupportedImageException.class, e -> {
      assertThat(e.reason()).isEqualTo(UnsupportedImageException.UNSUPPORTED_DEPTH);
      assertThat(e.getMessage()).contains(deep.toString());
    });
  }

  @Test
  void unreadableFileIsAFailedRecordNamingTheFile() throws IOException {
    Path link = dir.resolve("cat").resolve("gone.png");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, dir.resolve("does-not-exist.png"));
    SourceRecord r = CifarSourceTest.all(Sources.open("folder:" + dir, "train")).get(0);
    assertThat(r.failed()).isTrue();
    assertThat(r.failureReason()).isEqualTo(FolderSource.UNREADABLE);
    assertThatThrownBy(r::decode).isInstanceOfSatisfying(UnsupportedImageException.class, e -> {
      assertThat(e.reason()).isEqualTo(FolderSource.UNREADABLE);
      assertThat(e.getMessage()).contains(link.toString());
    });
  }

  @Test
  void fileAboveTheSizeLimitIsAFailedRecordAndIsNotRead() throws IOException {
    Path big = dir.resolve("cat").resolve("huge.png");
    Files.createDirectories(big.getParent());
    try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(big.toFile(), "rw")) {
      sparse.setLength(FolderSource.MAX_FILE_BYTES + 1);
    }
    ImageCodec.write(dir.resolve("cat").resolve("small.png"), TestImages.chart(3, 2));
    List<SourceRecord> records = CifarSourceTest.all(Sources.open("folder:" + dir, "train"));
    assertThat(records.get(0).failed()).isTrue();
    assertThat(records.get(0).failureReason()).isEqualTo(FolderSource.TOO_LARGE);
    assertThat(records.get(0).failureMessage()).contains(big.toString()).contains("limit");
    assertThat(records.get(1).data()).isEqualTo(Files.readAllBytes(dir.resolve("cat").resolve("small.png")));
  }

  @Test
  void emptyFoldersAreErrorsNamingTheFolder() throws IOException {
    assertThatThrownBy(() -> Sources.open("folder:" + dir, "train")).hasMessageContaining(dir.toString())
        .hasMessageContaining("no class sub-folders");
    Files.createDirectories(dir.resolve("cat"));
    assertThatThrownBy(() -> Sources.open("folder:" + dir, "train")).hasMessageContaining("hold no files");
  }

  @Test
  void aSourceRestrictedToASplitReadsItAloneAndShipsSmall() throws Exception {
    for (int i = 0; i < 600; i++) {
      ImageCodec.write(dir.resolve("class" + (i % 3)).resolve(String.format("img%03d.png", i)), TestImages.grey(2, 2));
    }
    DataSource whole = Sources.open("folder:" + dir, "train");
    List<SourceSplit> splits = whole.splits(6);
    assertThat(splits).hasSize(6);
    SourceSplit third = splits.get(2);
    DataSource part = whole.restrictedTo(third);
    List<SourceRecord> expected = new ArrayList<>();
    try (RecordIterator it = whole.read(third)) {
      it.forEachRemaining(expected::add);
    }
    List<SourceRecord> got = new ArrayList<>();
    try (RecordIterator it = part.read(third)) {
      it.forEachRemaining(got::add);
    }
    assertThat(got).extracting(SourceRecord::key).isEqualTo(expected.stream().map(SourceRecord::key).toList());
    assertThat(got).extracting(SourceRecord::label).isEqualTo(expected.stream().map(SourceRecord::label).toList());
    assertThat(got.get(0).data()).isEqualTo(expected.get(0).data());
    assertThat(part.count()).isEqualTo(third.size());
    assertThat(part.classes()).isEqualTo(whole.classes());
    // Splits of the copy lie inside the split and read the same records; a split elsewhere is refused.
    List<SourceSplit> inner = part.splits(4);
    assertThat(inner.get(0).first()).isEqualTo(third.first());
    assertThat(inner.get(inner.size() - 1).end()).isEqualTo(third.end());
    try (RecordIterator it = part.read(inner.get(1)); RecordIterator ref = whole.read(inner.get(1))) {
      assertThat(it.next().key()).isEqualTo(ref.next().key());
    }
    assertThatThrownBy(() -> part.read(splits.get(3))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not belong to folder:" + dir).hasMessageContaining("restricted to files [200, 300)");
    assertThatThrownBy(() -> whole.restrictedTo(new SourceSplit("", 550, 601, 550)))
        .isInstanceOf(IllegalArgumentException.class);
    // What travels to a worker grows with the split, not with the dataset.
    assertThat(serializedSize(part)).isLessThan(serializedSize(whole) / 3);
  }

  private static int serializedSize(Object o) throws IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.size();
  }
}
