/**
 * Throughput benchmarks of shard reading, run as a plain main class
 * ({@link io.augmill.datasets.bench.ShardReadBenchmark}) that prints records per second and ratios
 * against reference runs measured in the same invocation.
 */
package io.augmill.datasets.bench;
