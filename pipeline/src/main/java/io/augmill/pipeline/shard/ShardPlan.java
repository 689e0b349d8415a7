package io.augmill.pipeline.shard;

import io.augmill.datasets.shard.ShardName;
import java.io.Serializable;
import java.nio.file.Path;

/**
 * Where and how a job writes its shard set: the output directory, the split in the file names, the shard
 * count, and how many bytes of records one sorted run holds (see {@link WriteShards}).
 *
 * @param directory the output directory (reachable by every worker)
 * @param split the split name in the file names
 * @param shards the shard count, at least 1
 * @param runBytes serialized bytes of records per run, at least 1
 */
public record ShardPlan(String directory, String split, int shards, long runBytes) implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Serialized bytes of records in one run. They wait in a spill file, not in memory (only their keys and places
   * do), so runs can be large and few.
   */
  public static final long RUN_BYTES = 512L << 20;

  /** Checks the split name, the shard count and the run size. */
  public ShardPlan {
    new ShardName(split, 0, shards);
    if (runBytes < 1) {
      throw new IllegalArgumentException("run bytes must be at least 1, got " + runBytes);
    }
  }

  /** A plan with {@link #RUN_BYTES} per run. */
  public static ShardPlan of(String directory, String split, int shards) {
    return new ShardPlan(directory, split, shards, RUN_BYTES);
  }

  /** The same plan with another run size (small ones make many runs, for tests). */
  public ShardPlan withRunBytes(long bytes) {
    return new ShardPlan(directory, split, shards, bytes);
  }

  /** The folder that holds the job's run files while it runs. */
  public Path scratch() {
    return scratch(Path.of(directory));
  }

  /** The run-file folder of the output directory {@code directory}. */
  static Path scratch(Path directory) {
    return directory.resolve(WriteShards.SCRATCH_DIRECTORY);
  }

  /** A writer of sorted runs for one worker's bundle. */
  public RunWriter newRunWriter() {
    return new RunWriter(this);
  }
}
