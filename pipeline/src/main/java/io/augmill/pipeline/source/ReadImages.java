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

  /**
   * Most records in one split. A split travels to its worker with its part of the source (a folder source's
   * file names: about 250 KB for 10 000 ImageNet file names), well under the 10 MB RPC frame of a Flink cluster.
   */
  public static final int MAX_RECORDS_PER_SPLIT = 10_000;

  /** Reads a source in {@link #desiredSplits} splits. */
  public static ReadImages forWorkers(DataSource source, int parallelism) {
    return from(source, desiredSplits(source.count(), parallelism));
  }

  /**
   * {@link #SPLITS_PER_WORKER} splits per worker, more when that would put over
   * {@link #MAX_RECORDS_PER_SPLIT} records in a split.
   */
  public static int desiredSplits(long records, int parallelism) {
    long bySize = (records + MAX_RECORDS_PER_SPLIT - 1) / MAX_RECORDS_PER_SPLIT;
    return (int) Math.min(Integer.MAX_VALUE, Math.max((long) Math.max(1, parallelism) * SPLITS_PER_WORKER, bySize));
  }

  @Override
  public PCollection<SourceRecord> expand(PBegin begin) {
    return begin.apply("ReadSplits", Read.from(new SplitSource(source, source.splits(desiredSplits))));
  }
}
