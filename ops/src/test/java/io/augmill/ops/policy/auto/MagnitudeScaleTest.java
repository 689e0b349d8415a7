package io.augmill.ops.policy.auto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.augmill.ops.Fill;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Interpolation;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.spec.TransformJson;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The bin-to-argument mapping against torchvision 0.14's augmentation spaces, as written by
 * {@code tests/reference/autoaugment_magnitudes.py} for several image sizes: integer arguments
 * (translation, posterize bits) and solarize's effect on every 8-bit value are exact; continuous
 * arguments agree to single precision.
 */
class MagnitudeScaleTest {

  private static final Map<String, AugmentOp> TORCH_NAMES = Map.ofEntries(
      Map.entry("Identity", AugmentOp.IDENTITY), Map.entry("ShearX", AugmentOp.SHEAR_X),
      Map.entry("ShearY", AugmentOp.SHEAR_Y), Map.entry("TranslateX", AugmentOp.TRANSLATE_X),
      Map.entry("TranslateY", AugmentOp.TRANSLATE_Y), Map.entry("Rotate", AugmentOp.ROTATE),
      Map.entry("Brightness", AugmentOp.BRIGHTNESS), Map.entry("Color", AugmentOp.COLOR),
      Map.entry("Contrast", AugmentOp.CONTRAST), Map.entry("Sharpness", AugmentOp.SHARPNESS),
      Map.entry("Posterize", AugmentOp.POSTERIZE), Map.entry("Solarize", AugmentOp.SOLARIZE),
      Map.entry("AutoContrast", AugmentOp.AUTOCONTRAST), Map.entry("Equalize", AugmentOp.EQUALIZE),
      Map.entry("Invert", AugmentOp.INVERT));

