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

  /**
   * Pixels summed in {@code int}s before they are added to the {@code long} totals: 32 768 products of
   * at most 255 * 255 stay below {@link Integer#MAX_VALUE}, and int arithmetic over short runs is
   * several times faster than long arithmetic over the whole image.
   */
  private static final int CHUNK_PIXELS = 32_768;

  /** Adds every pixel of one image; grey pixels count as R = G = B. */
  public void add(Pixels image) {
    byte[] d = image.data();
    images++;
    pixels += image.pixelCount();
    if (image.channels() == 3) {
      anyColour = true;
      for (int start = 0; start < d.length; start += 3 * CHUNK_PIXELS) {
        addRgb(d, start, Math.min(d.length, start + 3 * CHUNK_PIXELS));
      }
    } else {
      for (int start = 0; start < d.length; start += CHUNK_PIXELS) {
        addGrey(d, start, Math.min(d.length, start + CHUNK_PIXELS));
      }
    }
  }

  private void addRgb(byte[] d, int from, int to) {
    int s0 = 0;
    int s1 = 0;
    int s2 = 0;
    int p00 = 0;
    int p01 = 0;
    int p02 = 0;
    int p11 = 0;
    int p12 = 0;
    int p22 = 0;
    for (int i = from; i < to; i += 3) {
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
    sums[0] += s0;
    sums[1] += s1;
    sums[2] += s2;
    addProducts(p00, p01, p02, p11, p12, p22);
  }

  private void addGrey(byte[] d, int from, int to) {
    int s = 0;
    int p = 0;
    for (int i = from; i < to; i++) {
      int x = d[i] & 0xff;
      s += x;
      p += x * x;
    }
    sums[0] += s;
    sums[1] += s;
    sums[2] += s;
    addProducts(p, p, p, p, p, p);
  }

  /** Adds chunk sums, each a non-negative int (see {@link #CHUNK_PIXELS}). */
  private void addProducts(int p00, int p01, int p02, int p11, int p12, int p22) {
    products[0] += p00;
    products[1] += p01;
    products[2] += p02;
    products[3] += p11;
    products[4] += p12;
    products[5] += p22;
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
