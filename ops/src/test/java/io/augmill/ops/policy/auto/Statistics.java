package io.augmill.ops.policy.auto;

/** Bounds for the sampler tests: Pearson's chi-square statistic and binomial deviations. */
final class Statistics {

  private Statistics() {}

  /** Pearson's statistic of observed counts against equal expected counts. */
  static double chiSquareUniform(long[] counts) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    double expected = (double) total / counts.length;
    double chi2 = 0;
    for (long c : counts) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    return chi2;
  }

  /** Whether {@code k} successes in {@code n} trials lie within {@code sigmas} standard deviations of {@code n p}. */
  static boolean withinBinomial(long k, long n, double p, double sigmas) {
    double sd = Math.sqrt(n * p * (1 - p));
    return Math.abs(k - n * p) <= sigmas * sd + 1e-9;
  }
}
