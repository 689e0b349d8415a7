/**
 * Shard sets on disk: {@code <split>-SSSSS-of-NNNNN.tfrecord} files of
 * {@link io.augmill.datasets.example.ImageExample} records ({@link io.augmill.datasets.shard.ShardWriter},
 * {@link io.augmill.datasets.shard.ShardReader}), their DALI-style {@code .idx} files
 * ({@link io.augmill.datasets.shard.ShardIndex}), the versioned {@code manifest.json}
 * ({@link io.augmill.datasets.shard.Manifest}) and {@code rejected/*.jsonl}
 * ({@link io.augmill.datasets.shard.RejectedLog}).
 *
 * <p>Writing is deterministic: a writer given the same records in the same order produces the same
 * bytes, so a batch job that assigns records to shards and orders them deterministically produces
 * byte-identical shard sets on every runner.
 */
package io.augmill.datasets.shard;
