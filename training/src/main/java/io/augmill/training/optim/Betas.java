package io.augmill.training.optim;

/** Validation shared by the Adam family. */
final class Betas {

  private Betas() {}

  static void check(double beta1, double beta2, double epsilon) {
    if (!(beta1 >= 0 && beta1 < 1)) {
      throw new IllegalArgumentException("--beta1 must be in [0, 1), got " + beta1);
    }
    if (!(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException("--beta2 must be in [0, 1), got " + beta2);
    }
    if (!(epsilon > 0)) {
      throw new IllegalArgumentException("--adam-epsilon must be > 0, got " + epsilon);
    }
  }
}
