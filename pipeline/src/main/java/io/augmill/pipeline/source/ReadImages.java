package io.augmill.pipeline.source;

import io.augmill.datasets.source.DataSource;
import io.augmill.datasets.source.SourceRecord;
import org.apache.beam.sdk.io.Read;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * The Read step: cuts a dataset source into splits (file and record ranges) on the driver and reads
 * them as a Beam bounded source, one split at a time per worker, each worker taking the next split when it
 * is free (see {@link SplitSource}). Records the source could not read arrive as failure values, which the
 * Decode stage turns into rejected records.
 */
public final class ReadImages extends PTransform<PBegin, PCollection<SourceRecord>> {

  private static final long serialVersionUID = 1L;

  /**
   * Splits cut per worker. Workers take the next split when they finish one, so the last splits decide how
   * long the others wait at the end: 16 per worker keeps that tail under a few percent of the job.
   */
  public static final int SPLITS_PER_WORKER = 16;

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

  /** Reads a source in {@link #SPLITS_PER_WORKER} splits per worker. */
  public static ReadImages forWorkers(DataSource source, int parallelism) {
    return from(source, Math.max(1, parallelism) * SPLITS_PER_WORKER);
  }

  @Override
  public PCollection<SourceRecord> expand(PBegin begin) {
    return begin.apply("ReadSplits", Read.from(new SplitSource(source, source.splits(desiredSplits))));
  }
}
