package io.augmill.pipeline.image;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;

/**
 * Size, bit depth and channel count read from the first bytes of a PNG, JPEG or BMP file, without
 * decoding it. Used to reject decompression bombs and 16-bit images before the decoder allocates
 * their pixels.
 *
 * @param format {@code png}, {@code jpeg} or {@code bmp}
 * @param width pixels
 * @param height pixels
 * @param bitsPerSample bits per channel sample (8 for ordinary images; 16 for 16-bit PNG; 12 for 12-bit JPEG)
 */
public record ImageHeader(String format, long width, long height, int bitsPerSample) {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  /** Number of pixels the decoder would allocate. */
  public long pixelCount() {
    return width * height;
  }

  /** Reads the header, or empty when the bytes are not a PNG/JPEG/BMP this parser understands. */
  public static Optional<ImageHeader> probe(byte[] bytes) {
    try {
      if (startsWith(bytes, PNG_SIGNATURE)) {
        return png(bytes);
      }
      if (bytes.length >= 4 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8) {
        return jpeg(bytes);
      }
      if (bytes.length >= 30 && bytes[0] == 'B' && bytes[1] == 'M') {
        return bmp(bytes);
      }
    } catch (IndexOutOfBoundsException truncated) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static Optional<ImageHeader> png(byte[] b) {
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.BIG_ENDIAN);
    if (b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') {
      return Optional.empty();
    }
    long width = Integer.toUnsignedLong(buf.getInt(16));
    long height = Integer.toUnsignedLong(buf.getInt(20));
    int depth = b[24] & 0xff;
    return Optional.of(new ImageHeader("png", width, height, Math.max(depth, 8)));
  }

  private static Optional<ImageHeader> jpeg(byte[] b) {
    int i = 2;
    while (i + 3 < b.length) {
      if ((b[i] & 0xff) != 0xff) {
        return Optional.empty();
      }
      int marker = b[i + 1] & 0xff;
      if (marker == 0xff) {
        i++;
        continue;
      }
      if (marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01) {
        i += 2;
        continue;
      }
      int length = ((b[i + 2] & 0xff) << 8) | (b[i + 3] & 0xff);
      boolean startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
      if (startOfFrame) {
        int precision = b[i + 4] & 0xff;
        int height = ((b[i + 5] & 0xff) << 8) | (b[i + 6] & 0xff);
        int width = ((b[i + 7] & 0xff) << 8) | (b[i + 8] & 0xff);
        return Optional.of(new ImageHeader("jpeg", width, height, precision));
      }
      if (marker == 0xda || length < 2) {
        return Optional.empty();
      }
      i += 2 + length;
    }
    return Optional.empty();
  }

  private static Optional<ImageHeader> bmp(byte[] b) {
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int infoSize = buf.getInt(14);
    if (infoSize < 40) {
      return Optional.empty();
    }
    long width = Math.abs((long) buf.getInt(18));
    long height = Math.abs((long) buf.getInt(22));
    int bitCount = buf.getShort(28) & 0xffff;
    return Optional.of(new ImageHeader("bmp", width, height, bitCount > 32 ? 16 : 8));
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    if (b.length < prefix.length + 25) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
