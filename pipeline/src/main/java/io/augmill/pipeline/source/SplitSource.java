package io.augmill.pipeline.source;

import io.augmill.datasets.source.DataSource;
import io.augmill.datasets.source.RecordIterator;
import io.augmill.datasets.source.SourceRecord;
import io.augmill.datasets.source.SourceSplit;
import io.augmill.pipeline.image.ElementCoders;
import java.io.IOException;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.LongAdder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.io.BoundedSource;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * A dataset source's splits as a Beam {@link BoundedSource}: the root holds every split (cut on the driver,
 * so neither the runner's master nor the workers list the input to plan the job) and splits into one
 * sub-source per {@link SourceSplit}, each carrying the dataset source {@linkplain DataSource#restrictedTo
 * restricted to that split} (a folder source's sub-source lists only its own files, so a split stays a few
 * kilobytes however large the dataset). Runners hand such sub-sources to workers as they ask for work
 * (Flink's batch input-split assigner gives the next split to whichever task is free), which keeps the
 * workers evenly loaded; spreading a few splits by random key left one worker with up to twice the other's
 * share. Sizes are estimated in records, not bytes; the runner's desired bundle size is not used.
 */
final class SplitSource extends BoundedSource<SourceRecord> {

  private static final long serialVersionUID = 1L;

  private final DataSource source;
  private final List<SourceSplit> splits;

  SplitSource(DataSource source, List<SourceSplit> splits) {
    this.source = source;
    this.splits = List.copyOf(splits);
  }

  @Override
  public List<SplitSource> split(long desiredBundleSizeBytes, PipelineOptions options) {
    if (splits.size() <= 1) {
      return List.of(this);
    }
    return splits.stream().map(s -> new SplitSource(source.restrictedTo(s), List.of(s))).toList();
  }

  @Override
  public long getEstimatedSizeBytes(PipelineOptions options) {
    return splits.stream().mapToLong(SourceSplit::size).sum();
  }

  @Override
  public BoundedReader<SourceRecord> createReader(PipelineOptions options) {
    return new SplitReader(this, LiveReadCount.counter(options));
  }

  @Override
  public Coder<SourceRecord> getOutputCoder() {
    return ElementCoders.SourceRecordCoder.of();
  }

  /** Streams the records of the source's splits in order. */
  private static final class SplitReader extends BoundedReader<SourceRecord> {

    private final SplitSource owner;
    private final LongAdder read;
    private int nextSplit;
    private RecordIterator records;
    private SourceRecord current;

    SplitReader(SplitSource owner, LongAdder read) {
      this.owner = owner;
      this.read = read;
    }

    @Override
    public boolean start() throws IOException {
      return advance();
    }

    @Override
    public boolean advance() throws IOException {
      while (records == null || !records.hasNext()) {
        if (records != null) {
          records.close();
          records = null;
        }
        if (nextSplit >= owner.splits.size()) {
          current = null;
          return false;
        }
        records = owner.source.read(owner.splits.get(nextSplit++));
      }
      current = records.next();
      if (read != null) {
        read.increment();
      }
      return true;
    }

    @Override
    public SourceRecord getCurrent() {
      if (current == null) {
        throw new NoSuchElementException("no current record: call start() or advance() first");
      }
      return current;
    }

    @Override
    public void close() {
      if (records != null) {
        records.close();
        records = null;
      }
    }

    @Override
    public BoundedSource<SourceRecord> getCurrentSource() {
      return owner;
    }
  }
}
