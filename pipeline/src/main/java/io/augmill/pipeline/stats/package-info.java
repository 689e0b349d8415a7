/** Channel statistics as a Beam Combine (exact integer sums), and the {@code stats} job. */
package io.augmill.pipeline.stats;
