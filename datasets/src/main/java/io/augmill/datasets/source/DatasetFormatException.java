package io.augmill.datasets.source;

/**
 * A dataset file whose structure is broken: wrong magic number, inconsistent counts, a short file.
 * Names the file and the byte offset or record index where the problem is.
 */
public final class DatasetFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final long offset;
  private final long recordIndex;

  /**
   * @param file the file involved
   * @param offset byte offset of the problem, or -1
   * @param recordIndex 0-based record index of the problem, or -1
   * @param detail what is wrong and what would be valid
   */
  public DatasetFormatException(String file, long offset, long recordIndex, String detail) {
    super(file + (recordIndex >= 0 ? ": record " + recordIndex : "") + (offset >= 0 ? " at byte offset " + offset : "")
        + ": " + detail);
    this.file = file;
    this.offset = offset;
    this.recordIndex = recordIndex;
  }

  /** The file involved. */
  public String file() {
    return file;
  }

  /** Byte offset of the problem, or -1. */
  public long offset() {
    return offset;
  }

  /** Record index of the problem, or -1. */
  public long recordIndex() {
    return recordIndex;
  }
}
