/**
 * Optimizers as DJL {@code Optimizer}s driven by an explicit step and an
 * {@link io.augmill.training.schedule.LrSchedule}: SGD (momentum, Nesterov), Adam, AdamW and AdaBound,
 * with L2 weight decay that can skip biases and BatchNorm parameters, an L1 penalty, and state that is
 * saved and restored by parameter name so a resumed run continues exactly.
 */
package io.augmill.training.optim;
