package io.augmill.pipeline.shard;

import io.augmill.ops.policy.Seeds;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;

/**
 * One serialized {@code tf.train.Example} on its way to a shard, with what it is ordered by.
 *
 * @param key the stable source key
 * @param variant the variant index
 * @param payload the serialized Example
 */
public record ShardEntry(String key, int variant, byte[] payload) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Compact coder: key, variant, payload. */
  public static final Coder<ShardEntry> CODER = new AtomicCoder<>() {
    private static final long serialVersionUID = 1L;

    @Override
    public void encode(ShardEntry e, OutputStream out) throws IOException {
      StringUtf8Coder.of().encode(e.key(), out);
      VarIntCoder.of().encode(e.variant(), out);
      ByteArrayCoder.of().encode(e.payload(), out);
    }

    @Override
    public ShardEntry decode(InputStream in) throws IOException {
      return new ShardEntry(StringUtf8Coder.of().decode(in), VarIntCoder.of().decode(in), ByteArrayCoder.of().decode(in));
    }
  };

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
