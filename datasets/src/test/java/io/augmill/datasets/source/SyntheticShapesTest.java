package io.augmill.datasets.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticShapesTest {

  @Test
  void sameSeedSameImagesAndSplitsAreDifferentDraws() throws IOException {
    List<SourceRecord> a = CifarSourceTest.all(Sources.open("synthetic:shapes?count=20&size=24&seed=3", "train"));
    List<SourceRecord> b = CifarSourceTest.all(Sources.open("synthetic:shapes?count=20&size=24&seed=3", "train"));
    List<SourceRecord> test = CifarSourceTest.all(Sources.open("synthetic:shapes?count=20&size=24&seed=3", "test"));
    List<SourceRecord> other = CifarSourceTest.all(Sources.open("synthetic:shapes?count=20&size=24&seed=4", "train"));
    assertThat(a).isEqualTo(b).hasSize(20);
    assertThat(a.get(0).width()).isEqualTo(24);
    assertThat(a.get(0).key()).isEqualTo("synthetic/train/000000");
    assertThat(test.get(0).key()).isEqualTo("synthetic/test/000000");
    for (int i = 0; i < 20; i++) {
      assertThat(a.get(i).data()).isNotEqualTo(test.get(i).data()).isNotEqualTo(other.get(i).data());
    }
  }

  @Test
  void classesAreBalancedAndDefaultsApply() throws IOException {
    DataSource s = Sources.open("synthetic:shapes", "train");
    assertThat(s.count()).isEqualTo(SyntheticShapes.DEFAULT_TRAIN_COUNT);
    assertThat(Sources.open("synthetic:shapes", "test").count()).isEqualTo(SyntheticShapes.DEFAULT_TEST_COUNT);
    List<SourceRecord> r = CifarSourceTest.all(Sources.open("synthetic:shapes?count=100", "train"));
    assertThat(r.stream().collect(Collectors.groupingBy(SourceRecord::label, Collectors.counting())).values())
        .hasSize(10).allMatch(n -> n == 10);
  }

  @Test
  void recordsDoNotDependOnHowTheSplitIsCut() throws IOException {
    DataSource s = Sources.open("synthetic:shapes?count=30&size=16", "train");
    List<SourceRecord> whole = CifarSourceTest.all(s);
    List<SourceRecord> parts = new java.util.ArrayList<>();
    for (SourceSplit split : s.splits(7)) {
      try (RecordIterator it = s.read(split)) {
        it.forEachRemaining(parts::add);
      }
    }
    assertThat(parts).isEqualTo(whole);
  }

  @Test
  void shapesCoverDistinctRegions() {
    // Each class's mask over a 64x64 grid of the unit square differs from every other class's.
    boolean[][] masks = new boolean[10][64 * 64];
    for (int c = 0; c < 10; c++) {
      for (int i = 0; i < 64 * 64; i++) {
        masks[c][i] = SyntheticShapes.inside(c, (i % 64) / 32.0 - 1, (i / 64) / 32.0 - 1);
      }
    }
    for (int c = 0; c < 10; c++) {
      long area = 0;
      for (boolean m : masks[c]) {
        area += m ? 1 : 0;
      }
      assertThat(area).as(SyntheticShapes.CLASSES.get(c)).isBetween(400L, 3300L);
      for (int d = 0; d < c; d++) {
        assertThat(Arrays.equals(masks[c], masks[d])).isFalse();
      }
    }
  }

  @Test
  void shapeStandsOutFromTheBackground() throws IOException {
    // The centre pixel usually lies inside the shape: across many images its colour must vary with
    // the shape colour rather than being background only, i.e. images are not blank textures.
    List<SourceRecord> r = CifarSourceTest.all(Sources.open("synthetic:shapes?count=50&size=32", "train"));
    long distinct = r.stream().map(x -> Arrays.hashCode(x.data())).distinct().count();
    assertThat(distinct).isEqualTo(50);
    for (SourceRecord x : r) {
      int min = 255;
      int max = 0;
      for (byte b : x.data()) {
        min = Math.min(min, b & 0xff);
        max = Math.max(max, b & 0xff);
      }
      assertThat(max - min).as(x.key()).isGreaterThan(60);
    }
  }
}
