package io.augmill.pipeline.shard;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import org.apache.beam.sdk.values.KV;

/**
 * A run file: records sorted by shard and then in shard order ({@link ShardEntry#ORDER}), one segment per
 * shard. Each record is a big-endian {@code int} key length, the key in UTF-8, the {@code int} variant, the
 * {@code int} payload length and the payload. Run files live in the output directory's scratch folder for
 * the duration of a job; a run's spill file (payloads in arrival order) only until its run file is written.
 */
final class RunFile {

  private RunFile() {}

  /** Most records one run holds; with {@link ShardPlan#runBytes}, it bounds the memory of a run's index. */
  static final int MAX_RUN_RECORDS = 1 << 14;

  /**
   * Collects records for one run file: each payload is appended to a spill file as it comes, and only its
   * shard, key, variant and place in the spill file stay in memory. {@link #finish} sorts that index and
   * writes the run file from the spill file.
   */
  static final class Builder implements AutoCloseable {

    /** A record held for the run: its shard and order in memory, its payload in the spill file. */
    private record Held(int shard, String key, int variant, long offset, int length) {}

    private static final Comparator<Held> BY_SHARD_KEY_VARIANT = Comparator.comparingInt(Held::shard)
        .thenComparing(Held::key).thenComparingInt(Held::variant);

    private final Path run;
    private final Path spill;
    private final DataOutputStream out;
    private final List<Held> held = new ArrayList<>();
    private long bytes;

