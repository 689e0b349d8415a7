/**
 * Batch-level augmentation on the training device: mixup, CutMix and RICAP, plus label smoothing of
 * the targets they mix. Parameters (mixing weights, boxes, permutations) are sampled on the host by
 * {@link io.augmill.training.mix.BatchMixer#sample} as immutable records and applied to a batch by
 * {@link io.augmill.training.mix.BatchMixer#apply}, so a draw can be logged, replayed and tested.
 */
package io.augmill.training.mix;
