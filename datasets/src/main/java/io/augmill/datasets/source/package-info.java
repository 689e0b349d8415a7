/**
 * Dataset sources: CIFAR-10/100 binary batches, IDX (MNIST, Fashion-MNIST), image folders, the
 * generated {@code synthetic:shapes} set, Augmill shard sets and single image files. Each yields
 * {@link io.augmill.datasets.source.SourceRecord}s with stable keys and labels, streams them without
 * holding a dataset in memory, and cuts itself into serializable
 * {@link io.augmill.datasets.source.SourceSplit}s (by file and record range) for parallel reads.
 * {@link io.augmill.datasets.source.Sources#open} parses a {@code SRC} string.
 */
package io.augmill.datasets.source;
