package io.augmill.datasets.shard;

import java.io.IOException;

/**
 * A shard record whose framing is fine but whose payload is not a usable Example (not protobuf, a
 * missing or invalid feature). Names the file, the record's byte offset and index, and a reason; the
 * reader can go on to the next record.
 */
public final class ShardRecordException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final long offset;
  private final long recordIndex;
  private final String reason;

  /**
   * @param file the shard file
   * @param offset byte offset of the record
   * @param recordIndex 0-based index of the record in the file
   * @param reason machine-readable reason (see {@link io.augmill.datasets.example.ExampleFormatException})
   * @param detail what is wrong
   * @param cause the underlying error
   */
  public ShardRecordException(String file, long offset, long recordIndex, String reason, String detail, Throwable cause) {
    super(file + ": record " + recordIndex + " at byte offset " + offset + ": " + reason + " (" + detail + ")", cause);
    this.file = file;
    this.offset = offset;
    this.recordIndex = recordIndex;
    this.reason = reason;
  }

  /** The shard file. */
  public String file() {
    return file;
  }

  /** Byte offset of the record. */
  public long offset() {
    return offset;
  }

  /** 0-based index of the record within its file. */
  public long recordIndex() {
    return recordIndex;
  }

  /** Machine-readable reason. */
  public String reason() {
    return reason;
  }
}
