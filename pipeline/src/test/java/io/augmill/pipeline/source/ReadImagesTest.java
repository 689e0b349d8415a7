package io.augmill.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.datasets.source.DataSource;
import io.augmill.datasets.source.RecordIterator;
import io.augmill.datasets.source.SourceRecord;
import io.augmill.pipeline.testing.TestPipelines;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;

class ReadImagesTest {

  @Test
  void readsEveryRecordOfEverySplitExactlyOnce() throws Throwable {
    DataSource source = InputSource.open("synthetic:shapes?count=25&size=16&seed=2", "train");
    List<String> expected = new ArrayList<>();
    try (RecordIterator all = source.readAll()) {
      all.forEachRemaining(r -> expected.add(r.key() + "/" + r.label()));
    }
    assertThat(source.splits(8)).hasSizeGreaterThan(1);
    TestPipelines.run(getClass(), "read", p -> {
      PAssert.that(p.apply(ReadImages.from(source, 8))
              .apply(MapElements.into(TypeDescriptors.strings()).via((SourceRecord r) -> r.key() + "/" + r.label())))
          .containsInAnyOrder(expected);
      p.run().waitUntilFinish();
    });
  }

  @Test
  void splitsAreSixteenPerWorkerAndAtMostTenThousandRecords() {
    assertThat(ReadImages.desiredSplits(50_000, 2)).isEqualTo(32);
    assertThat(ReadImages.desiredSplits(100, 1)).isEqualTo(16);
    assertThat(ReadImages.desiredSplits(1_281_167, 2)).isEqualTo(129);
    assertThat(ReadImages.desiredSplits(1_281_167, 16)).isEqualTo(256);
    assertThat(ReadImages.desiredSplits(10, 0)).isEqualTo(16);
  }

  @Test
  void badSourcesNameTheOption() {
    assertThatThrownBy(() -> InputSource.open("synthetic:circles", "train")).hasMessageStartingWith("--input");
    assertThatThrownBy(() -> InputSource.open("synthetic:shapes", "validation")).hasMessageStartingWith("--split");
    assertThatThrownBy(() -> ReadImages.from(InputSource.open("synthetic:shapes?count=1", "train"), 0))
        .hasMessageContaining("at least 1");
  }
}
