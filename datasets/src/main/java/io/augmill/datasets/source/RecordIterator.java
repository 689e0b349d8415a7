package io.augmill.datasets.source;

import java.io.Closeable;
import java.util.Iterator;

/**
 * Streams the records of a split. {@link #next()} may throw {@link DatasetFormatException} for a
 * structurally broken file or {@link java.io.UncheckedIOException} naming the file; {@link #close()}
 * releases the file handles early.
 */
public interface RecordIterator extends Iterator<SourceRecord>, Closeable {

  @Override
  void close();
}
