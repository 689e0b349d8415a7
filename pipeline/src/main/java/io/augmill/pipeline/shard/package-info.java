/**
 * Writing the shard set from a Beam job: deterministic shard assignment and record order, the
 * WriteShards step and the Manifest step (empty shards, rejected log, manifest.json).
 */
package io.augmill.pipeline.shard;
