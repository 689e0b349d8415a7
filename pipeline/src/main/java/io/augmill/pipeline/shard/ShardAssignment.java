package io.augmill.pipeline.shard;

import io.augmill.ops.policy.Seeds;

/**
 * Where a record goes and in which order: the shard is a stable hash of {@code (key, variant)} modulo
 * the shard count, and records inside a shard are ordered by key, then variant. Neither depends on
 * the runner, the parallelism or the order elements arrive in, which is what makes shard files
 * identical byte for byte across runners.
 */
public final class ShardAssignment {

  private ShardAssignment() {}

  /**
   * The shard of one record.
   *
   * @param key the stable source key
   * @param variant the variant index
   * @param shards the shard count, at least 1
   * @return an index in {@code [0, shards)}
   */
  public static int shardOf(String key, int variant, int shards) {
    if (shards < 1) {
      throw new IllegalArgumentException("shards must be at least 1, got " + shards);
    }
    long h = Seeds.mix64(Seeds.fnv1a64(key) ^ Seeds.mix64(variant + 0x632BE59BD9B4E019L));
    return (int) Math.floorMod(h, (long) shards);
  }
}
