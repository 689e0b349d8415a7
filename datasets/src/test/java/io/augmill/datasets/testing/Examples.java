package io.augmill.datasets.testing;

import io.augmill.datasets.example.ImageExample;
import io.augmill.ops.image.ImageCodec;

/** Small deterministic records for shard tests. */
public final class Examples {

  private Examples() {}

  /** A raw 4x3 RGB record whose pixels and fields depend on {@code i}. */
  public static ImageExample raw(int i) {
    byte[] px = new byte[4 * 3 * 3];
    for (int j = 0; j < px.length; j++) {
      px[j] = (byte) (i * 31 + j * 7);
    }
    return new ImageExample("test/train/" + String.format("%06d", i), i % 10, i % 2, ImageCodec.Format.RAW, 3, 4, 3,
        px, "[{\"op\":\"hflip\",\"i\":" + i + "}]");
  }
}
