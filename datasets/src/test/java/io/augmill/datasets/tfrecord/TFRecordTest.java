package io.augmill.datasets.tfrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TFRecordTest {

  @TempDir Path dir;

  private static byte[] frame(byte[]... payloads) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TFRecordWriter w = new TFRecordWriter(bytes)) {
      for (byte[] p : payloads) {
        w.write(p);
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void crc32cMatchesTheStandardCheckValueAndTensorFlowsMask() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
    crc.update(check);
    assertThat(crc.getValue()).isEqualTo(0xE3069283L);
    int raw = 0xE3069283;
    assertThat(MaskedCrc32c.of(check)).isEqualTo(((raw >>> 15) | (raw << 17)) + 0xa282ead8);
  }

  @Test
  void framesAsTensorFlowDoes() throws IOException {
    byte[] file = frame("abc".getBytes(StandardCharsets.US_ASCII));
    assertThat(file).hasSize(3 + 16);
    assertThat(Arrays.copyOf(file, 8)).containsExactly(3, 0, 0, 0, 0, 0, 0, 0);
    assertThat(TFRecordReader.getIntLe(file, 8)).isEqualTo(MaskedCrc32c.of(Arrays.copyOf(file, 8)));
    assertThat(new String(file, 12, 3, StandardCharsets.US_ASCII)).isEqualTo("abc");
    assertThat(TFRecordReader.getIntLe(file, 15)).isEqualTo(MaskedCrc32c.of("abc".getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void roundTripsRecordsIncludingEmptyOnes(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("a.tfrecord");
    Files.write(f, frame(new byte[0], "x".getBytes(StandardCharsets.US_ASCII), new byte[70000]));
    try (TFRecordReader r = TFRecordReader.open(f)) {
      assertThat(r.next()).isEmpty();
      assertThat(r.next()).containsExactly('x');
      assertThat(r.lastRecordOffset()).isEqualTo(16);
      assertThat(r.next()).hasSize(70000);
      assertThat(r.next()).isNull();
      assertThat(r.recordIndex()).isEqualTo(3);
    }
  }

  @Test
  void truncatedRecordNamesFileOffsetAndIndex() throws IOException {
    byte[] full = frame(new byte[10], new byte[20]);
    Path f = dir.resolve("t.tfrecord");
    Files.write(f, Arrays.copyOf(full, full.length - 5));
    try (TFRecordReader r = TFRecordReader.open(f)) {
      r.next();
      assertThatThrownBy(r::next).isInstanceOfSatisfying(TFRecordException.class, e -> {
        assertThat(e.reason()).isIn(TFRecordException.TRUNCATED, TFRecordException.LENGTH_TOO_LARGE);
        assertThat(e.offset()).isEqualTo(26);
        assertThat(e.recordIndex()).isEqualTo(1);
        assertThat(e.getMessage()).contains(f.toString()).contains("record 1").contains("byte offset 26");
      });
      assertThat(r.next()).isNull();
    }
  }

  @Test
  void truncatedStreamOfUnknownSizeIsReported() throws IOException {
    byte[] full = frame(new byte[100]);
    TFRecordReader r = new TFRecordReader(new ByteArrayInputStream(Arrays.copyOf(full, 60)), "s", 0, 0, -1,
        TFRecordReader.DEFAULT_MAX_RECORD_BYTES, true);
    assertThatThrownBy(r::next).isInstanceOfSatisfying(TFRecordException.class,
        e -> assertThat(e.reason()).isEqualTo(TFRecordException.TRUNCATED));
  }

  @Test
  void flippedPayloadByteIsACrcMismatchAndReadingContinues() throws IOException {
    byte[] file = frame("first".getBytes(StandardCharsets.US_ASCII), "second".getBytes(StandardCharsets.US_ASCII));
    file[12] ^= 1;
    Path f = dir.resolve("c.tfrecord");
    Files.write(f, file);
    try (TFRecordReader r = TFRecordReader.open(f)) {
      assertThatThrownBy(r::next).isInstanceOfSatisfying(TFRecordException.class, e -> {
        assertThat(e.reason()).isEqualTo(TFRecordException.DATA_CRC);
        assertThat(e.recordIndex()).isZero();
        assertThat(e.offset()).isZero();
        assertThat(e.recoverable()).isTrue();
      });
      assertThat(new String(r.next(), StandardCharsets.US_ASCII)).isEqualTo("second");
    }
  }

  @Test
  void flippedLengthByteIsALengthCrcMismatch() throws IOException {
    byte[] file = frame("first".getBytes(StandardCharsets.US_ASCII));
    file[0] ^= 0x40;
    Path f = dir.resolve("l.tfrecord");
    Files.write(f, file);
    try (TFRecordReader r = TFRecordReader.open(f)) {
      assertThatThrownBy(r::next).isInstanceOfSatisfying(TFRecordException.class,
          e -> assertThat(e.reason()).isEqualTo(TFRecordException.LENGTH_CRC));
    }
  }

  /** A header with a valid CRC whose length claims far more bytes than the file has. */
  private static byte[] hostileHeader(long length) {
    byte[] h = new byte[12];
    for (int i = 0; i < 8; i++) {
      h[i] = (byte) (length >>> (8 * i));
    }
    TFRecordWriter.putIntLe(h, 8, MaskedCrc32c.of(h, 0, 8));
    return h;
  }

  @Test
  void lengthPastTheEndOfTheFileIsRejectedWithoutAllocating() throws IOException {
    Path f = dir.resolve("h.tfrecord");
    Files.write(f, hostileHeader(Long.MAX_VALUE / 2));
    try (TFRecordReader r = TFRecordReader.open(f)) {
      assertThatThrownBy(r::next).isInstanceOfSatisfying(TFRecordException.class,
          e -> assertThat(e.reason()).isEqualTo(TFRecordException.LENGTH_TOO_LARGE));
    }
    Path g = dir.resolve("g.tfrecord");
    Files.write(g, hostileHeader(1_500_000_000L));
    try (TFRecordReader r = TFRecordReader.open(g)) {
      assertThatThrownBy(r::next).isInstanceOfSatisfying(TFRecordException.class,
          e -> assertThat(e.getMessage()).contains("points past the end").contains("length-too-large"));
    }
  }

  @Test
  void hugeLengthOnAStreamOfUnknownSizeEndsAsTruncatedWithoutHanging() throws IOException {
    byte[] header = hostileHeader(2_000_000_000L);
    byte[] data = Arrays.copyOf(header, 12 + 1000);
    InputStream slowEnd = new ByteArrayInputStream(data);
    TFRecordReader r = new TFRecordReader(slowEnd, "stream", 0, 0, -1, TFRecordReader.DEFAULT_MAX_RECORD_BYTES, true);
    assertThatThrownBy(r::next).isInstanceOfSatisfying(TFRecordException.class,
        e -> assertThat(e.reason()).isEqualTo(TFRecordException.TRUNCATED));
  }

  @Test
  void lengthAboveTheReadersLimitIsRejected() {
    byte[] data = Arrays.copyOf(hostileHeader(5000), 12 + 5004);
    TFRecordReader r = new TFRecordReader(new ByteArrayInputStream(data), "s", 0, 0, -1, 4096, true);
    assertThatThrownBy(r::next).isInstanceOfSatisfying(TFRecordException.class,
        e -> assertThat(e.reason()).isEqualTo(TFRecordException.LENGTH_TOO_LARGE));
  }
}
