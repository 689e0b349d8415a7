/**
 * Writing the shard set from a Beam job: deterministic shard assignment and record order, sorted runs
 * ({@code RunWriter}, written inside the Process step), the WriteShards step that merges them into shards, and
 * the Manifest step (empty shards, rejected log, manifest.json).
 */
package io.augmill.pipeline.shard;
