package io.augmill.training.schedule;

/**
 * A warm-up over the first {@code warmupSteps} steps wrapped around another schedule, which takes
 * over unchanged from step {@code warmupSteps} on.
 *
 * <ul>
 *   <li>{@link Mode#LINEAR} (Goyal et al. 2017, gradual warm-up): {@code lr(t) = warmupLr + (target −
 *       warmupLr)·t/warmupSteps}, where {@code target = after.at(warmupSteps)}; one value per iteration.
 *   <li>{@link Mode#CONSTANT} (He et al. 2016, ResNet-110 on CIFAR): {@code lr(t) = warmupLr}, then a
 *       jump to the wrapped schedule.
 * </ul>
 */
public record WarmupSchedule(LrSchedule after, long warmupSteps, double warmupLr, Mode mode)
    implements LrSchedule {

  /** How the rate moves during warm-up. */
  public enum Mode {
    /** Linear ramp from the warm-up rate to the wrapped schedule's rate at the end of warm-up. */
    LINEAR,
    /** Hold the warm-up rate, then jump. */
    CONSTANT
  }

  /** Validates the step count (≥ 0) and the warm-up rate. */
  public WarmupSchedule {
    if (warmupSteps < 0) {
      throw new IllegalArgumentException("warm-up steps must be >= 0, got " + warmupSteps);
    }
    Schedules.requireRate("warmup-lr", warmupLr);
  }

  @Override
  public double at(long step) {
    if (step >= warmupSteps) {
      return after.at(step);
    }
    if (mode == Mode.CONSTANT) {
      return warmupLr;
    }
    double target = after.at(warmupSteps);
    return warmupLr + (target - warmupLr) * step / warmupSteps;
  }
}
