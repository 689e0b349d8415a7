package io.augmill.datasets.inspect;

/**
 * One thing wrong in a shard set.
 *
 * @param file the file involved (name within the set)
 * @param offset byte offset, or -1 when not about a position
 * @param recordIndex 0-based record index within the file, or -1
 * @param reason machine-readable reason, e.g. {@code data-crc-mismatch}, {@code missing-feature}
 * @param detail what is wrong
 */
public record Problem(String file, long offset, long recordIndex, String reason, String detail) {

  /** One line: {@code file: record i at byte offset o: reason: detail}. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(file);
    if (recordIndex >= 0) {
      b.append(": record ").append(recordIndex);
    }
    if (offset >= 0) {
      b.append(recordIndex >= 0 ? " at byte offset " : ": byte offset ").append(offset);
    }
    return b.append(": ").append(reason).append(": ").append(detail).toString();
  }
}
