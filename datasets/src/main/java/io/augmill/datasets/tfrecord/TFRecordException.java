package io.augmill.datasets.tfrecord;

import java.io.IOException;

/**
 * A TFRecord file that is not well formed. Names the file, the byte offset of the record's start, the
 * 0-based record index and a short machine-readable {@link #reason()}.
 */
public final class TFRecordException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Reason: the file ends inside a record's header, payload or footer (the length itself is plausible). */
  public static final String TRUNCATED = "truncated";
  /** Reason: the CRC of the length field does not match, so the length cannot be trusted. */
  public static final String LENGTH_CRC = "length-crc-mismatch";
  /** Reason: the payload's CRC does not match (a flipped byte); the reader can continue at the next record. */
  public static final String DATA_CRC = "data-crc-mismatch";
  /** Reason: the length field points past the end of the whole file, or above the reader's limit. */
  public static final String LENGTH_TOO_LARGE = "length-too-large";

  private final String file;
  private final long offset;
  private final long recordIndex;
  private final String reason;
  private final boolean recoverable;
  private final String detail;

  /**
   * @param file the file name or path
   * @param offset byte offset of the start of the bad record
   * @param recordIndex 0-based index of the bad record in the file
   * @param reason one of the reason constants
   * @param detail what was found
   * @param recoverable whether the reader is positioned at the next record and may continue
   */
  public TFRecordException(String file, long offset, long recordIndex, String reason, String detail, boolean recoverable) {
    super(file + ": record " + recordIndex + " at byte offset " + offset + ": " + reason + " (" + detail + ")");
    this.file = file;
    this.offset = offset;
    this.recordIndex = recordIndex;
    this.reason = reason;
    this.recoverable = recoverable;
    this.detail = detail;
  }

  /** What was found, without the file and position. */
  public String detail() {
    return detail;
  }

  /** The file name or path. */
  public String file() {
    return file;
  }

  /** Byte offset of the start of the bad record. */
  public long offset() {
    return offset;
  }

  /** 0-based index of the bad record within the file. */
  public long recordIndex() {
    return recordIndex;
  }

  /** Machine-readable reason, one of the constants of this class. */
  public String reason() {
    return reason;
  }

  /** True when the reader skipped the bad record and can read the next one (only for {@link #DATA_CRC}). */
  public boolean recoverable() {
    return recoverable;
  }
}
