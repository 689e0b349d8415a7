/**
 * Learning-rate schedules: pure functions of the optimisation step (0-based iteration index), composed
 * by wrapping (a warm-up around cosine, step or constant decay). They implement DJL's {@code Tracker}
 * so they plug into DJL optimizers, but callers always pass the step explicitly.
 */
package io.augmill.training.schedule;
