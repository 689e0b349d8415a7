package io.augmill.training.mix;

/**
 * Dense training targets from class indices: {@code (1 − ε)·onehot(y) + ε/K} (label smoothing,
 * Szegedy et al. 2016, in the form torch's {@code label_smoothing} uses), so every row sums to 1.
 */
public final class Targets {

  private Targets() {}

  /**
   * Row-major N×K targets.
   *
   * @param labels class indices in [0, classes)
   * @param classes K ≥ 1
   * @param epsilon smoothing ε in [0, 1)
   */
  public static float[] smoothedOneHot(int[] labels, int classes, double epsilon) {
    if (!(epsilon >= 0 && epsilon < 1)) {
      throw new IllegalArgumentException("--label-smoothing must be in [0, 1), got " + epsilon);
    }
    float[] out = new float[labels.length * classes];
    float off = (float) (epsilon / classes);
    float on = (float) (1 - epsilon + epsilon / classes);
    for (int i = 0; i < labels.length; i++) {
      int y = labels[i];
      if (y < 0 || y >= classes) {
        throw new IllegalArgumentException("label " + y + " outside [0, " + classes + ")");
      }
      for (int k = 0; k < classes; k++) {
        out[i * classes + k] = k == y ? on : off;
      }
    }
    return out;
  }
}
