package io.augmill.training.data;

import java.io.IOException;
import java.util.Arrays;

/**
 * Per-channel normalisation on the 0–1 pixel scale: {@code x = (p/255 − mean_c)/std_c}.
 *
 * @param mean per-channel mean (1 or 3 values)
 * @param std per-channel standard deviation (&gt; 0)
 */
public record Normalization(double[] mean, double[] std) {

  /** Validates lengths and positivity. */
  public Normalization {
    mean = mean.clone();
    std = std.clone();
    if (mean.length != std.length || (mean.length != 1 && mean.length != 3)) {
      throw new IllegalArgumentException("normalisation needs 1 or 3 means and as many stds, got "
          + Arrays.toString(mean) + " and " + Arrays.toString(std));
    }
    for (double s : std) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("normalisation std must be > 0, got " + Arrays.toString(std));
      }
    }
  }

  @Override
  public double[] mean() {
    return mean.clone();
  }

  @Override
  public double[] std() {
    return std.clone();
  }

  /** The number of channels. */
  public int channels() {
    return mean.length;
  }

  /**
   * Estimates statistics from the first {@code limit} records of a source in storage order.
   *
   * @throws IOException when the source cannot be read
   */
  public static Normalization estimate(ImageSource source, int limit) throws IOException {
    double[] sum = null;
    double[] sumSq = null;
    long count = 0;
    try (RecordStream it = source.open(0, null)) {
    for (int i = 0; i < limit && it.hasNext(); i++) {
      DecodedImage im = it.next().decode();
      if (sum == null) {
        sum = new double[im.channels()];
        sumSq = new double[im.channels()];
      }
      byte[] p = im.pixels();
      int c = im.channels();
      for (int j = 0; j < p.length; j++) {
        double v = (p[j] & 0xff) / 255.0;
        sum[j % c] += v;
        sumSq[j % c] += v * v;
      }
      count += (long) im.height() * im.width();
    }
    }
    if (sum == null) {
      throw new IOException(source.describe() + ": no records to compute normalisation from");
    }
    double[] mean = new double[sum.length];
    double[] std = new double[sum.length];
    for (int c = 0; c < sum.length; c++) {
      mean[c] = sum[c] / count;
      std[c] = Math.max(1e-3, Math.sqrt(Math.max(0, sumSq[c] / count - mean[c] * mean[c])));
    }
    return new Normalization(mean, std);
  }
}