    /** Starts a run in {@code scratch} (created if needed) under a fresh name. */
    Builder(Path scratch) throws IOException {
      Files.createDirectories(scratch);
      String name = UUID.randomUUID().toString();
      run = scratch.resolve(name + ".run");
      spill = scratch.resolve(name + ".spill");
      out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spill), 1 << 16));
    }

    void add(int shard, String key, int variant, byte[] payload) throws IOException {
      out.write(payload);
      held.add(new Held(shard, key, variant, bytes, payload.length));
      bytes += payload.length;
    }

    /** Payload bytes held so far. */
    long bytes() {
      return bytes;
    }

    /** Records held so far. */
    int records() {
      return held.size();
    }

    /**
     * Writes the run file and removes the spill file.
     *
     * @return one {@code (shard, segment)} per shard that has records, in shard order
     */
    List<KV<Integer, RunSegment>> finish() throws IOException {
      out.close();
      List<KV<Integer, RunSegment>> segments = new ArrayList<>();
      try (FileChannel payloads = FileChannel.open(spill, StandardOpenOption.READ);
          DataOutputStream to = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
        held.sort(BY_SHARD_KEY_VARIANT);
        orderTiesByPayloadHash(held, payloads);
        String name = run.toAbsolutePath().toString();
        long offset = 0;
        int i = 0;
        while (i < held.size()) {
          int shard = held.get(i).shard();
          long start = offset;
          int first = i;
          for (; i < held.size() && held.get(i).shard() == shard; i++) {
            Held h = held.get(i);
            offset += writeRecord(to, h.key(), h.variant(), read(payloads, h));
          }
          segments.add(KV.of(shard, new RunSegment(name, start, offset - start, i - first)));
        }
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(run);
        throw e;
      } finally {
        Files.deleteIfExists(spill);
      }
      return segments;
    }

    /** Removes the spill file (a finished run keeps its run file). */
    @Override
    public void close() throws IOException {
      out.close();
      Files.deleteIfExists(spill);
    }

    /**
     * Orders each stretch of records with the same shard, key and variant (a source that repeats a key) by
     * {@link ShardEntry#payloadHash}. Only such stretches are hashed, so unique keys never read a payload twice.
     */
    private void orderTiesByPayloadHash(List<Held> sorted, FileChannel payloads) throws IOException {
      int start = 0;
      while (start < sorted.size()) {
        int end = start + 1;
        while (end < sorted.size() && BY_SHARD_KEY_VARIANT.compare(sorted.get(start), sorted.get(end)) == 0) {
          end++;
        }
        if (end - start > 1) {
          Map<Held, Long> hashes = new IdentityHashMap<>();
          for (Held h : sorted.subList(start, end)) {
            hashes.put(h, ShardEntry.payloadHash(read(payloads, h)));
          }
          sorted.subList(start, end).sort(Comparator.comparingLong(hashes::get));
        }
        start = end;
      }
    }

    private byte[] read(FileChannel payloads, Held h) throws IOException {
      ByteBuffer into = ByteBuffer.allocate(h.length());
      while (into.hasRemaining()) {
        if (payloads.read(into, h.offset() + into.position()) < 0) {
          throw new EOFException(spill + ": spill file ends inside the record of " + h.key() + " at byte " + h.offset());
        }
      }
      return into.array();
    }
  }

  /** Most segments merged at once; a shard made of more runs is merged in passes (see {@link #merge}). */
  static final int MAX_FAN_IN = 128;

  /** Receives merged records in order. */
  @FunctionalInterface
  interface RecordSink {
    void accept(ShardEntry record) throws IOException;
  }

  /** Writes one record in the run format; returns its length in bytes. */
  static long writeRecord(DataOutputStream out, String key, int variant, byte[] payload) throws IOException {
    byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
    out.writeInt(keyBytes.length);
    out.write(keyBytes);
    out.writeInt(variant);
    out.writeInt(payload.length);
    out.write(payload);
    return 12L + keyBytes.length + payload.length;
  }

  /**
   * Merges sorted segments into {@code sink} in {@link ShardEntry#ORDER}. At most {@link #MAX_FAN_IN} segments
   * are read at once, sharing {@code bufferBytes} of read buffers: with more, groups of that many are first
   * merged into intermediate run files in {@code scratch}, as often as needed. Memory and open files are so
   * bounded whatever the number of runs.
   */
  static void merge(List<RunSegment> segments, Path scratch, int bufferBytes, RecordSink sink) throws IOException {
    List<RunSegment> level = segments;
    while (level.size() > MAX_FAN_IN) {
      List<RunSegment> next = new ArrayList<>();
      for (int i = 0; i < level.size(); i += MAX_FAN_IN) {
        next.add(mergeToRun(level.subList(i, Math.min(level.size(), i + MAX_FAN_IN)), scratch, bufferBytes));
      }
      level = next;
    }
    mergeGroup(level, bufferBytes, sink);
  }

  private static RunSegment mergeToRun(List<RunSegment> group, Path scratch, int bufferBytes) throws IOException {
    Path run = scratch.resolve(UUID.randomUUID() + ".run");
    long[] written = new long[2];
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
      mergeGroup(group, bufferBytes, r -> {
        written[0] += writeRecord(out, r.key(), r.variant(), r.payload());
        written[1]++;
      });
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(run);
      throw e;
    }
    return new RunSegment(run.toAbsolutePath().toString(), 0, written[0], written[1]);
  }

  private static void mergeGroup(List<RunSegment> group, int bufferBytes, RecordSink sink) throws IOException {
    int perSegment = Math.max(16, bufferBytes / Math.max(1, group.size()));
    List<SegmentReader> readers = new ArrayList<>();
    try {
      PriorityQueue<SegmentReader> heads = new PriorityQueue<>(Math.max(1, group.size()),
          Comparator.comparing(SegmentReader::current, ShardEntry.ORDER));
      for (RunSegment segment : group) {
        SegmentReader reader = new SegmentReader(segment, perSegment);
        readers.add(reader);
        if (reader.advance()) {
          heads.add(reader);
        }
      }
      while (!heads.isEmpty()) {
        SegmentReader next = heads.poll();
        sink.accept(next.current());
        if (next.advance()) {
          heads.add(next);
        }
      }
    } finally {
      for (SegmentReader reader : readers) {
        reader.close();
      }
    }
  }

  /** Streams one segment's records, keeping its run file open until the segment ends or it is closed. */
  static final class SegmentReader implements AutoCloseable {

    private final RunSegment segment;
    private final Path file;
    private final ByteBuffer buffer;
    private FileChannel in;
    private long position;
    private long read;
    private ShardEntry current;

    /**
     * @param bufferBytes how much of the segment to hold at a time
     */
    SegmentReader(RunSegment segment, int bufferBytes) {
      this.segment = segment;
      this.file = Path.of(segment.file());
      this.buffer = ByteBuffer.allocate((int) Math.max(16, Math.min(bufferBytes, segment.length())));
      this.buffer.limit(0);
      this.position = segment.offset();
    }

    /** The record the last {@link #advance} read. */
    ShardEntry current() {
      return current;
    }

    /** Reads the next record; false at the end of the segment. */
    boolean advance() throws IOException {
      if (read == segment.records()) {
        current = null;
        close();
        return false;
      }
      byte[] key = new byte[readInt()];
      readFully(key);
      int variant = readInt();
      byte[] payload = new byte[readInt()];
      readFully(payload);
      read++;
      current = new ShardEntry(new String(key, StandardCharsets.UTF_8), variant, payload);
      return true;
    }

    private int readInt() throws IOException {
      fill(4);
      return buffer.getInt();
    }

    private void readFully(byte[] into) throws IOException {
      int done = 0;
      while (done < into.length) {
        fill(1);
        int n = Math.min(buffer.remaining(), into.length - done);
        buffer.get(into, done, n);
        done += n;
      }
    }

    /** Makes at least {@code need} bytes available, reading what the buffer holds of the rest of the segment. */
    private void fill(int need) throws IOException {
      if (buffer.remaining() >= need) {
        return;
      }
      buffer.compact();
      long end = segment.offset() + segment.length();
      if (in == null) {
        in = FileChannel.open(file, StandardOpenOption.READ);
      }
      while (buffer.hasRemaining() && position < end) {
        int limit = (int) Math.min(buffer.remaining(), end - position);
        ByteBuffer window = buffer.slice(buffer.position(), limit);
        int n = in.read(window, position);
        if (n < 0) {
          break;
        }
        buffer.position(buffer.position() + n);
        position += n;
      }
      buffer.flip();
      if (buffer.remaining() < need) {
        throw new EOFException(file + ": run file ends inside a record at byte " + position + " (segment of "
            + segment.records() + " records from byte " + segment.offset() + ", " + segment.length() + " bytes)");
      }
    }

    /** Closes the run file (reading again reopens it). */
    @Override
    public void close() throws IOException {
      if (in != null) {
        in.close();
        in = null;
      }
    }
  }
}
