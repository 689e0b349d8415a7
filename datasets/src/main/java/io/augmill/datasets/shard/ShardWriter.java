package io.augmill.datasets.shard;

import io.augmill.datasets.example.ExampleCodec;
import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.tfrecord.TFRecordWriter;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes one shard: TFRecord-framed {@code tf.train.Example}s plus the {@code .idx} file (one
 * {@code "offset length"} line per record, length including the 16 framing bytes, as DALI's
 * {@code tfrecord2idx} writes). The same records in the same order always give the same bytes.
 *
 * <p>{@link #create(Path, ShardName)} writes to temporary files next to the targets and renames them on
 * {@link #finish()}, so a failed job never leaves a half-written shard under its final name; the stream
 * constructor lets a batch runner supply its own channels.
 */
public final class ShardWriter implements Closeable {

  private final String fileName;
  private final DigestingStream data;
  private final TFRecordWriter records;
  private final Writer index;
  private final Path dataTarget;
  private final Path indexTarget;
  private final Path dataTemp;
  private final Path indexTemp;
  private ShardInfo finished;

  /**
   * Writes to caller-supplied streams; both are closed by {@link #finish()} or {@link #close()}.
   *
   * @param fileName the shard's file name, as recorded in the returned {@link ShardInfo}
   * @param data receives the {@code .tfrecord} bytes
   * @param index receives the {@code .idx} text
   */
  public ShardWriter(String fileName, OutputStream data, OutputStream index) {
    this(fileName, data, index, null, null, null, null);
  }

  private ShardWriter(String fileName, OutputStream data, OutputStream index, Path dataTarget, Path indexTarget,
      Path dataTemp, Path indexTemp) {
    this.fileName = fileName;
    this.data = new DigestingStream(new BufferedOutputStream(data, 1 << 16));
    this.records = new TFRecordWriter(this.data);
    this.index = new java.io.OutputStreamWriter(new BufferedOutputStream(index, 1 << 14), StandardCharsets.US_ASCII);
    this.dataTarget = dataTarget;
    this.indexTarget = indexTarget;
    this.dataTemp = dataTemp;
    this.indexTemp = indexTemp;
  }

  /**
   * Starts {@code dir/<name>.tfrecord} and its {@code .idx}, creating {@code dir} if needed. The files
   * appear under their final names only when {@link #finish()} succeeds.
   */
  public static ShardWriter create(Path dir, ShardName name) throws IOException {
    Files.createDirectories(dir);
    Path dataTarget = dir.resolve(name.fileName());
    Path indexTarget = dir.resolve(name.indexFileName());
    Path dataTemp = Files.createTempFile(dir, "." + name.fileName(), ".partial");
    Path indexTemp = Files.createTempFile(dir, "." + name.indexFileName(), ".partial");
    return new ShardWriter(name.fileName(), Files.newOutputStream(dataTemp), Files.newOutputStream(indexTemp),
        dataTarget, indexTarget, dataTemp, indexTemp);
  }

  /** Appends one record. */
  public void write(ImageExample example) throws IOException {
    writeSerialized(ExampleCodec.encode(example));
  }

  /** Appends an already serialized {@code tf.train.Example} (e.g. from {@link ExampleCodec#encode}). */
  public void writeSerialized(byte[] payload) throws IOException {
    if (finished != null) {
      throw new IllegalStateException(fileName + ": writer already finished");
    }
    long offset = records.write(payload);
    index.write(offset + " " + (payload.length + TFRecordWriter.FRAMING_BYTES) + "\n");
  }

  /** Records written so far. */
  public long records() {
    return records.records();
  }

  /** Bytes of the {@code .tfrecord} file written so far. */
  public long bytes() {
    return records.position();
  }

  /**
   * Flushes and closes both files (renaming them into place for {@link #create}) and returns the
   * manifest entry. Calling it again returns the same entry.
   */
  public ShardInfo finish() throws IOException {
    if (finished == null) {
      index.close();
      records.close();
      if (dataTarget != null) {
        Files.move(indexTemp, indexTarget, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.move(dataTemp, dataTarget, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
      finished = new ShardInfo(fileName, records.records(), HexFormat.of().formatHex(data.digest.digest()));
    }
    return finished;
  }

  /** Closes without publishing: for {@link #create}, the temporary files are deleted unless {@link #finish()} ran. */
  @Override
  public void close() throws IOException {
    if (finished != null) {
      return;
    }
    try {
      index.close();
      records.close();
    } finally {
      if (dataTemp != null) {
        Files.deleteIfExists(dataTemp);
        Files.deleteIfExists(indexTemp);
      }
    }
  }

  /** SHA-256 of a file's bytes as lower-case hex. */
  public static String sha256(Path file) throws IOException {
    MessageDigest md = newDigest();
    byte[] buf = new byte[1 << 16];
    try (var in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buf)) > 0) {
        md.update(buf, 0, n);
      }
    }
    return HexFormat.of().formatHex(md.digest());
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new UncheckedIOException(new IOException("SHA-256 unavailable", e));
    }
  }

  private static final class DigestingStream extends FilterOutputStream {
    final MessageDigest digest = newDigest();

    DigestingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      digest.update((byte) b);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      digest.update(b, off, len);
      out.write(b, off, len);
    }
  }
}
