package io.augmill.training.schedule;

import java.util.Locale;

/**
 * Builds the schedule a training run asks for from epoch-based settings, and the base-rate scaling
 * rule. All epoch quantities become step counts here ({@code steps = epochs × stepsPerEpoch}).
 */
public final class Schedules {

  private Schedules() {}

  /** How the base learning rate follows the batch size. */
  public enum Scaling {
    /** Use {@code --lr} as given. */
    NONE,
    /** Goyal et al. 2017: {@code lr = base × batch / 256}. */
    LINEAR;

    /** Parses {@code none} or {@code linear}. */
    public static Scaling parse(String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "none" -> NONE;
        case "linear" -> LINEAR;
        default -> throw new IllegalArgumentException("--lr-scaling must be none or linear, got '" + s + "'");
      };
    }

    /** The effective base rate for a global batch size. */
    public double apply(double base, int batchSize) {
      return this == LINEAR ? base * batchSize / 256.0 : base;
    }
  }

  /**
   * The schedule for a run.
   *
   * @param kind {@code cosine}, {@code step} or {@code constant}
   * @param baseLr the (already scaled) peak rate
   * @param minLr the cosine floor
   * @param milestoneEpochs epochs at which step decay multiplies by {@code decayRate}
   * @param decayRate step decay factor in (0, 1]
   * @param warmupEpochs warm-up length in epochs (may be fractional, 0 = none)
   * @param warmupMode {@code linear} or {@code constant}
   * @param warmupLr the rate warm-up starts from (linear) or holds (constant)
   * @param epochs total epochs
   * @param stepsPerEpoch optimiser steps per epoch (≥ 1)
   */
  public static LrSchedule build(
      String kind,
      double baseLr,
      double minLr,
      double[] milestoneEpochs,
      double decayRate,
      double warmupEpochs,
      String warmupMode,
      double warmupLr,
      int epochs,
      long stepsPerEpoch) {
    if (stepsPerEpoch < 1) {
      throw new IllegalArgumentException("steps per epoch must be >= 1, got " + stepsPerEpoch);
    }
    long total = epochs * stepsPerEpoch;
    long warmupSteps = Math.round(warmupEpochs * stepsPerEpoch);
    if (warmupSteps < 0 || warmupSteps > total) {
      throw new IllegalArgumentException(
          "--warmup-epochs must be in [0, --epochs], got " + warmupEpochs);
    }
    LrSchedule main =
        switch (kind.toLowerCase(Locale.ROOT)) {
          case "constant" -> new ConstantSchedule(baseLr);
          case "cosine" -> new CosineSchedule(baseLr, minLr, warmupSteps, Math.max(total, warmupSteps + 1));
          case "step" -> {
            long[] steps = new long[milestoneEpochs.length];
            for (int i = 0; i < steps.length; i++) {
              steps[i] = Math.round(milestoneEpochs[i] * stepsPerEpoch);
            }
            yield new StepSchedule(baseLr, steps, decayRate);
          }
          default -> throw new IllegalArgumentException(
              "--schedule must be cosine, step or constant, got '" + kind + "'");
        };
    if (warmupSteps == 0) {
      return main;
    }
    WarmupSchedule.Mode mode =
        switch (warmupMode.toLowerCase(Locale.ROOT)) {
          case "linear" -> WarmupSchedule.Mode.LINEAR;
          case "constant" -> WarmupSchedule.Mode.CONSTANT;
          default -> throw new IllegalArgumentException(
              "--warmup must be linear or constant, got '" + warmupMode + "'");
        };
    return new WarmupSchedule(main, warmupSteps, warmupLr, mode);
  }

  static void requireRate(String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("--" + name + " must be a finite number >= 0, got " + v);
    }
  }
}
