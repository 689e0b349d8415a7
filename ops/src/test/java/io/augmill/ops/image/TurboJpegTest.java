package io.augmill.ops.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.ops.testing.TestImages;
import java.io.InputStream;
import java.util.Arrays;
import java.util.stream.Stream;
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
 * The TurboJPEG fast path must be indistinguishable from OpenCV's codec: same encoded bytes, same
 * decoded pixels, and OpenCV's own behaviour for every stream it hands back. The test environment has
 * libturbojpeg installed (Debian: libturbojpeg0; .ci/run installs it), so the fast path is on here.
 */
class TurboJpegTest {

  @BeforeAll
  static void libraryIsInstalled() {
    OpenCv.load();
    assertThat(TurboJpeg.enabled())
        .as("libturbojpeg must be installed for the test suite (Debian: apt-get install libturbojpeg0): "
            + TurboJpeg.loadFailure())
        .isTrue();
    assertThat(ImageCodec.jpegCodec()).isEqualTo("turbojpeg");
  }

  @Test
  void thePropertyPicksTheCodec() {
    assertThat(TurboJpeg.choose("opencv")).isFalse();
    assertThat(TurboJpeg.choose("auto")).isTrue();
    assertThat(TurboJpeg.choose("TurboJPEG")).isTrue();
    assertThatThrownBy(() -> TurboJpeg.choose("libjpeg"))
        .hasMessage("-Daugmill.jpeg must be auto, opencv or turbojpeg, got 'libjpeg'");
  }

