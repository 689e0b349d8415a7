package io.augmill.training.schedule;

/**
 * Cosine annealing per iteration (Loshchilov and Hutter, SGDR, without restarts): from {@code baseLr}
 * at {@code startStep} to {@code minLr} at {@code endStep}, held at {@code minLr} afterwards and at
 * {@code baseLr} before: {@code lr(t) = min + (base − min)·(1 + cos(π·(t − start)/(end − start)))/2}.
 */
public record CosineSchedule(double baseLr, double minLr, long startStep, long endStep) implements LrSchedule {

  /** Validates rates and the step range ({@code 0 ≤ startStep < endStep}). */
  public CosineSchedule {
    Schedules.requireRate("lr", baseLr);
    Schedules.requireRate("min-lr", minLr);
    if (startStep < 0 || endStep <= startStep) {
      throw new IllegalArgumentException(
          "cosine schedule needs 0 <= start step < end step, got " + startStep + " and " + endStep);
    }
  }

  @Override
  public double at(long step) {
    if (step <= startStep) {
      return baseLr;
    }
    if (step >= endStep) {
      return minLr;
    }
    double progress = (double) (step - startStep) / (endStep - startStep);
    return minLr + (baseLr - minLr) * (1 + Math.cos(Math.PI * progress)) / 2;
  }
}
