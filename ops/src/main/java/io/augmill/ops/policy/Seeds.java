package io.augmill.ops.policy;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Per-image random generators derived from {@code (global seed, image key, variant index)} alone, so a
 * draw never depends on thread, bundle, worker count or runner. The key is hashed with 64-bit FNV-1a
 * over its UTF-8 bytes and the three values are combined with the SplitMix64 finaliser (Steele et al.,
 * "Fast splittable pseudorandom number generators", 2014).
 */
public final class Seeds {

  private Seeds() {}

  /** The generator for one variant of one image. */
  public static SplittableRandom forImage(long seed, String key, int variant) {
    return new SplittableRandom(mix(seed, key, variant));
  }

  /** The 64-bit seed {@link #forImage} uses. */
  public static long mix(long seed, String key, int variant) {
    long h = mix64(seed ^ 0x9E3779B97F4A7C15L);
    h = mix64(h ^ fnv1a64(key));
    return mix64(h ^ (variant * 0xBF58476D1CE4E5B9L + 1));
  }

  /** 64-bit FNV-1a of the string's UTF-8 bytes: stable across JVMs and platforms. */
  public static long fnv1a64(String s) {
    long h = 0xcbf29ce484222325L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return h;
  }

  /** The SplitMix64 finaliser: a bijective mix of all 64 bits. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
