package io.augmill.datasets.source;

import java.io.Serializable;

/**
 * A part of a source that one worker reads: records {@code [first, end)} of one file (or, for sources
 * without files, of the whole sequence). Serializable so batch runners can ship it to workers; only the
 * source that made it can read it.
 *
 * @param file the file the range refers to (absolute path), or empty for generated sources
 * @param first index of the first record, counted within {@code file}
 * @param end one past the last record
 * @param firstKeyIndex the split-wide index of record {@code first}, used for keys
 */
public record SourceSplit(String file, long first, long end, long firstKeyIndex) implements Serializable {

  /** Checks {@code 0 <= first <= end}. */
  public SourceSplit {
    if (first < 0 || end < first) {
      throw new IllegalArgumentException("split range [" + first + ", " + end + ") is not valid");
    }
  }

  /** Number of records in the split. */
  public long size() {
    return end - first;
  }
}
