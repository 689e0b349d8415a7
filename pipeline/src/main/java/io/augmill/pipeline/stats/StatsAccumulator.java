package io.augmill.pipeline.stats;

import io.augmill.pipeline.image.Pixels;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;

/**
 * Exact integer sums of pixel values and of their pairwise channel products. Integer sums make merging
 * associative and commutative, so the result does not depend on how a runner splits or orders the work.
 * Sums stay within a {@code long} for about 10^14 pixels.
 */
public final class StatsAccumulator implements Serializable {

  private static final long serialVersionUID = 1L;
  private long images;
  private long pixels;
  private boolean anyColour;
  private final long[] sums = new long[3];
  /** Upper triangle of the product sums: rr, rg, rb, gg, gb, bb. */
  private final long[] products = new long[6];

  /** Adds every pixel of one image; grey pixels count as R = G = B. */
  public void add(Pixels image) {
    byte[] d = image.data();
    long s0 = 0;
    long s1 = 0;
    long s2 = 0;
    long p00 = 0;
    long p01 = 0;
    long p02 = 0;
    long p11 = 0;
    long p12 = 0;
    long p22 = 0;
    if (image.channels() == 3) {
      anyColour = true;
      for (int i = 0; i < d.length; i += 3) {
        int r = d[i] & 0xff;
        int g = d[i + 1] & 0xff;
        int b = d[i + 2] & 0xff;
        s0 += r;
        s1 += g;
        s2 += b;
        p00 += r * r;
        p01 += r * g;
        p02 += r * b;
        p11 += g * g;
        p12 += g * b;
        p22 += b * b;
      }
    } else {
      for (byte v : d) {
        int x = v & 0xff;
        s0 += x;
        p00 += x * x;
      }
      s1 = s0;
      s2 = s0;
      p01 = p00;
      p02 = p00;
      p11 = p00;
      p12 = p00;
      p22 = p00;
    }
    images++;
    pixels += image.pixelCount();
    sums[0] += s0;
    sums[1] += s1;
    sums[2] += s2;
    long[] p = {p00, p01, p02, p11, p12, p22};
    for (int i = 0; i < 6; i++) {
      products[i] += p[i];
    }
  }

  /** Adds another accumulator's sums into this one. */
  public void merge(StatsAccumulator other) {
    images += other.images;
    pixels += other.pixels;
    anyColour |= other.anyColour;
    for (int i = 0; i < 3; i++) {
      sums[i] += other.sums[i];
    }
    for (int i = 0; i < 6; i++) {
      products[i] += other.products[i];
    }
  }

  /** Equal when every sum is equal. */
  @Override
  public boolean equals(Object o) {
    return o instanceof StatsAccumulator a && images == a.images && pixels == a.pixels && anyColour == a.anyColour
        && Arrays.equals(sums, a.sums) && Arrays.equals(products, a.products);
  }

  @Override
  public int hashCode() {
    return Objects.hash(images, pixels, anyColour, Arrays.hashCode(sums), Arrays.hashCode(products));
  }

  long images() {
    return images;
  }

  long pixels() {
    return pixels;
  }

  boolean anyColour() {
    return anyColour;
  }

  long sum(int channel) {
    return sums[channel];
  }

  long product(int i, int j) {
    int a = Math.min(i, j);
    int b = Math.max(i, j);
    return products[a == 0 ? b : a == 1 ? 2 + b : 5];
  }
}
