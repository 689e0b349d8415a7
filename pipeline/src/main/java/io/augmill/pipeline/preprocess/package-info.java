/** The preprocess job: options, the composite from decoded source records to a shard set, and running it. */
package io.augmill.pipeline.preprocess;
