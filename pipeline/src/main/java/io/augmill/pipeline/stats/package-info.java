/**
 * Channel statistics as a Beam Combine of exact integer sums (over decoded images, or over the partial
 * sums the preprocess job's Process step emits per bundle), and the {@code stats} job.
 */
package io.augmill.pipeline.stats;
