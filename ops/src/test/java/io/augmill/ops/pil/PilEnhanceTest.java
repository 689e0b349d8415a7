package io.augmill.ops.pil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.ops.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/** Sharpness: the SMOOTH filter's interior values, the kept border, and the blend's truncation and clipping. */
class PilEnhanceTest {

  /** 3x3 grey: 0 everywhere except 130 in the centre. */
  private static Mat spot() {
    byte[] px = new byte[9];
    px[4] = (byte) 130;
    return TestImages.fromPixels(px, 3, 3, 1);
  }

  @Test
  void factorZeroIsTheSmoothedImageWithTheBorderKept() {
    // Centre: 130 * 5 / 13 = 50 (plus 0.5, truncated); the border is copied from the input.
    byte[] out = TestImages.pixels(PilEnhance.sharpness(spot(), 0));
    assertThat(out[4] & 0xff).isEqualTo(50);
    for (int i : new int[] {0, 1, 2, 3, 5, 6, 7, 8}) {
      assertThat(out[i]).isEqualTo((byte) 0);
    }
  }

  @Test
  void factorsInterpolateTruncateAndClip() {
    // blend(smooth, image, f) = 50 + f * (130 - 50).
    assertThat(TestImages.pixels(PilEnhance.sharpness(spot(), 0.5))[4] & 0xff).isEqualTo(90);
    assertThat(TestImages.pixels(PilEnhance.sharpness(spot(), 1.9))[4] & 0xff).isEqualTo(202);
    assertThat(TestImages.pixels(PilEnhance.sharpness(spot(), 4))[4] & 0xff).isEqualTo(255);
    Mat chart = TestImages.chart(20, 16);
    assertThat(TestImages.pixels(PilEnhance.sharpness(chart, 1))).isEqualTo(TestImages.pixels(chart));
  }

  @Test
  void rejectsNegativeFactors() {
    assertThatThrownBy(() -> PilEnhance.sharpness(spot(), -0.1)).hasMessageContaining("sharpness: factor must be");
    assertThatThrownBy(() -> io.augmill.ops.spec.OpRegistry.builtin().create(io.augmill.ops.spec.OpSpec.parse("sharpness(factor=11)")))
        .hasMessageContaining("sharpness: parameter 'factor' must be a number in [0, 10], got 11");
  }
}
