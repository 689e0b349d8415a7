/**
 * The record type of Augmill shards ({@link io.augmill.datasets.example.ImageExample}) and its codec to
 * and from the {@code tf.train.Example} wire format ({@link io.augmill.datasets.example.ExampleCodec}),
 * with exactly the features SPEC.md lists. The message subset is written down in
 * {@code src/main/proto/example_subset.proto}.
 */
package io.augmill.datasets.example;
