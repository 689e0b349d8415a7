package io.augmill.datasets.shard;

import io.augmill.datasets.example.ExampleCodec;
import io.augmill.datasets.example.ExampleFormatException;
import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.tfrecord.TFRecordReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams the records of one shard file (or a record range of it) as {@link ImageExample}s, holding one
 * record at a time.
 */
public final class ShardReader implements Closeable {

  private final TFRecordReader records;
  private final long endIndex;

  private ShardReader(TFRecordReader records, long endIndex) {
    this.records = records;
    this.endIndex = endIndex;
  }

  /** Reads a whole shard, checking every CRC. */
  public static ShardReader open(Path shard) throws IOException {
    return new ShardReader(TFRecordReader.open(shard), Long.MAX_VALUE);
  }

  /** Reads a whole shard; {@code verifyChecksums} false skips payload CRCs for speed. */
  public static ShardReader open(Path shard, boolean verifyChecksums) throws IOException {
    return new ShardReader(TFRecordReader.open(shard, 0, 0, verifyChecksums), Long.MAX_VALUE);
  }

  /**
   * Reads records {@code [first, end)} of a shard, starting at the byte offset the index gives.
   *
   * @param verifyChecksums whether to check payload CRCs
   */
  public static ShardReader open(Path shard, ShardIndex index, int first, int end, boolean verifyChecksums)
      throws IOException {
    if (first < 0 || first > end || end > index.size()) {
      throw new IllegalArgumentException(shard + ": record range [" + first + ", " + end + ") outside [0, "
          + index.size() + "]");
    }
    long offset = first < index.size() ? index.offset(first) : 0;
    return new ShardReader(TFRecordReader.open(shard, offset, first, verifyChecksums), end);
  }

  /**
   * The next record, or null at the end of the file or range.
   *
   * @throws io.augmill.datasets.tfrecord.TFRecordException for bad framing or a CRC mismatch
   * @throws ShardRecordException when the payload is not a usable Example (the next call continues)
   */
  public ImageExample next() throws IOException {
    if (records.recordIndex() >= endIndex) {
      return null;
    }
    byte[] payload = records.next();
    if (payload == null) {
      return null;
    }
    try {
      return ExampleCodec.decode(payload);
    } catch (ExampleFormatException e) {
      throw new ShardRecordException(records.name(), records.lastRecordOffset(), records.recordIndex() - 1,
          e.reason(), e.getMessage(), e);
    }
  }

  /** Index of the next record within the file. */
  public long recordIndex() {
    return records.recordIndex();
  }

  /** Byte offset of the record last returned. */
  public long lastRecordOffset() {
    return records.lastRecordOffset();
  }

  @Override
  public void close() throws IOException {
    records.close();
  }
}
