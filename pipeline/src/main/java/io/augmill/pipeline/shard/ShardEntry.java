package io.augmill.pipeline.shard;

import io.augmill.ops.policy.Seeds;
import java.util.Comparator;

/**
 * One serialized {@code tf.train.Example} on its way to a shard, with what it is ordered by.
 *
 * @param key the stable source key
 * @param variant the variant index
 * @param payload the serialized Example
 */
public record ShardEntry(String key, int variant, byte[] payload) {

  /**
   * The order of records in a shard: key, then variant, then {@link #payloadHash} (computed only for
   * records that tie on both, i.e. a source that repeats a key).
   */
  public static final Comparator<ShardEntry> ORDER = Comparator.comparing(ShardEntry::key)
      .thenComparingInt(ShardEntry::variant).thenComparingLong(ShardEntry::payloadHash);

  /** A stable 64-bit hash of the payload, the last tie-breaker when a source repeats a key. */
  public long payloadHash() {
    return payloadHash(payload);
  }

  /** {@link #payloadHash()} of a serialized Example: FNV-1a of its bytes, then SplitMix64 mixing. */
  public static long payloadHash(byte[] payload) {
    long h = 0xcbf29ce484222325L;
    for (byte b : payload) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return Seeds.mix64(h);
  }
}
