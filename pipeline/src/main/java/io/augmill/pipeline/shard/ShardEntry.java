package io.augmill.pipeline.shard;

import io.augmill.ops.policy.Seeds;
import java.io.Serializable;

/**
 * One serialized {@code tf.train.Example} on its way to a shard, with what it is ordered by.
 *
 * @param key the stable source key
 * @param variant the variant index
 * @param payload the serialized Example
 */
public record ShardEntry(String key, int variant, byte[] payload) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** A stable 64-bit hash of the payload, the last tie-breaker when a source repeats a key. */
  public long payloadHash() {
    long h = 0xcbf29ce484222325L;
    for (byte b : payload) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return Seeds.mix64(h);
  }
}
