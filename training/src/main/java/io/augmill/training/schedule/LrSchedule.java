package io.augmill.training.schedule;

import ai.djl.training.tracker.Tracker;

/**
 * A learning rate as a pure function of the 0-based optimisation step. Implementations are immutable,
 * so the value at a step never depends on which steps were queried before (resume-safe).
 */
public interface LrSchedule extends Tracker {

  /**
   * The learning rate used for the update at {@code step}.
   *
   * @param step 0-based iteration index over the whole run (epoch × steps per epoch + batch index)
   */
  double at(long step);

  /** DJL's view: {@code numUpdate} is taken as the 0-based step. */
  @Override
  default float getNewValue(int numUpdate) {
    return (float) at(numUpdate);
  }
}
