package io.augmill.pipeline.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.datasets.source.DataSource;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.SourceTestUtils;
import org.junit.jupiter.api.Test;

class LiveReadCountTest {

  @Test
  void readersCountTheRecordsTheyReadWhileTheirOptionsCountIsOpen() throws Exception {
    DataSource data = InputSource.open("synthetic:shapes?count=23&size=8&seed=3", "train");
    SplitSource root = new SplitSource(data, data.splits(4));
    PipelineOptions options = PipelineOptionsFactory.create();
    try (LiveReadCount count = LiveReadCount.open(options)) {
      assertThat(count.get()).isZero();
      for (SplitSource part : root.split(1, options)) {
        SourceTestUtils.readFromSource(part, options);
      }
      assertThat(count.get()).isEqualTo(23);
      // Other options (another job) count elsewhere.
      SourceTestUtils.readFromSource(root, PipelineOptionsFactory.create());
      assertThat(count.get()).isEqualTo(23);
    }
    assertThat(LiveReadCount.counter(options)).as("closed").isNull();
  }

  @Test
  void withoutAnOpenCountReadersCountNothingAndNothingIsKept() throws Exception {
    DataSource data = InputSource.open("synthetic:shapes?count=5&size=8&seed=3", "train");
    PipelineOptions options = PipelineOptionsFactory.create();
    assertThat(LiveReadCount.counter(options)).isNull();
    assertThat(SourceTestUtils.readFromSource(new SplitSource(data, data.splits(1)), options)).hasSize(5);
    assertThat(LiveReadCount.counter(options)).isNull();
    assertThat(LiveReadCount.counter(null)).isNull();
  }

  @Test
  void oneCountPerOptionsAtATime() {
    PipelineOptions options = PipelineOptionsFactory.create();
    try (LiveReadCount first = LiveReadCount.open(options)) {
      assertThatThrownBy(() -> LiveReadCount.open(options)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already open");
    }
    try (LiveReadCount again = LiveReadCount.open(options)) {
      assertThat(again.get()).isZero();
    }
  }
}
