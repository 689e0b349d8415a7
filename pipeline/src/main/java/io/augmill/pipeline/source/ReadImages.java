package io.augmill.pipeline.source;

import io.augmill.datasets.source.DataSource;
import io.augmill.datasets.source.RecordIterator;
import io.augmill.datasets.source.SourceRecord;
import io.augmill.datasets.source.SourceSplit;
import io.augmill.pipeline.image.ElementCoders;
import java.io.IOException;
import org.apache.beam.sdk.coders.SerializableCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * The Read step: cuts a dataset source into splits (file and record ranges), spreads the splits over
 * the workers and streams each split's records. Records the source could not read arrive as failure
 * values, which the Decode step turns into rejected records.
 */
public final class ReadImages extends PTransform<PBegin, PCollection<SourceRecord>> {

  private static final long serialVersionUID = 1L;

  private final DataSource source;
  private final int desiredSplits;

  private ReadImages(DataSource source, int desiredSplits) {
    this.source = source;
    this.desiredSplits = desiredSplits;
  }

  /**
   * Reads a source.
   *
   * @param source the opened source (serializable; travels to the workers)
   * @param desiredSplits about how many parts to cut it into, at least 1
   */
  public static ReadImages from(DataSource source, int desiredSplits) {
    if (desiredSplits < 1) {
      throw new IllegalArgumentException("desired splits must be at least 1, got " + desiredSplits);
    }
    return new ReadImages(source, desiredSplits);
  }

  @Override
  public PCollection<SourceRecord> expand(PBegin begin) {
    return begin
        .apply("Splits", Create.of(source.splits(desiredSplits)).withCoder(SerializableCoder.of(SourceSplit.class)))
        .apply("SpreadSplits", Reshuffle.viaRandomKey())
        .apply("ReadSplit", ParDo.of(new ReadSplitFn(source)))
        .setCoder(ElementCoders.SourceRecordCoder.of());
  }

  /** Streams one split. */
  static final class ReadSplitFn extends DoFn<SourceSplit, SourceRecord> {

    private static final long serialVersionUID = 1L;
    private final DataSource source;

    ReadSplitFn(DataSource source) {
      this.source = source;
    }

    @ProcessElement
    public void process(@Element SourceSplit split, OutputReceiver<SourceRecord> out) throws IOException {
      try (RecordIterator records = source.read(split)) {
        while (records.hasNext()) {
          out.output(records.next());
        }
      }
    }
  }
}
