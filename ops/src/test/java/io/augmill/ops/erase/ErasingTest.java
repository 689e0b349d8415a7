package io.augmill.ops.erase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.ops.Fill;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Transform;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.testing.TestImages;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

class ErasingTest {

  static {
    OpRegistry.builtin();
  }

  /** Values 1..250, never 0, so that erased pixels stand out. */
  private static Mat ramp(int width, int height, int channels) {
    byte[] px = new byte[width * height * channels];
    for (int i = 0; i < px.length; i++) {
      px[i] = (byte) (1 + i % 250);
    }
    return TestImages.fromPixels(px, width, height, channels);
  }

  /** '#' where every channel of the pixel equals {@code value}, row by row. */
  private static String mask(Mat m, int value) {
    StringBuilder sb = new StringBuilder();
    byte[] px = TestImages.pixels(m);
    int ch = m.channels();
    for (int y = 0; y < m.rows(); y++) {
      for (int x = 0; x < m.cols(); x++) {
        boolean all = true;
        for (int c = 0; c < ch; c++) {
          all &= (px[(y * m.cols() + x) * ch + c] & 0xff) == value;
        }
        sb.append(all ? '#' : '.');
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String rows(String... rows) {
    return String.join("\n", rows) + "\n";
  }

  @Test
  void cutoutErasesRowsYMinusHalfToYPlusHalfExclusive() {
    Mat img = ramp(8, 6, 3);
    assertThat(mask(Erasing.cutout(img, 4, 3, 4, Fill.BLACK, 0), 0)).isEqualTo(rows(
        "........", "..####..", "..####..", "..####..", "..####..", "........"));
    // odd size: 5 / 2 = 2, so 4 rows and columns, as the reference code
    assertThat(mask(Erasing.cutout(img, 4, 3, 5, Fill.BLACK, 0), 0)).isEqualTo(rows(
        "........", "..####..", "..####..", "..####..", "..####..", "........"));
  }

  @Test
  void cutoutIsClippedAtTheBorders() {
    Mat img = ramp(8, 6, 1);
    assertThat(mask(Erasing.cutout(img, 0, 5, 6, Fill.constant(0), 0), 0)).isEqualTo(rows(
        "........", "........", "###.....", "###.....", "###.....", "###....."));
    assertThat(mask(Erasing.cutout(img, 30, 30, 6, Fill.constant(0), 0), 0)).isEqualTo(rows(
        "........", "........", "........", "........", "........", "........"));
  }

  @Test
  void eraseUsesTheTopLeftCornerAndClips() {
    Mat img = ramp(8, 6, 3);
    assertThat(mask(Erasing.erase(img, 5, 4, 10, 10, Fill.constant(0, 0, 0), 0), 0)).isEqualTo(rows(
        "........", "........", "........", "........", ".....###", ".....###"));
    assertThat(mask(Erasing.erase(img, 1, 0, 2, 3, Fill.BLACK, 0), 0)).isEqualTo(rows(
        ".##.....", ".##.....", ".##.....", "........", "........", "........"));
  }

  @Test
  void fillsAreConstantsLumaMeanOrSeededNoise() {
    Mat rgb = TestImages.fromPixels(new byte[] {10, 20, 30, 40, 50, 61, 10, 20, 30, 40, 50, 60}, 4, 1, 3);
    Mat filled = Erasing.erase(rgb, 0, 0, 1, 1, Fill.constant(255, 128, 0), 0);
    assertThat(TestImages.pixels(filled)).startsWith((byte) 255, (byte) 128, (byte) 0, (byte) 40);
    // mean: R (10+40+10+40)/4 = 25, G 35, B (30+61+30+60)/4 = 45.25 -> 45
    assertThat(Erasing.mean(rgb)).containsExactly(25, 35, 45);
    Mat grey = TestImages.fromPixels(new byte[] {1, 2, 3, 4}, 4, 1, 1);
    // mean 2.5 rounds to even: 2
    assertThat(Erasing.mean(grey)).containsExactly(2);
    // an RGB fill on grey becomes rint(0.299 * 255 + 0.587 * 128) = rint(151.381) = 151
    assertThat(TestImages.pixels(Erasing.erase(grey, 0, 0, 1, 1, Fill.constant(255, 128, 0), 0)))
        .containsExactly(151, 2, 3, 4);
    assertThat(TestImages.pixels(Erasing.erase(grey, 1, 0, 2, 1, Fill.MEAN, 0))).containsExactly(1, 2, 2, 4);
  }

  @Test
  void noiseIsTheTopByteOfSplitMix64() {
    // first outputs of SplitMix64 for seeds 12345 and 0, top byte, computed independently in Python
    assertThat(Erasing.noise(12345, 6)).containsExactly(34, 52, 30, 45, 129, 86);
    assertThat(Erasing.noise(0, 3)).containsExactly(226, 110, 6);
    Mat img = ramp(5, 4, 3);
    Mat out = Erasing.erase(img, 1, 1, 2, 1, Fill.RANDOM, 12345);
    byte[] px = TestImages.pixels(out);
    assertThat(java.util.Arrays.copyOfRange(px, (5 + 1) * 3, (5 + 3) * 3)).containsExactly(34, 52, 30, 45, 129, 86);
  }

  @Test
  void noiseIsUniformOverTheByteValues() {
    byte[] noise = Erasing.noise(99, 256 * 200);
    int[] counts = new int[256];
    for (byte b : noise) {
      counts[b & 0xff]++;
    }
    double chi = 0;
    for (int c : counts) {
      chi += (c - 200.0) * (c - 200.0) / 200.0;
    }
    // chi-square critical value for 255 degrees of freedom at p = 0.001
    assertThat(chi).isLessThan(330.5);
  }

  @Test
  void randomFillIsReproducibleFromTheSpec() {
    Mat chart = TestImages.chart(20, 16);
    var a = OpRegistry.builtin().create(OpSpec.parse("erase(x=2,y=3,width=9,height=7,fill=random,seed=5)"));
    var b = OpRegistry.builtin().create(OpSpec.parse("erase(x=2,y=3,width=9,height=7,fill=random,seed=6)"));
    Mat outA = Transform.applyAny(a, chart, a.sample(new SplittableRandom(1), ImageInfo.of(chart)));
    Mat outA2 = Transform.applyAny(a, chart, a.sample(new SplittableRandom(2), ImageInfo.of(chart)));
    Mat outB = Transform.applyAny(b, chart, b.sample(new SplittableRandom(1), ImageInfo.of(chart)));
    assertThat(TestImages.pixels(outA)).isEqualTo(TestImages.pixels(outA2));
    assertThat(TestImages.pixels(outA)).isNotEqualTo(TestImages.pixels(outB));
    assertThat(OpRegistry.builtin().create(OpSpec.parse("erase(x=2,y=3,width=9,height=7,fill=random)")).toJson()
        .toString()).contains("\"seed\":0");
  }

  @Test
  void invalidArgumentsAreRejectedNamingThem() {
    OpRegistry r = OpRegistry.builtin();
    assertThatThrownBy(() -> r.create(OpSpec.parse("erase(x=0,y=0,width=0,height=4)")))
        .hasMessageContaining("'width'").hasMessageContaining("[1, ");
    assertThatThrownBy(() -> r.create(OpSpec.parse("erase(x=-1,y=0,width=3,height=4)")))
        .hasMessageContaining("'x'");
    assertThatThrownBy(() -> r.create(OpSpec.parse("erase(x=0,y=0,width=3,height=4,seed=3)")))
        .hasMessageContaining("'seed'").hasMessageContaining("fill=random");
    assertThatThrownBy(() -> r.create(OpSpec.parse("erase(x=0,y=0,width=3,height=4,fill=noise)")))
        .hasMessageContaining("'fill'").hasMessageContaining("random or mean");
    assertThatThrownBy(() -> r.create(OpSpec.parse("cutout(x=3,size=4)")))
        .hasMessageContaining("missing required parameter 'y'");
    assertThatThrownBy(() -> r.create(OpSpec.parse("cutout(x=3,y=3,size=4,holes=2)")))
        .hasMessageContaining("unknown parameter holes");
    assertThatThrownBy(() -> r.create(OpSpec.parse("cutout(size=4,seed=2,fill=random)")))
        .hasMessageContaining("unknown parameter seed");
    assertThatThrownBy(() -> r.create(OpSpec.parse("cutout(size=0)"))).hasMessageContaining("'size'");
    assertThatThrownBy(() -> r.create(OpSpec.parse("cutout(size=8,holes=0)"))).hasMessageContaining("'holes'");
    assertThatThrownBy(() -> Erasing.erase(new Mat(4, 4, CvType.CV_32FC1), 0, 0, 1, 1, Fill.BLACK, 0))
        .hasMessageContaining("CV_32FC1");
  }
}
