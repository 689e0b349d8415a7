package io.augmill.ops.pil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.ops.Fill;
import io.augmill.ops.Interpolation;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/** Exact expectations for the PIL-semantics warps on small hand-made images. */
class PilGeometryTest {

  /** A 4x3 grey image with values 10 * (row * 4 + column + 1). */
  private static Mat ramp() {
    byte[] px = new byte[12];
    for (int i = 0; i < 12; i++) {
      px[i] = (byte) (10 * (i + 1));
    }
    return TestImages.fromPixels(px, 4, 3, 1);
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
  void translateMovesContentRightAndDownForPositivePixels() {
    assertThat(values(PilGeometry.translateX(ramp(), 1, Interpolation.NEAREST, Fill.GREY)))
        .containsExactly(128, 10, 20, 30, 128, 50, 60, 70, 128, 90, 100, 110);
    assertThat(values(PilGeometry.translateY(ramp(), -1, Interpolation.NEAREST, Fill.constant(7))))
        .containsExactly(50, 60, 70, 80, 90, 100, 110, 120, 7, 7, 7, 7);
  }

  @Test
  void shearXSamplesTheInputAtXPlusFactorTimesY() {
    // factor 1: output (x, y) takes input column floor(x + 0.5 + (y + 0.5)) = x + y + 1 (pixel centres),
    // so row y moves left by y + 1; the values were checked against Pillow 9.4.
    assertThat(values(PilGeometry.shearX(ramp(), 1, Interpolation.NEAREST, Fill.constant(0))))
        .containsExactly(20, 30, 40, 0, 70, 80, 0, 0, 120, 0, 0, 0);
    assertThat(values(PilGeometry.shearY(ramp(), 1, Interpolation.NEAREST, Fill.constant(0))))
        .containsExactly(50, 100, 0, 0, 90, 0, 0, 0, 0, 0, 0, 0);
  }

  @Test
  void bilinearHalfPixelShiftAveragesNeighboursAndTruncates() {
    // Content moves right by half a pixel: x=0 samples outside the left edge (fill), others average.
    assertThat(values(PilGeometry.translateX(ramp(), 0.5, Interpolation.BILINEAR, Fill.constant(1))))
        .containsExactly(10, 15, 25, 35, 50, 55, 65, 75, 90, 95, 105, 115);
  }

  @Test
  void rgbFillOnGreyUsesLumaAndRgbKeepsChannels() {
    Mat grey = ramp();
    assertThat(values(PilGeometry.translateX(grey, 10, Interpolation.NEAREST, Fill.constant(255, 0, 0))))
        .containsOnly(76);
    Mat rgb = TestImages.fromPixels(new byte[] {1, 2, 3, 4, 5, 6}, 2, 1, 3);
    assertThat(values(PilGeometry.translateX(rgb, 1, Interpolation.NEAREST, Fill.constant(7, 8, 9))))
        .containsExactly(7, 8, 9, 1, 2, 3);
  }

  @Test
  void zeroIsTheIdentityForEveryInterpolation() {
    Mat chart = TestImages.chart(17, 13);
    for (Interpolation interp : new Interpolation[] {Interpolation.NEAREST, Interpolation.BILINEAR, Interpolation.BICUBIC}) {
      assertThat(TestImages.pixels(PilGeometry.shearX(chart, 0, interp, Fill.GREY))).as(interp.specName())
          .isEqualTo(TestImages.pixels(chart));
    }
  }

  @Test
  void registryValidatesArguments() {
    OpRegistry registry = OpRegistry.builtin();
    assertThatThrownBy(() -> registry.create(OpSpec.parse("shear_x(factor=3)")))
        .hasMessageContaining("shear_x: parameter 'factor' must be a number in [-2, 2], got 3");
    assertThatThrownBy(() -> registry.create(OpSpec.parse("translate_y(pixels=2,interp=area)")))
        .hasMessageContaining("translate_y: parameter 'interp' must be nearest|bilinear|bicubic, got 'area'");
    assertThatThrownBy(() -> registry.create(OpSpec.parse("translate_x(pixels=2,fill=random)")))
        .hasMessageContaining("translate_x: parameter 'fill' must be a value in [0, 255] or [R,G,B]");
    assertThat(registry.create(OpSpec.parse("translate_x(pixels=14)")).toString())
        .isEqualTo("translate_x(pixels=14,interp=nearest,fill=128.0)");
  }
}