  static Stream<Arguments> images() {
    return Stream.of(
        Arguments.of("1x1 rgb", TestImages.noise(1, 1, 3, 1)),
        Arguments.of("17x9 chart", TestImages.chart(17, 9)),
        Arguments.of("33x31 noise", TestImages.noise(33, 31, 3, 2)),
        Arguments.of("224x224 noise", TestImages.noise(224, 224, 3, 3)),
        Arguments.of("500x375 chart", TestImages.chart(500, 375)),
        Arguments.of("1x1 grey", TestImages.noise(1, 1, 1, 4)),
        Arguments.of("19x23 grey", TestImages.grey(19, 23)),
        Arguments.of("65x47 grey noise", TestImages.noise(65, 47, 1, 5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("images")
  void encodesTheBytesOpenCvWrites(String name, Mat image) {
    for (int quality : new int[] {1, 50, 75, 90, 95, 96, 100}) {
      assertThat(TurboJpeg.encode(image, quality)).as("quality %d", quality).isEqualTo(openCvEncode(image, quality));
      assertThat(ImageCodec.encode(image, ImageCodec.Format.JPEG, quality)).isEqualTo(openCvEncode(image, quality));
    }
  }

  @Test
  void encodesARegionOfALargerImage() {
    Mat whole = TestImages.noise(80, 60, 3, 6);
    Mat region = whole.submat(new Rect(7, 5, 41, 29));
    assertThat(region.isContinuous()).isFalse();
    assertThat(TurboJpeg.encode(region, 90)).isEqualTo(openCvEncode(region.clone(), 90));
  }

  /** Streams in every chroma layout and coding mode OpenCV writes, decoded by both. */
  static Stream<Arguments> streams() {
    Mat colour = TestImages.noise(67, 45, 3, 7);
    Mat chart = TestImages.chart(123, 77);
    return Stream.of(
        Arguments.of("4:2:0", openCvEncode(colour, 90, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_420)),
        Arguments.of("4:2:2", openCvEncode(chart, 85, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_422)),
        Arguments.of("4:4:0", openCvEncode(colour, 85, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_440)),
        Arguments.of("4:4:4", openCvEncode(chart, 95, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_444)),
        Arguments.of("4:1:1", openCvEncode(colour, 80, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR, Imgcodecs.IMWRITE_JPEG_SAMPLING_FACTOR_411)),
        Arguments.of("progressive", openCvEncode(chart, 90, Imgcodecs.IMWRITE_JPEG_PROGRESSIVE, 1)),
        Arguments.of("optimised Huffman", openCvEncode(colour, 70, Imgcodecs.IMWRITE_JPEG_OPTIMIZE, 1)),
        Arguments.of("restart markers", openCvEncode(chart, 90, Imgcodecs.IMWRITE_JPEG_RST_INTERVAL, 3)),
        Arguments.of("grey", openCvEncode(TestImages.noise(41, 39, 1, 8), 90)),
        Arguments.of("grey progressive", openCvEncode(TestImages.grey(30, 20), 60, Imgcodecs.IMWRITE_JPEG_PROGRESSIVE, 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("streams")
  void decodesThePixelsOpenCvReads(String name, byte[] jpeg) {
    Mat fast = TurboJpeg.decode(jpeg);
    assertThat(fast).as("fast path taken").isNotNull();
    Mat reference = openCvDecode(jpeg);
    assertThat(fast.type()).isEqualTo(reference.type());
    assertThat(fast.size()).isEqualTo(reference.size());
    assertThat(TestImages.pixels(fast)).isEqualTo(TestImages.pixels(reference));
    assertThat(TestImages.pixels(ImageCodec.decode(jpeg, name))).isEqualTo(TestImages.pixels(reference));
  }

  @ParameterizedTest(name = "truncated to {0} bytes of 100")
  @ValueSource(ints = {20, 50, 90, 99})
  void truncatedStreamsGetOpenCvsPartialDecode(int percent) {
    byte[] whole = openCvEncode(TestImages.noise(96, 64, 3, 9), 90);
    byte[] cut = Arrays.copyOf(whole, whole.length * percent / 100);
    assertThat(TurboJpeg.decode(cut)).as("warnings leave the stream to OpenCV").isNull();
    Mat reference = Imgcodecs.imdecode(new MatOfByte(cut), Imgcodecs.IMREAD_UNCHANGED);
    if (reference.empty()) {
      assertThatThrownBy(() -> ImageCodec.decode(cut, "cut.jpg")).isInstanceOf(UnsupportedImageException.class);
    } else {
      // Rows past the data OpenCV's decoder leaves as they were allocated (uninitialised memory, which differs
      // from one decode to the next), so only the image's shape is OpenCV's to compare.
      Mat decoded = ImageCodec.decode(cut, "cut.jpg");
      Mat expected = toRgb(reference);
      assertThat(decoded.type()).isEqualTo(expected.type());
      assertThat(decoded.size()).isEqualTo(expected.size());
    }
  }

  @Test
  void cmykIsLeftToOpenCv() throws Exception {
    byte[] cmyk;
    try (InputStream in = TurboJpegTest.class.getResourceAsStream("/jpeg/cmyk-9x7.jpg")) {
      cmyk = in.readAllBytes();
    }
    assertThat(TurboJpeg.decode(cmyk)).isNull();
    Mat viaCodec = ImageCodec.decode(cmyk, "cmyk.jpg");
    assertThat(viaCodec.type()).isEqualTo(CvType.CV_8UC3);
    assertThat(TestImages.pixels(viaCodec)).isEqualTo(TestImages.pixels(openCvDecode(cmyk)));
  }

  @Test
  void garbageAfterTheMarkerIsUndecodable() {
    byte[] junk = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3, 4, 5, 6, 7};
    assertThat(TurboJpeg.isJpeg(junk)).isTrue();
    assertThat(TurboJpeg.decode(junk)).isNull();
    assertThatThrownBy(() -> ImageCodec.decode(junk, "junk.jpg"))
        .isInstanceOfSatisfying(UnsupportedImageException.class, e -> assertThat(e.reason()).isEqualTo("undecodable"))
        .hasMessageContaining("junk.jpg");
    assertThat(TurboJpeg.isJpeg(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isFalse();
  }

  @Test
  void handlesAreKeptPerThread() throws Exception {
    Mat image = TestImages.noise(48, 32, 3, 10);
    byte[] expected = openCvEncode(image, 90);
    Mat decodedExpected = openCvDecode(expected);
    Thread[] threads = new Thread[4];
    Throwable[] failures = new Throwable[threads.length];
    for (int t = 0; t < threads.length; t++) {
      int index = t;
      threads[t] = new Thread(() -> {
        try {
          for (int i = 0; i < 200; i++) {
            assertThat(TurboJpeg.encode(image, 90)).isEqualTo(expected);
            assertThat(TestImages.pixels(TurboJpeg.decode(expected))).isEqualTo(TestImages.pixels(decodedExpected));
          }
        } catch (Throwable e) {
          failures[index] = e;
        }
      });
      threads[t].start();
    }
    for (Thread t : threads) {
      t.join();
    }
    assertThat(failures).containsOnlyNulls();
  }

  private static byte[] openCvEncode(Mat image, int quality, int... extra) {
    Mat bgr = image;
    if (image.channels() == 3) {
      bgr = new Mat();
      Imgproc.cvtColor(image, bgr, Imgproc.COLOR_RGB2BGR);
    }
    int[] params = new int[2 + extra.length];
    params[0] = Imgcodecs.IMWRITE_JPEG_QUALITY;
    params[1] = quality;
    System.arraycopy(extra, 0, params, 2, extra.length);
    MatOfByte out = new MatOfByte();
    assertThat(Imgcodecs.imencode(".jpg", bgr, out, new MatOfInt(params))).isTrue();
    return out.toArray();
  }

  private static Mat openCvDecode(byte[] jpeg) {
    Mat raw = Imgcodecs.imdecode(new MatOfByte(jpeg), Imgcodecs.IMREAD_UNCHANGED);
    assertThat(raw.empty()).isFalse();
    return toRgb(raw);
  }

  private static Mat toRgb(Mat raw) {
    if (raw.channels() == 1) {
      return raw;
    }
    Mat rgb = new Mat();
    Imgproc.cvtColor(raw, rgb, raw.channels() == 4 ? Imgproc.COLOR_BGRA2RGB : Imgproc.COLOR_BGR2RGB);
    return rgb;
  }
}
