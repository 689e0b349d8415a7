/**
 * The trainer's data path: an {@link io.augmill.training.data.ImageSource} streams labelled, still
 * encoded records one epoch at a time (never the whole set in memory); a
 * {@link io.augmill.training.data.BatchLoader} shuffles them through a bounded buffer, decodes and
 * normalises on reader threads in a fixed order (so results do not depend on the thread count), and
 * prefetches whole batches ahead of the device.
 */
package io.augmill.training.data;