  @Test
  void everyBinOfEverySpaceMatchesTorchvision() throws IOException {
    JsonNode root;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("autoaugment/torchvision-magnitudes.json")) {
      root = TransformJson.JSON.readTree(in);
    }
    int checked = 0;
    for (var space : Map.of("autoaugment", MagnitudeScale.AUTOAUGMENT, "randaugment", MagnitudeScale.RANDAUGMENT,
        "wide", MagnitudeScale.WIDE).entrySet()) {
      var sizes = root.get(space.getKey()).fields();
      while (sizes.hasNext()) {
        var size = sizes.next();
        ImageInfo info = size.getKey().equals("any") ? new ImageInfo(32, 32, 3) : parse(size.getKey());
        var ops = size.getValue().fields();
        while (ops.hasNext()) {
          var entry = ops.next();
          AugmentOp op = TORCH_NAMES.get(entry.getKey());
          assertThat(op).as(entry.getKey()).isNotNull();
          assertThat(op.signed()).as(entry.getKey() + " signed").isEqualTo(entry.getValue().get("signed").asBoolean());
          JsonNode values = entry.getValue().get("values");
          if (!op.hasMagnitude()) {
            assertThat(values.size()).isEqualTo(1);
            assertThat(space.getValue().spec(op, 3, true, info, Interpolation.NEAREST, Fill.GREY).args().isEmpty()).isTrue();
            continue;
          }
          assertThat(values.size()).as(entry.getKey() + " bins").isEqualTo(space.getValue().bins());
          for (int bin = 0; bin < values.size(); bin++) {
            OpSpec spec = space.getValue().spec(op, bin, false, info, Interpolation.NEAREST, Fill.GREY);
            checkArgument(op, spec, values.get(bin).asDouble(), space.getKey() + " " + size.getKey() + " " + op + " bin " + bin);
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(900);
  }

  private static void checkArgument(AugmentOp op, OpSpec spec, double torch, String what) {
    JsonNode args = spec.args();
    switch (op) {
      case SHEAR_X, SHEAR_Y -> assertThat(args.get("factor").asDouble()).as(what).isCloseTo(torch, within(1e-6));
      case TRANSLATE_X, TRANSLATE_Y -> assertThat(args.get("pixels").asInt()).as(what).isEqualTo((int) torch);
      case ROTATE -> assertThat(args.get("degrees").asDouble()).as(what).isCloseTo(torch, within(1e-5));
      case BRIGHTNESS, COLOR, CONTRAST, SHARPNESS ->
          assertThat(args.get("factor").asDouble()).as(what).isCloseTo(1 + torch, within(1e-6));
      case POSTERIZE -> assertThat(args.get("bits").asInt()).as(what).isEqualTo((int) torch);
      case SOLARIZE -> {
        double ours = args.get("threshold").asDouble();
        for (int v = 0; v < 256; v++) {
          assertThat(v < ours).as(what + " value " + v).isEqualTo(v < torch);
        }
      }
      default -> throw new AssertionError(what);
    }
  }

  private static ImageInfo parse(String size) {
    String[] wh = size.split("x");
    return new ImageInfo(Integer.parseInt(wh[0]), Integer.parseInt(wh[1]), 3);
  }

  @Test
  void signedOpsNegateAndZeroStaysPositive() {
    ImageInfo info = new ImageInfo(32, 32, 3);
    MagnitudeScale s = MagnitudeScale.AUTOAUGMENT;
    assertThat(s.spec(AugmentOp.SHEAR_X, 9, true, info, Interpolation.NEAREST, Fill.GREY).toString())
        .isEqualTo("shear_x(factor=-0.3,interp=nearest,fill=128.0)");
    assertThat(s.spec(AugmentOp.SHEAR_X, 0, true, info, Interpolation.NEAREST, Fill.GREY).toString())
        .isEqualTo("shear_x(factor=0.0,interp=nearest,fill=128.0)");
    assertThat(s.spec(AugmentOp.TRANSLATE_Y, 9, true, new ImageInfo(32, 224, 1), Interpolation.BILINEAR, Fill.BLACK)
        .toString()).isEqualTo("translate_y(pixels=-101,interp=bilinear,fill=0.0)");
    assertThat(s.spec(AugmentOp.CONTRAST, 6, true, info, Interpolation.NEAREST, Fill.GREY).toString())
        .isEqualTo("contrast(factor=0.4)");
    assertThat(s.spec(AugmentOp.ROTATE, 3, false, info, Interpolation.NEAREST, Fill.GREY).toString())
        .isEqualTo("rotate(degrees=10.0,interp=nearest,fill=128.0)");
    assertThat(s.spec(AugmentOp.POSTERIZE, 9, true, info, Interpolation.NEAREST, Fill.GREY).toString())
        .isEqualTo("posterize(bits=4)");
    assertThat(s.spec(AugmentOp.SOLARIZE, 3, true, info, Interpolation.NEAREST, Fill.GREY).toString())
        .isEqualTo("solarize(threshold=170.0)");
  }

  /** The specs the torchvision-chain parity cases (tests/.../reference/cases/autoaugment.yaml, aa_*) apply. */
  @Test
  void parityCaseSpecsAreWhatTheScaleWrites() {
    MagnitudeScale s = MagnitudeScale.AUTOAUGMENT;
    ImageInfo cifar = new ImageInfo(32, 32, 3);
    Interpolation n = Interpolation.NEAREST;
    assertThat(s.spec(AugmentOp.SHEAR_X, 7, true, cifar, n, Fill.GREY).toString())
        .isEqualTo("shear_x(factor=-0.23333333,interp=nearest,fill=128.0)");
    assertThat(s.spec(AugmentOp.TRANSLATE_X, 9, false, cifar, n, Fill.GREY).toString())
        .isEqualTo("translate_x(pixels=14,interp=nearest,fill=128.0)");
    assertThat(s.spec(AugmentOp.TRANSLATE_Y, 5, true, new ImageInfo(224, 224, 3), n, Fill.GREY).toString())
        .isEqualTo("translate_y(pixels=-56,interp=nearest,fill=128.0)");
    assertThat(s.spec(AugmentOp.ROTATE, 7, false, cifar, n, Fill.GREY).toString())
        .isEqualTo("rotate(degrees=23.333334,interp=nearest,fill=128.0)");
    assertThat(s.spec(AugmentOp.ROTATE, 2, true, cifar, n, Fill.GREY).toString())
        .isEqualTo("rotate(degrees=-6.6666665,interp=nearest,fill=128.0)");
    assertThat(s.spec(AugmentOp.BRIGHTNESS, 7, true, cifar, n, Fill.GREY).toString())
        .isEqualTo("brightness(factor=0.30000000000000004)");
    assertThat(s.spec(AugmentOp.COLOR, 3, false, cifar, n, Fill.GREY).toString()).isEqualTo("color(factor=1.3)");
    assertThat(s.spec(AugmentOp.SHARPNESS, 9, false, cifar, n, Fill.GREY).toString()).isEqualTo("sharpness(factor=1.9)");
    assertThat(s.spec(AugmentOp.POSTERIZE, 7, false, cifar, n, Fill.GREY).toString()).isEqualTo("posterize(bits=5)");
    assertThat(s.spec(AugmentOp.SOLARIZE, 2, false, cifar, n, Fill.GREY).toString())
        .isEqualTo("solarize(threshold=198.33333)");
  }

  @Test
  void fractionalMagnitudesInterpolateAndOutOfRangeIsRejected() {
    ImageInfo info = new ImageInfo(32, 32, 3);
    OpSpec half = MagnitudeScale.RANDAUGMENT.spec(AugmentOp.SHEAR_Y, 15, false, info, Interpolation.NEAREST, Fill.GREY);
    assertThat(half.args().get("factor").asDouble()).isCloseTo(0.15, within(1e-7));
    OpSpec between = MagnitudeScale.RANDAUGMENT.spec(AugmentOp.ROTATE, 4.5, false, info, Interpolation.NEAREST, Fill.GREY);
    assertThat(between.args().get("degrees").asDouble()).isCloseTo(4.5, within(1e-6));
    assertThatThrownBy(() -> MagnitudeScale.AUTOAUGMENT.spec(AugmentOp.ROTATE, 10, false, info, Interpolation.NEAREST,
        Fill.GREY)).hasMessageContaining("rotate: magnitude must be in [0, 9], got 10");
  }
}
