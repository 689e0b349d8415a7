package io.augmill.ops.image;

import java.util.Arrays;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The PNG fast path, in plain Java. OpenCV's PNG codec sets up libpng and a fresh zlib stream for every
 * image, and zlib spends about 10 ns per byte: together about 20 µs to decode and 35 µs to encode a 32x32
 * RGB image, most of the per-image work of a CIFAR-size job. Here the (de)compression state is kept per
 * thread and reused.
 *
 * <ul>
 *   <li>Decoding (the JDK's {@link Inflater}, PNG row filters undone here) gives the pixels
 *       {@code imdecode} gives. Only plain streams take this path: 8-bit grey, RGB or RGBA, not interlaced,
 *       no transparency chunk or palette, every chunk's type and CRC right, one complete zlib stream with
 *       nothing after it and a window covering the image, IEND present, sides within libpng's limit and at
 *       most {@value #MAX_ROW_DATA} bytes of rows. Anything else returns {@code null} and goes to OpenCV,
 *       whose verdict (pixels, or an error) then stands.</li>
 *   <li>Encoding writes the Sub row filter (as OpenCV's fast default does) compressed by
 *       {@link ZlibCompressor}, in one IDAT chunk. Pixels are the same as with OpenCV's encoder, sizes within
 *       a few percent, the bytes are different (zlib's own algorithm only exists in zlib) and the same on every
 *       machine. Images over {@value #MAX_ROW_DATA} bytes of rows are left to OpenCV's encoder.</li>
 * </ul>
 *
 * <p>Choice: system property {@value #PROPERTY} = {@code auto} (default) or {@code opencv} (OpenCV for
 * every PNG, as before this path existed).
 */
final class PngCodec {

  /** The property that turns the fast path off ({@code opencv}). */
  static final String PROPERTY = "augmill.png";

  static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  private static final int IHDR = 0x49484452;
  private static final int IDAT = 0x49444154;
  private static final int IEND = 0x49454e44;
  private static final int TRNS = 0x74524e53;
  private static final int GREY = 0;
  private static final int RGB = 2;
  private static final int RGBA = 6;

  /** libpng's default limit on width and height (PNG_USER_WIDTH_MAX / PNG_USER_HEIGHT_MAX). */
  static final long MAX_SIDE = 1_000_000;
  /**
   * Largest image (filtered rows, in bytes) this path handles: it holds an image twice on the Java heap, so
   * bigger ones go to OpenCV, which allocates natively.
   */
  static final long MAX_ROW_DATA = 1L << 26;
  /** libpng (before 1.6.39) refuses any chunk but IDAT larger than this. */
  private static final int MAX_ANCILLARY = 8_000_000;
  /** Deflate cannot expand data by more than this factor; image data needing more is cut short. */
  private static final long MAX_EXPANSION = 1032;

  private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(Inflater::new);
  private static final ThreadLocal<ZlibCompressor> COMPRESSORS = ThreadLocal.withInitial(ZlibCompressor::new);
  private static final boolean ENABLED = choose(System.getProperty(PROPERTY, "auto"));

  private PngCodec() {}

  /** Whether PNGs go through this path in this JVM. */
  static boolean enabled() {
    return ENABLED;
  }

  /** Reads a value of {@link #PROPERTY}: whether to use this path at all. */
  static boolean choose(String choice) {
    return switch (choice.toLowerCase(Locale.ROOT)) {
      case "auto" -> true;
      case "opencv" -> false;
      default -> throw new IllegalStateException("-D" + PROPERTY + " must be auto or opencv, got '" + choice + "'");
    };
  }

  /** Whether {@code bytes} start with the PNG signature. */
  static boolean isPng(byte[] bytes) {
    return bytes.length >= SIGNATURE.length && Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
  }

  /**
   * Decodes a plain 8-bit grey, RGB or RGBA PNG to a grey or RGB Mat (alpha dropped), or returns null when
   * OpenCV should decode it.
   */
  static Mat decode(byte[] png) {
    Header header = Header.parse(png);
    if (header == null) {
      return null;
    }
    byte[] rows = inflate(png, header);
    if (rows == null || !unfilter(rows, header)) {
      return null;
    }
    boolean grey = header.colourType == GREY;
    Mat image = new Mat(header.height, header.width, grey ? CvType.CV_8UC1 : CvType.CV_8UC3);
    int outRow = header.width * (grey ? 1 : 3);
    byte[] pixels = new byte[outRow * header.height];
    int stride = header.rowBytes() + 1;
    for (int y = 0; y < header.height; y++) {
      int from = y * stride + 1;
      if (header.colourType == RGBA) {
        for (int x = 0, o = y * outRow; x < header.width; x++, o += 3, from += 4) {
          pixels[o] = rows[from];
          pixels[o + 1] = rows[from + 1];
          pixels[o + 2] = rows[from + 2];
        }
      } else {
        System.arraycopy(rows, from, pixels, y * outRow, outRow);
      }
    }
    image.put(0, 0, pixels);
    return image;
  }

  /** Whether {@link #encode} takes this image: sides up to libpng's limit, rows up to {@link #MAX_ROW_DATA}. */
  static boolean encodes(Mat image) {
    return image.cols() <= MAX_SIDE && image.rows() <= MAX_SIDE
        && ((long) image.cols() * image.channels() + 1) * image.rows() <= MAX_ROW_DATA;
  }

  /** Encodes an 8-bit grey or RGB Mat (any layout, regions included) as a PNG; only for images {@link #encodes} takes. */
  static byte[] encode(Mat image) {
    int channels = image.channels();
    int width = image.cols();
    int height = image.rows();
    int rowBytes = width * channels;
    byte[] pixels = new byte[rowBytes * height];
    image.get(0, 0, pixels);
    int stride = rowBytes + 1;
    byte[] rows = new byte[stride * height];
    for (int y = 0; y < height; y++) {
      int in = y * rowBytes;
      int out = y * stride;
      rows[out] = 1; // Sub: each byte minus the same channel of the pixel to its left
      System.arraycopy(pixels, in, rows, out + 1, Math.min(channels, rowBytes));
      for (int i = channels; i < rowBytes; i++) {
        rows[out + 1 + i] = (byte) (pixels[in + i] - pixels[in + i - channels]);
      }
    }
    byte[] idat = COMPRESSORS.get().compress(rows, rows.length);
    byte[] png = new byte[SIGNATURE.length + 12 + 13 + 12 + idat.length + 12];
    System.arraycopy(SIGNATURE, 0, png, 0, SIGNATURE.length);
    byte[] ihdr = new byte[13];
    putInt(ihdr, 0, width);
    putInt(ihdr, 4, height);
    ihdr[8] = 8;
    ihdr[9] = (byte) (channels == 1 ? GREY : RGB);
    int at = chunk(png, SIGNATURE.length, IHDR, ihdr, 0, ihdr.length);
    at = chunk(png, at, IDAT, idat, 0, idat.length);
    chunk(png, at, IEND, idat, 0, 0);
    return png;
  }

  private static int chunk(byte[] png, int at, int type, byte[] data, int from, int length) {
    putInt(png, at, length);
    putInt(png, at + 4, type);
    System.arraycopy(data, from, png, at + 8, length);
    CRC32 crc = new CRC32();
    crc.update(png, at + 4, length + 4);
    putInt(png, at + 8 + length, (int) crc.getValue());
    return at + 12 + length;
  }

  private static void putInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  private static int getInt(byte[] b, int at) {
    return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
  }

  /** Inflates the IDAT data into filtered rows; null unless it is exactly one complete zlib stream of the right size. */
  private static byte[] inflate(byte[] png, Header header) {
    long size = (long) (header.rowBytes() + 1) * header.height;
    int first = header.idatOffsets[0];
    if (size > MAX_EXPANSION * header.idatBytes() + 64 || header.idatLengths[0] < 2) {
      return null; // cut short (the first IDAT must hold the zlib header)
    }
    int cmf = png[first] & 0xff;
    int flags = png[first + 1] & 0xff;
    if ((cmf & 0x0f) != 8 || (cmf >>> 4) > 7 || (flags & 0x20) != 0
        || ((cmf >>> 4) < 7 && 1L << ((cmf >>> 4) + 8) < size)) {
      // Not deflate, a preset dictionary, or a declared window smaller than the image: libpng inflates with
      // the declared window and fails on a reference beyond it, where the JDK's 32 KB window would not.
      return null;
    }
    byte[] rows = new byte[(int) size];
    Inflater inflater = INFLATERS.get();
    inflater.reset();
    try {
      int filled = 0;
      byte[] spare = new byte[1];
      for (int c = 0; c < header.idatCount; c++) {
        inflater.setInput(png, header.idatOffsets[c], header.idatLengths[c]);
        while (!inflater.finished() && !inflater.needsInput()) {
          int n = filled < rows.length ? inflater.inflate(rows, filled, rows.length - filled) : inflater.inflate(spare);
          if (n == 0 && !inflater.finished() && !inflater.needsInput()) {
            return null; // a preset dictionary, or no progress
          }
          if (filled == rows.length && n > 0) {
            return null; // more data than the image holds
          }
          filled += n;
        }
        if (inflater.finished() && (inflater.getRemaining() > 0 || c < header.idatCount - 1)) {
          return null; // data after the end of the zlib stream
        }
      }
      return inflater.finished() && filled == rows.length ? rows : null;
    } catch (DataFormatException e) {
      return null;
    } finally {
      inflater.reset();
    }
  }

  /** Undoes the PNG row filters in place (the filter byte of each row is left as it was); false on a bad filter type. */
  private static boolean unfilter(byte[] rows, Header header) {
    int bpp = header.channels();
    int rowBytes = header.rowBytes();
    int stride = rowBytes + 1;
    for (int y = 0; y < header.height; y++) {
      int at = y * stride + 1;
      int up = at - stride;
      boolean first = y == 0;
      switch (rows[at - 1]) {
        case 0 -> { }
        case 1 -> {
          for (int i = bpp; i < rowBytes; i++) {
            rows[at + i] += rows[at + i - bpp];
          }
        }
        case 2 -> {
          if (!first) {
            for (int i = 0; i < rowBytes; i++) {
              rows[at + i] += rows[up + i];
            }
          }
        }
        case 3 -> {
          for (int i = 0; i < rowBytes; i++) {
            int left = i >= bpp ? rows[at + i - bpp] & 0xff : 0;
            int above = first ? 0 : rows[up + i] & 0xff;
            rows[at + i] += (byte) ((left + above) >>> 1);
          }
        }
        case 4 -> {
          for (int i = 0; i < rowBytes; i++) {
            int a = i >= bpp ? rows[at + i - bpp] & 0xff : 0;
            int b = first ? 0 : rows[up + i] & 0xff;
            int c = i >= bpp && !first ? rows[up + i - bpp] & 0xff : 0;
            rows[at + i] += (byte) paeth(a, b, c);
          }
        }
        default -> {
          return false;
        }
      }
    }
    return true;
  }

  private static int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a);
    int pb = Math.abs(p - b);
    int pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  }

  /** The IHDR fields and IDAT positions of a stream this path can decode. */
  private static final class Header {
    int width;
    int height;
    int colourType;
    int idatCount;
    int[] idatOffsets = new int[4];
    int[] idatLengths = new int[4];

    int channels() {
      return colourType == GREY ? 1 : colourType == RGB ? 3 : 4;
    }

    int rowBytes() {
      return width * channels();
    }

    /** Null unless every chunk is whole with a right CRC, the image is plain (see class doc), and IEND ends it. */
    static Header parse(byte[] png) {
      if (!isPng(png)) {
        return null;
      }
      Header h = new Header();
      CRC32 crc = new CRC32();
      int at = SIGNATURE.length;
      boolean afterIdat = false;
      while (true) {
        if (png.length - at < 12) {
          return null;
        }
        int length = getInt(png, at);
        int type = getInt(png, at + 4);
        if (length < 0 || length > png.length - at - 12) {
          return null;
        }
        crc.reset();
        crc.update(png, at + 4, length + 4);
        if ((int) crc.getValue() != getInt(png, at + 8 + length)) {
          return null;
        }
        boolean first = at == SIGNATURE.length;
        if (first != (type == IHDR)) {
          return null;
        }
        if (type == IHDR) {
          if (length != 13 || !h.readIhdr(png, at + 8)) {
            return null;
          }
        } else if (type == IDAT) {
          if (afterIdat) {
            return null;
          }
          h.addIdat(at + 8, length);
        } else if (type == IEND) {
          return length == 0 && h.idatCount > 0 ? h : null;
        } else if (type == TRNS || (png[at + 4] & 0x20) == 0 || !letters(png, at + 4) || length > MAX_ANCILLARY) {
          // Transparency adds an alpha channel in OpenCV; other critical chunks (PLTE, unknown), malformed types
          // and oversized chunks are libpng's call.
          return null;
        }
        afterIdat |= h.idatCount > 0 && type != IDAT;
        at += 12 + length;
      }
    }

    private boolean readIhdr(byte[] png, int at) {
      width = getInt(png, at);
      height = getInt(png, at + 4);
      colourType = png[at + 9];
      boolean plain = png[at + 8] == 8 && (colourType == GREY || colourType == RGB || colourType == RGBA)
          && png[at + 10] == 0 && png[at + 11] == 0 && png[at + 12] == 0;
      return plain && width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE
          && (long) (rowBytes() + 1) * height <= MAX_ROW_DATA;
    }

    long idatBytes() {
      long total = 0;
      for (int c = 0; c < idatCount; c++) {
        total += idatLengths[c];
      }
      return total;
    }

    private static boolean letters(byte[] png, int at) {
      for (int i = at; i < at + 4; i++) {
        int c = png[i] | 0x20;
        if (c < 'a' || c > 'z') {
          return false;
        }
      }
      return true;
    }

    private void addIdat(int offset, int length) {
      if (idatCount == idatOffsets.length) {
        idatOffsets = Arrays.copyOf(idatOffsets, idatCount * 2);
        idatLengths = Arrays.copyOf(idatLengths, idatCount * 2);
      }
      idatOffsets[idatCount] = offset;
      idatLengths[idatCount++] = length;
    }
  }
}
