package io.augmill.training.schedule;

import java.util.Arrays;

/**
 * Step decay: {@code lr(t) = base · rate^m(t)} where {@code m(t)} counts the milestones (in steps)
 * that are {@code ≤ t}; e.g. He et al.'s CIFAR recipe divides by 10 at two milestones.
 */
public record StepSchedule(double baseLr, long[] milestones, double decayRate) implements LrSchedule {

  /** Validates the rate, the decay factor (0, 1] and that milestones are strictly increasing and ≥ 0. */
  public StepSchedule {
    Schedules.requireRate("lr", baseLr);
    if (!(decayRate > 0 && decayRate <= 1)) {
      throw new IllegalArgumentException("--decay-rate must be in (0, 1], got " + decayRate);
    }
    milestones = milestones.clone();
    for (int i = 0; i < milestones.length; i++) {
      if (milestones[i] < 0 || (i > 0 && milestones[i] <= milestones[i - 1])) {
        throw new IllegalArgumentException(
            "--milestones must be strictly increasing and >= 0, got " + Arrays.toString(milestones));
      }
    }
  }

  @Override
  public long[] milestones() {
    return milestones.clone();
  }

  @Override
  public double at(long step) {
    int passed = 0;
    for (long m : milestones) {
      if (step >= m) {
        passed++;
      }
    }
    return baseLr * Math.pow(decayRate, passed);
  }
}
