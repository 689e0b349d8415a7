package io.augmill.datasets.shard;

import io.augmill.datasets.tfrecord.TFRecordReader;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The record offsets of one shard, from its {@code .idx} file ({@code "offset length"} per line) or by
 * scanning the shard. Lets readers start at any record, so a shard can be split by record range.
 */
public final class ShardIndex {

  private final long[] offsets;
  private final long[] lengths;

  private ShardIndex(long[] offsets, long[] lengths) {
    this.offsets = offsets;
    this.lengths = lengths;
  }

  /**
   * Reads an index file.
   *
   * @throws IOException naming the file and line when a line is not two non-negative integers
   */
  public static ShardIndex read(Path idx) throws IOException {
    long[] offsets = new long[64];
    long[] lengths = new long[64];
    int n = 0;
    try (BufferedReader r = Files.newBufferedReader(idx, StandardCharsets.US_ASCII)) {
      String line;
      int lineNo = 0;
      while ((line = r.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        String[] parts = line.trim().split("\\s+");
        try {
          if (parts.length != 2) {
            throw new NumberFormatException("expected 2 fields, found " + parts.length);
          }
          long off = Long.parseLong(parts[0]);
          long len = Long.parseLong(parts[1]);
          if (off < 0 || len < 16) {
            throw new NumberFormatException("offset must be >= 0 and length >= 16");
          }
          if (n == offsets.length) {
            offsets = Arrays.copyOf(offsets, n * 2);
            lengths = Arrays.copyOf(lengths, n * 2);
          }
          offsets[n] = off;
          lengths[n] = len;
          n++;
        } catch (NumberFormatException e) {
          throw new IOException(idx + ": line " + lineNo + " is not 'offset length' (" + e.getMessage() + "): '" + line + "'");
        }
      }
    }
    return new ShardIndex(Arrays.copyOf(offsets, n), Arrays.copyOf(lengths, n));
  }

  /** Scans a shard's framing (no CRC checks) to build its index. */
  public static ShardIndex scan(Path shard) throws IOException {
    long[] offsets = new long[64];
    long[] lengths = new long[64];
    int n = 0;
    try (TFRecordReader r = TFRecordReader.open(shard, 0, 0, false)) {
      while (r.next() != null) {
        if (n == offsets.length) {
          offsets = Arrays.copyOf(offsets, n * 2);
          lengths = Arrays.copyOf(lengths, n * 2);
        }
        offsets[n] = r.lastRecordOffset();
        lengths[n] = r.position() - r.lastRecordOffset();
        n++;
      }
    }
    return new ShardIndex(Arrays.copyOf(offsets, n), Arrays.copyOf(lengths, n));
  }

  /** The shard's index: its {@code .idx} file when present, otherwise a scan. */
  public static ShardIndex of(Path shard) throws IOException {
    Path idx = shard.resolveSibling(shard.getFileName() + ShardName.INDEX_EXTENSION);
    return Files.exists(idx) ? read(idx) : scan(shard);
  }

  /** Number of records. */
  public int size() {
    return offsets.length;
  }

  /** Byte offset of record {@code i}. */
  public long offset(int i) {
    return offsets[i];
  }

  /** Full framed length of record {@code i} in bytes (payload + 16). */
  public long length(int i) {
    return lengths[i];
  }

  /** Whether both indexes list the same records. */
  public boolean sameAs(ShardIndex other) {
    return Arrays.equals(offsets, other.offsets) && Arrays.equals(lengths, other.lengths);
  }
}
