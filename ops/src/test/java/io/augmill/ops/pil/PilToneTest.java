package io.augmill.ops.pil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/** Exact expectations for the ImageOps-semantics tone ops on small hand-made images. */
class PilToneTest {

  private static final OpRegistry REGISTRY = OpRegistry.builtin();

  private static Mat grey(int... values) {
    byte[] px = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      px[i] = (byte) values[i];
    }
    return TestImages.fromPixels(px, values.length, 1, 1);
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
  void posterizeKeepsTheTopBits() {
    assertThat(values(PilTone.posterize(grey(0, 15, 16, 200, 255), 4))).containsExactly(0, 0, 16, 192, 240);
    assertThat(values(PilTone.posterize(grey(0, 127, 128, 255), 1))).containsExactly(0, 0, 128, 128);
    assertThat(values(PilTone.posterize(grey(3, 255), 0))).containsExactly(0, 0);
    assertThat(values(PilTone.posterize(grey(3, 255), 8))).containsExactly(3, 255);
  }

  @Test
  void solarizeInvertsAtAndAboveTheThreshold() {
    assertThat(values(PilTone.solarize(grey(0, 127, 128, 255), 128))).containsExactly(0, 127, 127, 0);
    assertThat(values(PilTone.solarize(grey(226, 227, 255), 226.67))).containsExactly(226, 28, 0);
    assertThat(values(PilTone.solarize(grey(0, 255), 0))).containsExactly(255, 0);
    assertThat(values(PilTone.solarize(grey(0, 255), 256))).containsExactly(0, 255);
  }

  @Test
  void solarizeAddClipsBelowTheThresholdOnly() {
    assertThat(values(PilTone.solarizeAdd(grey(0, 100, 127, 128, 250), 110, 128))).containsExactly(110, 210, 237, 128, 250);
    assertThat(values(PilTone.solarizeAdd(grey(10, 60, 200), -50, 128))).containsExactly(0, 10, 200);
  }

  @Test
  void invertIsTheComplement() {
    assertThat(values(PilTone.invert(grey(0, 1, 128, 255)))).containsExactly(255, 254, 127, 0);
  }

  @Test
  void equalizeUsesImageOpsTable() {
    // h[10]=2, h[20]=1, h[30]=1: step = (4 - 1) // 255 = 0 -> unchanged.
    assertThat(values(PilTone.equalize(grey(10, 10, 20, 30)))).containsExactly(10, 10, 20, 30);
    // 300 pixels at 0 and 300 at 255: step = (600 - 300) // 255 = 1, n starts at 0:
    // lut[0] = 0, lut[1..255] = 300 clipped to 255.
    int[] twoLevels = new int[600];
    for (int i = 300; i < 600; i++) {
      twoLevels[i] = 255;
    }
    assertThat(values(PilTone.equalize(grey(twoLevels)))).containsOnly(0, 255);
    // 510 pixels at 50, 255 at 60, 255 at 70: step = (1020 - 255) // 255 = 3, n = 1;
    // lut[50] = 1 // 3 = 0, lut[60] = 511 // 3 = 170, lut[70] = 766 // 3 = 255.
    int[] three = new int[1020];
    for (int i = 0; i < 1020; i++) {
      three[i] = i < 510 ? 50 : i < 765 ? 60 : 70;
    }
    int[] out = values(PilTone.equalize(grey(three)));
    assertThat(out[0]).isEqualTo(0);
    assertThat(out[600]).isEqualTo(170);
    assertThat(out[1000]).isEqualTo(255);
    assertThat(values(PilTone.equalize(grey(7, 7, 7)))).containsExactly(7, 7, 7);
  }

  @Test
  void equalizeAndAutocontrastTreatChannelsIndependently() {
    Mat rgb = TestImages.fromPixels(new byte[] {10, 0, 5, 20, 0, (byte) 250}, 2, 1, 3);
    // R: 10,20 -> 0,255; G: constant 0 -> unchanged; B: 5,250 -> 0,255.
    assertThat(values(PilTone.autocontrast(rgb))).containsExactly(0, 0, 0, 255, 0, 255);
  }

  @Test
  void autocontrastStretchesToFullRangeAndTruncates() {
    // lo = 50, hi = 100: scale = 255 / 50, v -> int(v * scale - 50 * scale); in double arithmetic
    // 100 maps to 254.99999999999994, truncated to 254, exactly as Pillow does.
    assertThat(values(PilTone.autocontrast(grey(50, 60, 75, 100)))).containsExactly(0, 51, 127, 254);
    assertThat(values(PilTone.autocontrast(grey(9, 9)))).containsExactly(9, 9);
  }

  @Test
  void histogramsCountEveryChannelValue() {
    for (Mat m : new Mat[] {TestImages.noise(37, 29, 3, 4), TestImages.noise(16, 16, 1, 5), TestImages.chart(45, 37)}) {
      long[][] expected = new long[m.channels()][256];
      byte[] px = TestImages.pixels(m);
      for (int i = 0; i < px.length; i++) {
        expected[i % m.channels()][px[i] & 0xff]++;
      }
      assertThat(PilTone.histograms(m)).isDeepEqualTo(expected);
    }
  }

  @Test
  void registryValidatesArguments() {
    assertThatThrownBy(() -> REGISTRY.create(OpSpec.parse("posterize(bits=9)")))
        .hasMessageContaining("posterize: parameter 'bits' must be a number in [0, 8], got 9");
    assertThatThrownBy(() -> REGISTRY.create(OpSpec.parse("solarize(threshold=-1)")))
        .hasMessageContaining("solarize: parameter 'threshold' must be a number in [0, 256]");
    assertThatThrownBy(() -> REGISTRY.create(OpSpec.parse("solarize_add(threshold=3)")))
        .hasMessageContaining("solarize_add: missing required parameter 'addition'");
    assertThatThrownBy(() -> REGISTRY.create(OpSpec.parse("invert(x=1)")))
        .hasMessageContaining("invert: unknown parameter x (it takes none)");
    assertThat(REGISTRY.create(OpSpec.parse("solarize")).toJson().toString())
        .isEqualTo("{\"op\":\"solarize\",\"args\":{\"threshold\":128}}");
  }
}
