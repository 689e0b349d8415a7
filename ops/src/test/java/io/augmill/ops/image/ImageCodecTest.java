package io.augmill.ops.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.ops.testing.TestImages;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

class ImageCodecTest {

  @TempDir
  Path tmp;

  @Test
  void pngRoundTripKeepsRgbOrderAndPixels() throws Exception {
    Mat chart = TestImages.chart(17, 9);
    Path file = tmp.resolve("c.png");
    ImageCodec.write(file, chart);
    Mat back = ImageCodec.read(file);
    assertThat(TestImages.pixels(back)).isEqualTo(TestImages.pixels(chart));
    // Pure red in RGB order must come back as R=255 in channel 0 when read by OpenCV as BGR.
    Mat red = new Mat(2, 2, CvType.CV_8UC3, new Scalar(255, 0, 0));
    byte[] png = ImageCodec.encode(red, ImageCodec.Format.PNG, 95);
    Mat bgr = Imgcodecs.imdecode(new MatOfByte(png), Imgcodecs.IMREAD_UNCHANGED);
    assertThat(bgr.get(0, 0)).containsExactly(0, 0, 255);
  }

  @Test
  void withoutTheFastPathPngUsesOpenCvsFastDefaultSettings() {
    Mat chart = TestImages.chart(40, 30);
    Mat bgr = new Mat();
    Imgproc.cvtColor(chart, bgr, Imgproc.COLOR_RGB2BGR);
    MatOfByte fast = new MatOfByte();
    Imgcodecs.imencode(".png", bgr, fast);
    MatOfByte level6 = new MatOfByte();
    Imgcodecs.imencode(".png", bgr, level6, new MatOfInt(Imgcodecs.IMWRITE_PNG_COMPRESSION, 6));
    byte[] png = ImageCodec.openCvEncode(chart, ImageCodec.Format.PNG, 95);
    assertThat(png).isEqualTo(fast.toArray()).isNotEqualTo(level6.toArray());
    assertThat(TestImages.pixels(ImageCodec.decode(png, "chart"))).isEqualTo(TestImages.pixels(chart));
  }

  @Test
  void greyStaysGreyAndRgbaLosesAlpha() {
    Mat grey = TestImages.grey(8, 6);
    Mat back = ImageCodec.decode(ImageCodec.encode(grey, ImageCodec.Format.PNG, 95), "g");
    assertThat(back.channels()).isEqualTo(1);
    assertThat(TestImages.pixels(back)).isEqualTo(TestImages.pixels(grey));

    Mat bgra = new Mat(3, 3, CvType.CV_8UC4, new Scalar(10, 20, 30, 40));
    MatOfByte png = new MatOfByte();
    Imgcodecs.imencode(".png", bgra, png);
    Mat rgb = ImageCodec.decode(png.toArray(), "rgba.png");
    assertThat(rgb.type()).isEqualTo(CvType.CV_8UC3);
    assertThat(rgb.get(1, 1)).containsExactly(30, 20, 10);
  }

  @Test
  void rejectsWithReasons() {
    assertThatThrownBy(() -> ImageCodec.decode(new byte[0], "zero.png"))
        .isInstanceOfSatisfying(UnsupportedImageException.class, e -> assertThat(e.reason()).isEqualTo("empty"))
        .hasMessageContaining("zero.png");
    assertThatThrownBy(() -> ImageCodec.decode("not an image".getBytes(), "junk.jpg"))
        .isInstanceOfSatisfying(UnsupportedImageException.class, e -> assertThat(e.reason()).isEqualTo("undecodable"))
        .hasMessageContaining("junk.jpg");
    Mat deep = new Mat(4, 4, CvType.CV_16UC1, new Scalar(1000));
    MatOfByte png16 = new MatOfByte();
    Imgcodecs.imencode(".png", deep, png16);
    assertThatThrownBy(() -> ImageCodec.decode(png16.toArray(), "deep.png"))
        .isInstanceOfSatisfying(UnsupportedImageException.class, e -> assertThat(e.reason()).isEqualTo("unsupported-depth"))
        .hasMessageContaining("deep.png");
  }

  @Test
  void rawIsHwcRgbAndJpegIsClose() {
    Mat chart = TestImages.chart(5, 4);
    byte[] raw = ImageCodec.encode(chart, ImageCodec.Format.RAW, 0);
    assertThat(raw).isEqualTo(TestImages.pixels(chart));
    assertThat(TestImages.pixels(ImageCodec.fromRaw(raw, 5, 4, 3))).isEqualTo(raw);
    Mat smooth = new Mat(16, 16, CvType.CV_8UC3, new Scalar(200, 100, 50));
    Mat jpeg = ImageCodec.decode(ImageCodec.encode(smooth, ImageCodec.Format.JPEG, 95), "j");
    assertThat(TestImages.maxAbsDiff(jpeg, smooth)).isLessThanOrEqualTo(3);
    assertThatThrownBy(() -> ImageCodec.encode(smooth, ImageCodec.Format.JPEG, 0)).hasMessageContaining("[1, 100]");
    assertThatThrownBy(() -> ImageCodec.fromRaw(raw, 4, 4, 3)).hasMessageContaining("does not match");
  }

  @Test
  void unsupportedTypesAreNamed() {
    Mat f = new Mat(2, 2, CvType.CV_32FC3);
    assertThatThrownBy(() -> Images.requireSupported(f, "rotate")).hasMessage("rotate: unsupported image type CV_32FC3 (expected CV_8UC1 grey or CV_8UC3 RGB)");
    assertThatThrownBy(() -> Images.requireSupported(new Mat(), "rotate")).hasMessage("rotate: empty image");
  }
}
