/**
 * A training run end to end: its configuration ({@code config.json}), the training loop over a DJL
 * {@code Trainer}, evaluation, checkpoints and resume, per-epoch metrics ({@code metrics.csv}) and
 * the saved model ({@code model/}).
 */
package io.augmill.training.run;
