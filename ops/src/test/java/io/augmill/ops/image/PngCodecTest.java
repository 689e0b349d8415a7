package io.augmill.ops.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.ops.testing.TestImages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Rect;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * The PNG fast path must not change what users get: PNGs it writes decode (by OpenCV) to the input
 * pixels, PNGs it reads give OpenCV's pixels, and every stream it does not fully understand goes to
 * OpenCV, whose verdict then stands.
 */
class PngCodecTest {

  @BeforeAll
  static void loadOpenCv() {
    OpenCv.load();
    assertThat(PngCodec.enabled()).isTrue();
  }

  @Test
  void thePropertyPicksThePath() {
    assertThat(PngCodec.choose("auto")).isTrue();
    assertThat(PngCodec.choose("OpenCV")).isFalse();
    assertThatThrownBy(() -> PngCodec.choose("libpng")).hasMessage("-Daugmill.png must be auto or opencv, got 'libpng'");
  }

  static Stream<Arguments> images() {
    Mat large = TestImages.noise(80, 60, 3, 6);
    return Stream.of(
        Arguments.of("1x1 rgb", TestImages.noise(1, 1, 3, 1)),
        Arguments.of("1x7 rgb", TestImages.noise(1, 7, 3, 2)),
        Arguments.of("7x1 rgb", TestImages.noise(7, 1, 3, 3)),
        Arguments.of("17x9 chart", TestImages.chart(17, 9)),
        Arguments.of("32x32 noise", TestImages.noise(32, 32, 3, 4)),
        Arguments.of("500x375 chart", TestImages.chart(500, 375)),
        Arguments.of("1x1 grey", TestImages.noise(1, 1, 1, 5)),
        Arguments.of("19x23 grey", TestImages.grey(19, 23)),
        Arguments.of("300x200 grey noise", TestImages.noise(300, 200, 1, 7)),
        Arguments.of("41x29 region of a larger image", large.submat(new Rect(7, 5, 41, 29))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("images")
  void writesPngsOpenCvDecodesToTheSamePixels(String name, Mat image) {
    byte[] png = PngCodec.encode(image);
    assertThat(ImageCodec.encode(image, ImageCodec.Format.PNG, 95)).isEqualTo(png);
    assertThat(TestImages.pixels(openCvDecode(png))).isEqualTo(TestImages.pixels(image));
    assertThat(TestImages.pixels(PngCodec.decode(png))).isEqualTo(TestImages.pixels(image));
  }

  @Test
  void writesPngsAboutAsSmallAsOpenCvs() {
    long ours = 0;
    long openCv = 0;
    for (int seed = 0; seed < 20; seed++) {
      Mat image = smoothNoise(32, 32, seed);
      ours += PngCodec.encode(image).length;
      openCv += openCvEncode(image, new MatOfInt()).length;
    }
    assertThat((double) ours / openCv).isBetween(0.9, 1.03);
  }

  /** Streams OpenCV writes at every compression level and strategy, which between them use all five row filters. */
  static Stream<Arguments> openCvStreams() {
    List<Arguments> cases = new ArrayList<>();
    Mat rgb = smoothNoise(45, 33, 1);
    Mat grey = TestImages.noise(31, 17, 1, 2);
    Mat bgra = new Mat();
    Imgproc.cvtColor(rgb, bgra, Imgproc.COLOR_RGB2BGRA);
    for (int level = 0; level <= 9; level++) {
      for (int strategy : new int[] {Imgcodecs.IMWRITE_PNG_STRATEGY_DEFAULT, Imgcodecs.IMWRITE_PNG_STRATEGY_FILTERED,
          Imgcodecs.IMWRITE_PNG_STRATEGY_RLE, Imgcodecs.IMWRITE_PNG_STRATEGY_FIXED}) {
        MatOfInt params = new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, level, Imgcodecs.IMWRITE_PNG_STRATEGY, strategy);
        String label = "level " + level + " strategy " + strategy;
        cases.add(Arguments.of("rgb " + label, openCvEncode(rgb, params)));
        cases.add(Arguments.of("grey " + label, openCvEncode(grey, params)));
        MatOfByte rgba = new MatOfByte();
        Imgcodecs.imencode(".png", bgra, rgba, params);
        cases.add(Arguments.of("rgba " + label, rgba.toArray()));
      }
    }
    cases.add(Arguments.of("rgb defaults", openCvEncode(rgb, new MatOfInt())));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("openCvStreams")
  void readsOpenCvsPngsToOpenCvsPixels(String name, byte[] png) {
    Mat decoded = PngCodec.decode(png);
    assertThat(decoded).as("taken by the fast path").isNotNull();
    assertThat(TestImages.pixels(decoded)).isEqualTo(TestImages.pixels(openCvDecode(png)));
  }

  @ParameterizedTest(name = "filter {0}")
  @ValueSource(ints = {0, 1, 2, 3, 4, -1})
  void undoesEveryRowFilterAsOpenCvDoes(int filter) {
    for (int channels : new int[] {1, 3, 4}) {
      byte[] pixels = new byte[23 * 11 * channels];
      new Random(filter + 10L * channels).nextBytes(pixels);
      int[] filters = new int[11];
      for (int y = 0; y < filters.length; y++) {
        filters[y] = filter >= 0 ? filter : y % 5; // -1: a different filter on each row
      }
      byte[] png = png(23, 11, channels, filters, pixels, List.of());
      Mat decoded = PngCodec.decode(png);
      assertThat(decoded).as("%d channels", channels).isNotNull();
      assertThat(TestImages.pixels(decoded)).as("%d channels", channels).isEqualTo(TestImages.pixels(openCvDecode(png)));
    }
  }

  @Test
  void skipsAncillaryChunksAndJoinsSplitImageData() {
    byte[] pixels = new byte[20 * 10 * 3];
    new Random(5).nextBytes(pixels);
    byte[] png = png(20, 10, 3, new int[10], pixels, List.of(
        chunk("gAMA", new byte[] {0, 0, (byte) 0xb1, (byte) 0x8f}),
        chunk("tEXt", "Comment\0made by a test".getBytes(StandardCharsets.ISO_8859_1))));
    byte[] split = splitImageData(png, 7);
    for (byte[] stream : List.of(png, split)) {
      Mat decoded = PngCodec.decode(stream);
      assertThat(decoded).isNotNull();
      assertThat(TestImages.pixels(decoded)).isEqualTo(TestImages.pixels(openCvDecode(stream)));
    }
  }

  /** Streams the fast path hands to OpenCV, each with how it was made. */
  static Stream<Arguments> handedToOpenCv() {
    byte[] pixels = new byte[12 * 8 * 3];
    new Random(9).nextBytes(pixels);
    byte[] good = png(12, 8, 3, new int[8], pixels, List.of());
    int idat = indexOf(good, "IDAT") - 4;
    int idatLength = readInt(good, idat);
    int iend = indexOf(good, "IEND") - 4;
    Mat deep = new Mat(4, 4, CvType.CV_16UC3);
    byte[] zlibTail = withIdatPayload(good, concat(idatPayload(good), new byte[] {3, 0}));
    return Stream.of(
        Arguments.of("16-bit", openCvEncode(deep, new MatOfInt())),
        Arguments.of("interlaced", withHeaderByte(good, 12, (byte) 1)),
        Arguments.of("grey with alpha", png(12, 8, 2, new int[8], Arrays.copyOf(pixels, 12 * 8 * 2), List.of(), 4)),
        Arguments.of("palette", insertBefore(withHeaderByte(png(12, 8, 1, new int[8], new byte[96], List.of()), 9, (byte) 3),
            "IDAT", chunk("PLTE", new byte[] {1, 2, 3}))),
        Arguments.of("transparency chunk", insertBefore(good, "IDAT", chunk("tRNS", new byte[] {0, 1, 0, 2, 0, 3}))),
        Arguments.of("unknown critical chunk", insertBefore(good, "IDAT", chunk("ABCD", new byte[] {1}))),
        Arguments.of("image data CRC wrong", flip(good, idat + 8 + idatLength)),
        Arguments.of("ancillary chunk CRC wrong", flip(insertBefore(good, "IDAT", chunk("tEXt", "a\0b".getBytes(StandardCharsets.ISO_8859_1))), idat + 8 + 3)),
        Arguments.of("cut inside the image data", Arrays.copyOf(good, idat + 8 + idatLength / 2)),
        Arguments.of("no IEND", Arrays.copyOf(good, iend)),
        Arguments.of("bytes after the zlib stream", zlibTail),
        Arguments.of("image data after another chunk", insertBefore(splitImageData(good, 40), "IEND",
            new byte[0], "tEXt")),
        Arguments.of("too few rows", withIdatPayload(good, zlib(Arrays.copyOf(rows(12, 8, 3, new int[8], pixels), 37 * 7)))),
        Arguments.of("too many rows", withIdatPayload(good, zlib(Arrays.copyOf(rows(12, 8, 3, new int[8], pixels), 37 * 9)))),
        Arguments.of("unknown filter type", png(12, 8, 3, new int[] {0, 0, 5, 0, 0, 0, 0, 0}, pixels, List.of())),
        Arguments.of("not a PNG", "GIF89a".getBytes(StandardCharsets.US_ASCII)),
        Arguments.of("zlib window smaller than the image", withZlibHeader(good, 0x08, 0x1d)),
        Arguments.of("preset dictionary flag", withZlibHeader(good, 0x78, 0x20)),
        Arguments.of("chunk type not all letters", insertBefore(good, "IDAT", chunk("t1Xt", new byte[] {1}))),
        Arguments.of("side over libpng's limit", png(1_000_001, 1, 1, new int[1], new byte[1_000_001], List.of())),
        Arguments.of("large header, little image data", withSize(good, 2000, 2000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("handedToOpenCv")
  void leavesUnusualStreamsToOpenCv(String name, byte[] png) {
    assertThat(PngCodec.decode(png)).isNull();
    Mat reference = Imgcodecs.imdecode(new MatOfByte(png), Imgcodecs.IMREAD_UNCHANGED);
    if (reference.empty() || reference.depth() != CvType.CV_8U) {
      assertThatThrownBy(() -> ImageCodec.decode(png, name)).isInstanceOf(UnsupportedImageException.class);
    } else {
      assertThat(TestImages.pixels(ImageCodec.decode(png, name))).isEqualTo(TestImages.pixels(openCvDecode(png)));
    }
  }

  @Test
  void leavesImagesOverItsLimitsToOpenCvsEncoder() {
    assertThat(PngCodec.encodes(new Mat(1000, 1000, CvType.CV_8UC3))).isTrue();
    assertThat(PngCodec.encodes(new Mat(1, (int) PngCodec.MAX_SIDE + 1, CvType.CV_8UC1))).as("wider than libpng allows").isFalse();
    assertThat(PngCodec.encodes(new Mat(5000, 5000, CvType.CV_8UC3))).as("over the row-data limit").isFalse();
    Mat wide = new Mat(3, 20_000, CvType.CV_8UC1, new org.opencv.core.Scalar(7));
    assertThat(TestImages.pixels(openCvDecode(ImageCodec.encode(wide, ImageCodec.Format.PNG, 95))))
        .isEqualTo(TestImages.pixels(wide));
  }

  @Test
  void threadsDoNotShareState() throws Exception {
    List<Mat> images = new ArrayList<>();
    for (int seed = 0; seed < 24; seed++) {
      images.add(seed % 3 == 0 ? TestImages.noise(20 + seed, 10 + seed, 1, seed) : smoothNoise(16 + seed, 40 - seed, seed));
    }
    List<byte[]> expected = images.stream().map(PngCodec::encode).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        results.add(pool.submit(() -> {
          boolean same = true;
          for (int round = 0; round < 20; round++) {
            for (int k = 0; k < images.size(); k++) {
              int i = (k + offset * 5) % images.size();
              byte[] png = PngCodec.encode(images.get(i));
              same &= Arrays.equals(png, expected.get(i))
                  && Arrays.equals(TestImages.pixels(PngCodec.decode(png)), TestImages.pixels(images.get(i)));
            }
          }
          return same;
        }));
      }
      for (Future<Boolean> r : results) {
        assertThat(r.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }

  // ---- helpers ----

  /** A smooth RGB image with noise, like a small photo. */
  static Mat smoothNoise(int width, int height, long seed) {
    Random rng = new Random(seed);
    byte[] px = new byte[width * height * 3];
    double gx = rng.nextDouble() * 4;
    double gy = rng.nextDouble() * 4;
    for (int i = 0; i < px.length; i++) {
      int x = i / 3 % width;
      int y = i / 3 / width;
      px[i] = (byte) Math.max(0, Math.min(255, 60 + (i % 3) * 40 + gx * x + gy * y + rng.nextGaussian() * 10));
    }
    return TestImages.fromPixels(px, width, height, 3);
  }

  /** OpenCV's decode, converted to grey or RGB like ImageCodec's result. */
  private static Mat openCvDecode(byte[] png) {
    Mat raw = Imgcodecs.imdecode(new MatOfByte(png), Imgcodecs.IMREAD_UNCHANGED);
    assertThat(raw.empty()).as("OpenCV decodes it").isFalse();
    Mat out = new Mat();
    switch (raw.channels()) {
      case 1 -> raw.copyTo(out);
      case 3 -> Imgproc.cvtColor(raw, out, Imgproc.COLOR_BGR2RGB);
      default -> Imgproc.cvtColor(raw, out, Imgproc.COLOR_BGRA2RGB);
    }
    return out;
  }

  private static byte[] openCvEncode(Mat image, MatOfInt params) {
    Mat bgr = image;
    if (image.channels() == 3) {
      bgr = new Mat();
      Imgproc.cvtColor(image, bgr, Imgproc.COLOR_RGB2BGR);
    }
    MatOfByte out = new MatOfByte();
    assertThat(Imgcodecs.imencode(".png", bgr, out, params)).isTrue();
    return out.toArray();
  }

  private static byte[] png(int width, int height, int channels, int[] filters, byte[] pixels, List<byte[]> ancillary) {
    int colourType = channels == 1 ? 0 : channels == 3 ? 2 : 6;
    return png(width, height, channels, filters, pixels, ancillary, colourType);
  }

  /** A PNG with the given filter on each row, compressed by the JDK's zlib. */
  private static byte[] png(int width, int height, int channels, int[] filters, byte[] pixels, List<byte[]> ancillary,
      int colourType) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(PngCodec.SIGNATURE);
    byte[] ihdr = new byte[13];
    writeInt(ihdr, 0, width);
    writeInt(ihdr, 4, height);
    ihdr[8] = 8;
    ihdr[9] = (byte) colourType;
    out.writeBytes(chunk("IHDR", ihdr));
    ancillary.forEach(out::writeBytes);
    out.writeBytes(chunk("IDAT", zlib(rows(width, height, channels, filters, pixels))));
    out.writeBytes(chunk("IEND", new byte[0]));
    return out.toByteArray();
  }

  /** Filtered rows: each row's filter byte, then its bytes filtered as PNG defines. */
  private static byte[] rows(int width, int height, int channels, int[] filters, byte[] pixels) {
    int rowBytes = width * channels;
    byte[] rows = new byte[(rowBytes + 1) * height];
    for (int y = 0; y < height; y++) {
      int f = filters[y];
      rows[y * (rowBytes + 1)] = (byte) f;
      for (int i = 0; i < rowBytes; i++) {
        int x = pixels[y * rowBytes + i] & 0xff;
        int a = i >= channels ? pixels[y * rowBytes + i - channels] & 0xff : 0;
        int b = y > 0 ? pixels[(y - 1) * rowBytes + i] & 0xff : 0;
        int c = y > 0 && i >= channels ? pixels[(y - 1) * rowBytes + i - channels] & 0xff : 0;
        int predictor = switch (f) {
          case 1 -> a;
          case 2 -> b;
          case 3 -> (a + b) / 2;
          case 4 -> paeth(a, b, c);
          default -> 0;
        };
        rows[y * (rowBytes + 1) + 1 + i] = (byte) (x - predictor);
      }
    }
    return rows;
  }

  private static int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a);
    int pb = Math.abs(p - b);
    int pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  }

  private static byte[] zlib(byte[] data) {
    Deflater deflater = new Deflater(6);
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[4096];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  private static byte[] chunk(String type, byte[] data) {
    byte[] c = new byte[12 + data.length];
    writeInt(c, 0, data.length);
    System.arraycopy(type.getBytes(StandardCharsets.US_ASCII), 0, c, 4, 4);
    System.arraycopy(data, 0, c, 8, data.length);
    CRC32 crc = new CRC32();
    crc.update(c, 4, 4 + data.length);
    writeInt(c, 8 + data.length, (int) crc.getValue());
    return c;
  }

  /** The stream with its one IDAT chunk cut into chunks of {@code size} bytes. */
  private static byte[] splitImageData(byte[] png, int size) {
    byte[] payload = idatPayload(png);
    ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    for (int from = 0; from < payload.length; from += size) {
      chunks.writeBytes(chunk("IDAT", Arrays.copyOfRange(payload, from, Math.min(payload.length, from + size))));
    }
    return replaceIdat(png, chunks.toByteArray());
  }

  private static byte[] withIdatPayload(byte[] png, byte[] payload) {
    return replaceIdat(png, chunk("IDAT", payload));
  }

  private static byte[] idatPayload(byte[] png) {
    int at = indexOf(png, "IDAT") - 4;
    return Arrays.copyOfRange(png, at + 8, at + 8 + readInt(png, at));
  }

  private static byte[] replaceIdat(byte[] png, byte[] chunks) {
    int at = indexOf(png, "IDAT") - 4;
    int end = at + 12 + readInt(png, at);
    return concat(Arrays.copyOf(png, at), chunks, Arrays.copyOfRange(png, end, png.length));
  }

  /**
   * Inserts {@code chunk} before the first chunk of type {@code type}; with {@code again} given, also moves
   * the last IDAT chunk after a new empty chunk of that type (image data that does not follow on).
   */
  private static byte[] insertBefore(byte[] png, String type, byte[] chunk, String... again) {
    if (again.length > 0) {
      int lastIdat = lastIndexOf(png, "IDAT") - 4;
      int end = lastIdat + 12 + readInt(png, lastIdat);
      byte[] moved = Arrays.copyOfRange(png, lastIdat, end);
      byte[] without = concat(Arrays.copyOf(png, lastIdat), Arrays.copyOfRange(png, end, png.length));
      return insertBefore(without, type, concat(chunk(again[0], "x\0y".getBytes(StandardCharsets.ISO_8859_1)), moved));
    }
    int at = indexOf(png, type) - 4;
    return concat(Arrays.copyOf(png, at), chunk, Arrays.copyOfRange(png, at, png.length));
  }

  /** The stream with IHDR's byte {@code index} (0 = first byte of the width) set, CRC recomputed. */
  private static byte[] withHeaderByte(byte[] png, int index, byte value) {
    byte[] ihdr = Arrays.copyOfRange(png, 16, 29);
    ihdr[index] = value;
    return concat(Arrays.copyOf(png, 8), chunk("IHDR", ihdr), Arrays.copyOfRange(png, 33, png.length));
  }

  private static byte[] withZlibHeader(byte[] png, int cmf, int flags) {
    byte[] payload = idatPayload(png);
    payload[0] = (byte) cmf;
    payload[1] = (byte) flags;
    return withIdatPayload(png, payload);
  }

  private static byte[] withSize(byte[] png, int width, int height) {
    byte[] out = png;
    for (int i = 0; i < 4; i++) {
      out = withHeaderByte(out, i, (byte) (width >>> (24 - 8 * i)));
      out = withHeaderByte(out, 4 + i, (byte) (height >>> (24 - 8 * i)));
    }
    return out;
  }

  private static byte[] flip(byte[] png, int at) {
    byte[] copy = png.clone();
    copy[at] ^= 0x55;
    return copy;
  }

  private static int indexOf(byte[] png, String type) {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    for (int i = 8; i + 4 <= png.length; i++) {
      if (Arrays.equals(png, i, i + 4, t, 0, 4)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no " + type + " chunk");
  }

  private static int lastIndexOf(byte[] png, String type) {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    for (int i = png.length - 4; i >= 8; i--) {
      if (Arrays.equals(png, i, i + 4, t, 0, 4)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no " + type + " chunk");
  }

  private static int readInt(byte[] b, int at) {
    return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
  }

  private static void writeInt(byte[] b, int at, int v) {
    b[at] = (byte) (v >>> 24);
    b[at + 1] = (byte) (v >>> 16);
    b[at + 2] = (byte) (v >>> 8);
    b[at + 3] = (byte) v;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
