/**
 * Streaming shard reading for training: {@link io.augmill.datasets.stream.ShardStream} shuffles shard
 * order, reads with several threads into a bounded prefetch queue, mixes records through a bounded
 * shuffle buffer and stops early on close, never holding the whole set in memory.
 */
package io.augmill.datasets.stream;
