/**
 * The per-image steps of the Beam jobs (Decode with its guards, Augment, Encode), the elements passed
 * between them with their coders, and the names of the counters they report.
 */
package io.augmill.pipeline.image;
