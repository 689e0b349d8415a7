package io.augmill.ops.color;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

class HueTest {

  static {
    OpRegistry.builtin();
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
  void rotatesPrimariesAroundTheCircle() {
    Mat primaries = rgb(255, 0, 0, 0, 255, 0, 0, 0, 255);
    assertThat(values(Hue.shift(primaries, 1.0 / 3))).containsExactly(0, 255, 0, 0, 0, 255, 255, 0, 0);
    assertThat(values(Hue.shift(primaries, -1.0 / 3))).containsExactly(0, 0, 255, 255, 0, 0, 0, 255, 0);
    // blue + 0.5 lands a float ulp past yellow: red is 0.9999995 * 255f, truncated to 254 as torchvision
    assertThat(values(Hue.shift(primaries, 0.5))).containsExactly(0, 255, 255, 255, 0, 255, 254, 255, 0);
    assertThat(values(Hue.shift(primaries, -0.5))).containsExactly(0, 255, 255, 255, 0, 255, 254, 255, 0);
    // a sixth of the circle: red -> yellow
    assertThat(values(Hue.shift(rgb(255, 0, 0), 1.0 / 6))).containsExactly(255, 255, 0);
  }

  @Test
  void greyImagesAndAZeroShiftAreTheIdentity() {
    Mat grey = TestImages.grey(20, 10);
    assertThat(TestImages.pixels(Hue.shift(grey, 0.3))).isEqualTo(TestImages.pixels(grey));
    Mat chart = TestImages.chart(20, 10);
    assertThat(TestImages.pixels(Hue.shift(chart, 0))).isEqualTo(TestImages.pixels(chart));
    assertThat(TestImages.maxAbsDiff(Hue.shift(chart, 0.2), chart)).isGreaterThan(100);
  }

  @Test
  void shiftOutsideHalfTheCircleIsRejected() {
    assertThatThrownBy(() -> OpRegistry.builtin().create(OpSpec.parse("hue(shift=0.6)")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hue").hasMessageContaining("'shift'")
        .hasMessageContaining("[-0.5, 0.5]");
    assertThatThrownBy(() -> Hue.shift(rgb(1, 2, 3), -0.51)).hasMessageContaining("'shift'");
  }
}
