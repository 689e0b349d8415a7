package io.augmill.training.data;

import java.util.Iterator;

/** The records of one epoch; closing it stops any reader threads behind it early. */
public interface RecordStream extends Iterator<EncodedRecord>, AutoCloseable {

  /** Stops reading; the default has nothing to stop. */
  @Override
  default void close() {}

  /** A stream over an in-memory iterator. */
  static RecordStream of(Iterator<EncodedRecord> it) {
    return new RecordStream() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public EncodedRecord next() {
        return it.next();
      }
    };
  }
}
