/**
 * Losses over dense (soft) targets: cross-entropy for one-hot, smoothed or mixed targets, and the
 * knowledge-distillation loss of Hinton et al. (2015).
 */
package io.augmill.training.loss;
