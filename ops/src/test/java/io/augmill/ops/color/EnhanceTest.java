package io.augmill.ops.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

class EnhanceTest {

  static {
    OpRegistry.builtin();
  }

  private static Mat grey(int... values) {
    byte[] px = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      px[i] = (byte) values[i];
    }
    return TestImages.fromPixels(px, values.length, 1, 1);
  }

  private static Mat rgb(int... values) {
    byte[] px = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      px[i] = (byte) values[i];
    }
    return TestImages.fromPixels(px, values.length / 3, 1, 3);
  }

  private static int[] values(Mat m) {
    byte[] px = TestImages.pixels(m);
    int[] out = new int[px.length];
    for (int i = 0; i < px.length; i++) {
      out[i] = px[i] & 0xff;
    }
    return out;
  }

  @Test
  void brightnessScalesTruncatesAndClips() {
    assertThat(values(Enhance.brightness(grey(10, 255, 7, 0), 0.5))).containsExactly(5, 127, 3, 0);
    // 1.7f * 7 = 11.9 truncates to 11; 1.7 * 255 clips
    assertThat(values(Enhance.brightness(rgb(10, 255, 7), 1.7))).containsExactly(17, 255, 11);
    assertThat(values(Enhance.brightness(rgb(10, 255, 7), 0))).containsExactly(0, 0, 0);
    assertThat(values(Enhance.brightness(rgb(10, 255, 7), 1))).containsExactly(10, 255, 7);
  }

  @Test
  void contrastBlendsWithTheRoundedGreyMean() {
    // mean 138.75 -> int(139.25) = 139; 139 + 0.5 * (v - 139), truncated
    Mat g = grey(0, 100, 200, 255);
    assertThat(Enhance.greyMean(g)).isEqualTo(139);
    assertThat(values(Enhance.contrast(g, 0.5))).containsExactly(69, 119, 169, 197);
    assertThat(values(Enhance.contrast(g, 0))).containsExactly(139, 139, 139, 139);
    assertThat(values(Enhance.contrast(g, 3))).containsExactly(0, 22, 255, 255);
    // colour: the mean is taken over the L image: L(255,0,0) = 76, L(0,0,255) = 29 -> mean 52.5 -> 53
    Mat c = rgb(255, 0, 0, 0, 0, 255);
    assertThat(Enhance.greyMean(c)).isEqualTo(53);
    assertThat(values(Enhance.contrast(c, 0.5))).containsExactly(154, 26, 26, 26, 26, 154);
  }

  @Test
  void saturationBlendsWithTheLImage() {
    assertThat(Enhance.luma(255, 0, 0)).isEqualTo(76);
    assertThat(Enhance.luma(0, 255, 0)).isEqualTo(150);
    assertThat(Enhance.luma(0, 0, 255)).isEqualTo(29);
    assertThat(Enhance.luma(255, 255, 255)).isEqualTo(255);
    Mat red = rgb(255, 0, 0);
    assertThat(values(Enhance.saturation(red, 0))).containsExactly(76, 76, 76);
    assertThat(values(Enhance.saturation(red, 0.5))).containsExactly(165, 38, 38);
    assertThat(values(Enhance.saturation(red, 2))).containsExactly(255, 0, 0);
    assertThat(values(Enhance.saturation(rgb(100, 120, 140), 2))).containsExactly(84, 124, 164);
  }

  @Test
  void saturationOfAGreyImageIsTheIdentity() {
    Mat g = grey(0, 100, 200, 255);
    assertThat(values(Enhance.saturation(g, 0))).containsExactly(0, 100, 200, 255);
    assertThat(values(Enhance.saturation(g, 3))).containsExactly(0, 100, 200, 255);
  }

  @Test
  void colorAndSaturationAreTheSameOpUnderTheirOwnNames() {
    Mat chart = TestImages.chart(40, 36);
    var color = OpRegistry.builtin().create(OpSpec.parse("color(factor=0.3)"));
    var saturation = OpRegistry.builtin().create(OpSpec.parse("saturation(factor=0.3)"));
    assertThat(color.name()).isEqualTo("color");
    assertThat(saturation.name()).isEqualTo("saturation");
    Mat a = io.augmill.ops.Transform.applyAny(color, chart, io.augmill.ops.Params.None.INSTANCE);
    Mat b = io.augmill.ops.Transform.applyAny(saturation, chart, io.augmill.ops.Params.None.INSTANCE);
    assertThat(TestImages.pixels(a)).isEqualTo(TestImages.pixels(b));
    assertThat(TestImages.maxAbsDiff(a, chart)).isGreaterThan(50);
  }

  @Test
  void factorsOutsideTheRangeAreRejectedNamingTheParameter() {
    for (String op : new String[] {"brightness", "contrast", "saturation", "color"}) {
      assertThatThrownBy(() -> OpRegistry.builtin().create(OpSpec.parse(op + "(factor=-0.1)")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(op).hasMessageContaining("'factor'")
          .hasMessageContaining("[0, 10]");
      assertThatThrownBy(() -> OpRegistry.builtin().create(OpSpec.parse(op + "(factor=10.5)")))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'factor'");
      assertThatThrownBy(() -> OpRegistry.builtin().create(OpSpec.parse(op)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing required parameter 'factor'");
    }
    assertThatThrownBy(() -> Enhance.brightness(grey(1), Double.NaN)).hasMessageContaining("'factor'");
  }

  @Test
  void unsupportedImagesAreRejectedNamingTheType() {
    Mat deep = new Mat(4, 4, CvType.CV_16UC3);
    assertThatThrownBy(() -> Enhance.contrast(deep, 0.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contrast").hasMessageContaining("CV_16UC3");
  }
}
