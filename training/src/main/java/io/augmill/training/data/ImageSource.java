package io.augmill.training.data;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A labelled image collection the trainer can stream epoch by epoch. Sources that hold several
 * augmented variants per image yield one variant per epoch.
 */
public interface ImageSource extends Closeable {

  /** Class names indexed by label. */
  List<String> classes();

  /** Number of records one pass of {@code epoch} yields. */
  long size(int epoch);

  /**
   * The records of one epoch. With a generator the storage order may be coarsely shuffled (e.g. the
   * order of shard files); the loader adds a record-level shuffle. Without one, storage order.
   *
   * @param epoch 0-based epoch
   * @param rng shuffling generator, or null for storage order
   * @return the records; the caller closes the stream
   * @throws IOException when the storage cannot be opened
   */
  RecordStream open(int epoch, RandomGenerator rng) throws IOException;

  /** Per-channel statistics stored with the data, when there are any. */
  Optional<Normalization> normalization();

  /** What to call the source in messages (a directory, "in-memory", ...). */
  String describe();

  @Override
  default void close() throws IOException {}
}
