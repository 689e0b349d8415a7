/**
 * Learned and randomised augmentation policies over one fixed set of ops: AutoAugment's published
 * sub-policy tables ({@code auto_augment}), RandAugment ({@code rand_augment}) and TrivialAugment Wide
 * ({@code trivial_augment}). Policies are data: a sub-policy step is {@code (op, probability, magnitude
 * bin)}, and one small function per op maps a bin to the op's argument on a documented scale (the
 * ranges of torchvision 0.14). Every draw resolves to fixed op specs, which are what is applied and
 * what is recorded.
 */
package io.augmill.ops.policy.auto;
