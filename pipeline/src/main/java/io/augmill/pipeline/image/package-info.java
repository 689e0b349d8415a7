/**
 * The per-image stages of the Beam jobs: decoding with its guards ({@link io.augmill.pipeline.image.ImageDecoder}),
 * augmentation ({@link io.augmill.pipeline.image.ImageAugmenter}) and encoding
 * ({@link io.augmill.pipeline.image.ImageEncoder}), which the preprocess job runs fused in one step; the
 * stats job's Decode step; the elements passed between steps with their coders; and the names of the
 * counters the steps report.
 */
package io.augmill.pipeline.image;
