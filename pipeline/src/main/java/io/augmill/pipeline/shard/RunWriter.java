package io.augmill.pipeline.shard;

import io.augmill.datasets.example.ExampleCodec;
import io.augmill.datasets.example.ImageExample;
import java.io.IOException;
import java.util.List;
import org.apache.beam.sdk.values.KV;

/**
 * Turns one worker's records into sorted run files (the first half of {@link WriteShards}'s merge sort): each
 * record is serialized as a {@code tf.train.Example}, routed to its shard ({@link ShardAssignment}) and spilled;
 * every {@link ShardPlan#runBytes} (or 16 384 records) the run is sorted and written. Not thread-safe: one per
 * bundle.
 */
public final class RunWriter implements AutoCloseable {

  private final ShardPlan plan;
  private RunFile.Builder run;

  RunWriter(ShardPlan plan) {
    this.plan = plan;
  }

  /**
   * Adds one record.
   *
   * @return the segments of a run this record completed, or nothing
   */
  public List<KV<Integer, RunSegment>> add(ImageExample e) throws IOException {
    if (run == null) {
      run = new RunFile.Builder(plan.scratch());
    }
    int variant = (int) e.variant();
    run.add(ShardAssignment.shardOf(e.key(), variant, plan.shards()), e.key(), variant, ExampleCodec.encode(e));
    return run.bytes() >= plan.runBytes() || run.records() >= RunFile.MAX_RUN_RECORDS ? finish() : List.of();
  }

  /**
   * Writes the records added since the last run as a run.
   *
   * @return its segments, one per shard it holds records of (nothing when no record was added)
   */
  public List<KV<Integer, RunSegment>> finish() throws IOException {
    if (run == null) {
      return List.of();
    }
    try (RunFile.Builder finishing = run) {
      run = null;
      return finishing.finish();
    }
  }

  /** Drops an unfinished run (its spill file); finished runs stay for the merge. */
  @Override
  public void close() throws IOException {
    if (run != null) {
      run.close();
      run = null;
    }
  }
}
