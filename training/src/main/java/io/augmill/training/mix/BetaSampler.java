package io.augmill.training.mix;

import java.util.random.RandomGenerator;

/**
 * Beta and Gamma variates from a passed-in generator: Gamma by Marsaglia and Tsang (2000), with the
 * {@code U^(1/a)} boost for shapes below 1; {@code Beta(a, b) = X/(X+Y)} for {@code X ~ Gamma(a)},
 * {@code Y ~ Gamma(b)}.
 */
public final class BetaSampler {

  private BetaSampler() {}

  /** A draw from Beta(a, b); {@code a, b > 0}. */
  public static double beta(RandomGenerator rng, double a, double b) {
    double x = gamma(rng, a);
    double y = gamma(rng, b);
    return x + y == 0 ? 0.5 : x / (x + y);
  }

  /** A draw from Gamma(shape, 1); {@code shape > 0}. */
  public static double gamma(RandomGenerator rng, double shape) {
    if (!(shape > 0)) {
      throw new IllegalArgumentException("gamma shape must be > 0, got " + shape);
    }
    if (shape < 1) {
      double u = rng.nextDouble();
      return gamma(rng, shape + 1) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = rng.nextGaussian();
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = rng.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }
}
