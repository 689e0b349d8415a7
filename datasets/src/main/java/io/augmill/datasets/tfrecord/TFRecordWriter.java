package io.augmill.datasets.tfrecord;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes TFRecord-framed payloads to a stream. Output depends only on the payloads and their order, so
 * the same records in the same order always give the same bytes.
 */
public final class TFRecordWriter implements Closeable {

  /** Bytes of framing around each payload: 8 length, 4 length CRC, 4 payload CRC. */
  public static final int FRAMING_BYTES = 16;

  private final OutputStream out;
  private final byte[] header = new byte[12];
  private final byte[] footer = new byte[4];
  private long position;
  private long records;

  /** @param out where records go; closed by {@link #close()} */
  public TFRecordWriter(OutputStream out) {
    this.out = out;
  }

  /**
   * Appends one record.
   *
   * @return the byte offset at which the record starts (its full length is {@code payload.length + 16})
   */
  public long write(byte[] payload) throws IOException {
    long start = position;
    long length = payload.length;
    for (int i = 0; i < 8; i++) {
      header[i] = (byte) (length >>> (8 * i));
    }
    putIntLe(header, 8, MaskedCrc32c.of(header, 0, 8));
    putIntLe(footer, 0, MaskedCrc32c.of(payload));
    out.write(header);
    out.write(payload);
    out.write(footer);
    position += payload.length + FRAMING_BYTES;
    records++;
    return start;
  }

  /** Bytes written so far. */
  public long position() {
    return position;
  }

  /** Records written so far. */
  public long records() {
    return records;
  }

  /** Flushes buffered bytes to the underlying stream. */
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  static void putIntLe(byte[] b, int at, int v) {
    b[at] = (byte) v;
    b[at + 1] = (byte) (v >>> 8);
    b[at + 2] = (byte) (v >>> 16);
    b[at + 3] = (byte) (v >>> 24);
  }
}
