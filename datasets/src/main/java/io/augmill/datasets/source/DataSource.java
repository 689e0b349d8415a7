package io.augmill.datasets.source;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A readable dataset split: class names, a record count, and records streamed split by split.
 * Implementations are {@link Serializable} (paths kept as strings) so a batch runner can ship the source
 * with its splits; structural problems are found when the source is opened or read.
 */
public interface DataSource extends Serializable {

  /** The {@code SRC} string this source was opened from. */
  String description();

  /** The split read, {@code train} or {@code test}. */
  String split();

  /** Class names indexed by label; empty when the source does not know them. */
  List<String> classes();

  /** Number of records the split holds. */
  long count();

  /**
   * Cuts the split into about {@code desired} parts by file and record range, in key order.
   *
   * @param desired how many parts a reader would like, at least 1
   */
  List<SourceSplit> splits(int desired);

  /** Streams the records of one split made by {@link #splits}. */
  RecordIterator read(SourceSplit split) throws IOException;

  /**
   * A copy of this source that reads {@code split} and carries only what that takes, for shipping one split
   * to a worker: a folder source lists every file of the dataset (tens of megabytes for ImageNet), its copy
   * only the split's files. The copy gives the same keys, labels and records for {@code split} (and for
   * splits inside it) as this source; it may refuse other splits and count only {@code split}'s records. The
   * default returns this source itself: sources that hold a few paths are small already.
   *
   * @param split a split made by this source's {@link #splits}
   */
  default DataSource restrictedTo(SourceSplit split) {
    return this;
  }

  /** Streams every record in key order. */
  default RecordIterator readAll() throws IOException {
    List<SourceSplit> parts = splits(1);
    DataSource self = this;
    return new RecordIterator() {
      int next;
      RecordIterator current;

      @Override
      public boolean hasNext() {
        try {
          while (current == null || !current.hasNext()) {
            if (current != null) {
              current.close();
              current = null;
            }
            if (next >= parts.size()) {
              return false;
            }
            current = self.read(parts.get(next++));
          }
          return true;
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }

      @Override
      public SourceRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }

      @Override
      public void close() {
        if (current != null) {
          current.close();
        }
      }
    };
  }

  /** Cuts {@code count} records of one file into about {@code parts} contiguous ranges. */
  static List<SourceSplit> ranges(String file, long count, int parts, long firstKeyIndex) {
    List<SourceSplit> out = new ArrayList<>();
    long step = Math.max(1, (count + Math.max(1, parts) - 1) / Math.max(1, parts));
    for (long start = 0; start < count; start += step) {
      long end = Math.min(count, start + step);
      out.add(new SourceSplit(file, start, end, firstKeyIndex + start));
    }
    return out;
  }

  /** Checks that {@code desired} is at least 1. */
  static int requirePositive(int desired) {
    if (desired < 1) {
      throw new IllegalArgumentException("desired split count must be at least 1, got " + desired);
    }
    return desired;
  }

  /** Adapts an iterator without resources. */
  static RecordIterator of(Iterator<SourceRecord> it) {
    return new RecordIterator() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public SourceRecord next() {
        return it.next();
      }

      @Override
      public void close() {}
    };
  }
}
