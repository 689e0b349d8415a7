package io.augmill.training.schedule;

/** The same learning rate at every step. */
public record ConstantSchedule(double lr) implements LrSchedule {

  /** Validates the rate. */
  public ConstantSchedule {
    Schedules.requireRate("lr", lr);
  }

  @Override
  public double at(long step) {
    return lr;
  }
}
