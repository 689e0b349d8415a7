package io.augmill.datasets.tfrecord;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads TFRecord-framed payloads one at a time, checking both CRCs. A hostile length field can neither
 * make it hang nor allocate more than the bytes actually present: when the stream's size is known a
 * length past its end is rejected at once, and otherwise the payload is read in bounded chunks so a
 * short stream ends the read with {@link TFRecordException#TRUNCATED}.
 */
public final class TFRecordReader implements Closeable {

  /** Largest payload accepted by default (a Java array's practical limit). */
  public static final long DEFAULT_MAX_RECORD_BYTES = Integer.MAX_VALUE - 64;

  private static final int BUFFER_BYTES = 1 << 16;

  private final InputStream in;
  private final String name;
  private final long endPosition;
  private final long maxRecordBytes;
  private final boolean verifyChecksums;
  private final byte[] header = new byte[12];
  private final byte[] footer = new byte[4];
  private long position;
  private long recordIndex;
  private long lastOffset = -1;
  private boolean failed;

  /**
   * @param in the stream, positioned at a record boundary; closed by {@link #close()}
   * @param name file name for error messages
   * @param startPosition the byte offset {@code in} is at (for error messages and {@link #position()})
   * @param firstRecordIndex the index of the record at {@code startPosition}
   * @param endPosition the offset at which the data ends, or -1 when unknown
   * @param maxRecordBytes longest payload accepted
   * @param verifyChecksums false skips the payload CRC (the length CRC is always checked)
   */
  public TFRecordReader(InputStream in, String name, long startPosition, long firstRecordIndex,
      long endPosition, long maxRecordBytes, boolean verifyChecksums) {
    this.in = in;
    this.name = name;
    this.position = startPosition;
    this.recordIndex = firstRecordIndex;
    this.endPosition = endPosition;
    this.maxRecordBytes = Math.min(maxRecordBytes, DEFAULT_MAX_RECORD_BYTES);
    this.verifyChecksums = verifyChecksums;
  }

  /** Opens a whole file, checking every CRC. */
  public static TFRecordReader open(Path file) throws IOException {
    return open(file, 0, 0, true);
  }

  /**
   * Opens a file at a record boundary.
   *
   * @param offset byte offset of a record start (from a {@code .idx} file, or 0)
   * @param firstRecordIndex index of the record at {@code offset}
   * @param verifyChecksums whether to check payload CRCs
   */
  public static TFRecordReader open(Path file, long offset, long firstRecordIndex, boolean verifyChecksums)
      throws IOException {
    long size = Files.size(file);
    InputStream in = Files.newInputStream(file);
    try {
      in.skipNBytes(offset);
    } catch (IOException e) {
      in.close();
      throw new TFRecordException(file.toString(), offset, firstRecordIndex, TFRecordException.TRUNCATED,
          "offset is past the end of the " + size + "-byte file", false);
    }
    return new TFRecordReader(new BufferedInputStream(in, BUFFER_BYTES), file.toString(), offset,
        firstRecordIndex, size, DEFAULT_MAX_RECORD_BYTES, verifyChecksums);
  }

  /**
   * The next payload, or null at a clean end of data.
   *
   * @throws TFRecordException naming the file, offset and record index when the record is malformed;
   *     after a {@link TFRecordException#recoverable() recoverable} one the next call reads the next
   *     record, after any other the reader is finished and returns null
   */
  public byte[] next() throws IOException {
    if (failed) {
      return null;
    }
    long start = position;
    int got = in.readNBytes(header, 0, 12);
    if (got == 0) {
      return null;
    }
    if (got < 12) {
      throw fail(start, TFRecordException.TRUNCATED, "only " + got + " of 12 header bytes");
    }
    long length = 0;
    for (int i = 7; i >= 0; i--) {
      length = (length << 8) | (header[i] & 0xff);
    }
    int lengthCrc = getIntLe(header, 8);
    if (MaskedCrc32c.of(header, 0, 8) != lengthCrc) {
      throw fail(start, TFRecordException.LENGTH_CRC, "length field " + Long.toUnsignedString(length)
          + " does not match its checksum");
    }
    long available = endPosition < 0 ? -1 : endPosition - start - 12;
    if (length < 0 || length > maxRecordBytes) {
      throw fail(start, TFRecordException.LENGTH_TOO_LARGE, "length " + Long.toUnsignedString(length)
          + " exceeds the limit of " + maxRecordBytes + " bytes");
    }
    if (available >= 0 && length + 4 > available) {
      // The length passed its CRC: if it fits the file as a whole the file was cut short, otherwise it is bogus.
      if (length + 16 <= endPosition) {
        throw fail(start, TFRecordException.TRUNCATED, "file ends inside the record: it needs " + (length + 4)
            + " bytes after the header, " + Math.max(0, available) + " are left");
      }
      throw fail(start, TFRecordException.LENGTH_TOO_LARGE, "length " + length + " points past the end of the "
          + endPosition + "-byte file");
    }
    byte[] payload;
    if (available >= 0) {
      payload = new byte[(int) length];
      int read = in.readNBytes(payload, 0, payload.length);
      if (read < length) {
        throw fail(start, TFRecordException.TRUNCATED, "payload has " + read + " of " + length + " bytes");
      }
    } else {
      // Unknown size: readNBytes(int) grows its buffer only as bytes arrive.
      payload = in.readNBytes((int) length);
      if (payload.length < length) {
        throw fail(start, TFRecordException.TRUNCATED, "payload has " + payload.length + " of " + length + " bytes");
      }
    }
    int footerRead = in.readNBytes(footer, 0, 4);
    if (footerRead < 4) {
      throw fail(start, TFRecordException.TRUNCATED, "only " + footerRead + " of 4 footer bytes");
    }
    position = start + 16 + length;
    lastOffset = start;
    long index = recordIndex++;
    if (verifyChecksums && MaskedCrc32c.of(payload) != getIntLe(footer, 0)) {
      throw new TFRecordException(name, start, index, TFRecordException.DATA_CRC,
          "payload of " + length + " bytes does not match its checksum", true);
    }
    return payload;
  }

  /** Byte offset of the next record. */
  public long position() {
    return position;
  }

  /** Index of the next record. */
  public long recordIndex() {
    return recordIndex;
  }

  /** Byte offset of the record last returned, or -1 before the first. */
  public long lastRecordOffset() {
    return lastOffset;
  }

  /** The file name used in errors. */
  public String name() {
    return name;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  private TFRecordException fail(long start, String reason, String detail) {
    failed = true;
    return new TFRecordException(name, start, recordIndex, reason, detail, false);
  }

  static int getIntLe(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
  }

}
