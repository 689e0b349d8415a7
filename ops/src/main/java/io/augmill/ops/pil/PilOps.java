package io.augmill.ops.pil;

import io.augmill.ops.Fill;
import io.augmill.ops.Interpolation;
import io.augmill.ops.color.Enhance;
import io.augmill.ops.spec.Args;
import io.augmill.ops.spec.OpProvider;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import org.opencv.core.Mat;

/**
 * Registers the PIL-semantics ops: {@code shear_x}, {@code shear_y}, {@code translate_x},
 * {@code translate_y}, {@code sharpness}, {@code posterize}, {@code solarize}, {@code solarize_add},
 * {@code equalize}, {@code autocontrast} and {@code invert}. The geometric ones take {@code interp}
 * (default {@code nearest}) and a constant {@code fill} (default grey 128), the original AutoAugment
 * code's defaults.
 */
public final class PilOps implements OpProvider {

  /** Largest shear factor accepted (|factor|); TrivialAugment's widest range reaches 0.99. */
  public static final double MAX_SHEAR = 2.0;
  /** Largest translation accepted, in pixels. */
  public static final double MAX_TRANSLATE = 16384;
  /** Largest sharpness factor accepted: the colour family's limit for every enhance op. */
  public static final double MAX_FACTOR = Enhance.MAX_FACTOR;

  /** A geometric op's pixel function. */
  @FunctionalInterface
  private interface Warp {
    Mat apply(Mat src, double amount, Interpolation interp, Fill fill);
  }

  @Override
  public void register(OpRegistry registry) {
    registerWarp(registry, "shear_x", "factor", MAX_SHEAR, PilGeometry::shearX,
        "shear_x(factor,interp=nearest,fill=128): PIL AFFINE (1,factor,0,0,1,0), as AutoAugment");
    registerWarp(registry, "shear_y", "factor", MAX_SHEAR, PilGeometry::shearY,
        "shear_y(factor,interp=nearest,fill=128): PIL AFFINE (1,0,0,factor,1,0), as AutoAugment");
    registerWarp(registry, "translate_x", "pixels", MAX_TRANSLATE, PilGeometry::translateX,
        "translate_x(pixels,interp=nearest,fill=128): content moves right for positive pixels");
    registerWarp(registry, "translate_y", "pixels", MAX_TRANSLATE, PilGeometry::translateY,
        "translate_y(pixels,interp=nearest,fill=128): content moves down for positive pixels");
    registry.register("sharpness", "color", "sharpness(factor): PIL ImageEnhance.Sharpness (1 = unchanged)", args -> {
      double factor = args.number("factor", 0, MAX_FACTOR);
      return new PixelOp(OpSpec.of("sharpness", "factor", compact(factor)), m -> PilEnhance.sharpness(m, factor));
    });
    registry.register("posterize", "color", "posterize(bits): keep the top bits of each value, PIL ImageOps.posterize",
        args -> {
          int bits = args.integer("bits", 0, 8);
          return new PixelOp(OpSpec.of("posterize", "bits", bits), m -> PilTone.posterize(m, bits));
        });
    registry.register("solarize", "color", "solarize(threshold=128): invert values >= threshold, PIL ImageOps.solarize",
        args -> {
          double threshold = args.number("threshold", 128, 0, 256);
          return new PixelOp(OpSpec.of("solarize", "threshold", compact(threshold)), m -> PilTone.solarize(m, threshold));
        });
    registry.register("solarize_add", "color",
        "solarize_add(addition,threshold=128): add to values below threshold, clipped, as AutoAugment", args -> {
          int addition = args.integer("addition", -255, 255);
          double threshold = args.number("threshold", 128, 0, 256);
          return new PixelOp(OpSpec.of("solarize_add", "addition", addition, "threshold", compact(threshold)),
              m -> PilTone.solarizeAdd(m, addition, threshold));
        });
    registry.register("equalize", "color", "equalize: per-channel histogram equalisation, PIL ImageOps.equalize",
        args -> new PixelOp(OpSpec.of("equalize"), PilTone::equalize));
    registry.register("autocontrast", "color", "autocontrast: per-channel stretch to [0, 255], PIL ImageOps.autocontrast",
        args -> new PixelOp(OpSpec.of("autocontrast"), PilTone::autocontrast));
    registry.register("invert", "color", "invert: 255 - value, PIL ImageOps.invert",
        args -> new PixelOp(OpSpec.of("invert"), PilTone::invert));
  }

  private static void registerWarp(OpRegistry registry, String name, String key, double max, Warp warp, String summary) {
    registry.register(name, "geometric", summary, args -> {
      double amount = args.number(key, -max, max);
      Interpolation interp = interp(args);
      Fill fill = args.fill("fill", Fill.GREY, false);
      OpSpec spec = OpSpec.of(name, key, compact(amount), "interp", interp.specName(), "fill", fill.toJson());
      return new PixelOp(spec, m -> warp.apply(m, amount, interp, fill));
    });
  }

  /**
   * A whole number as an integer, so that specs read {@code pixels=14} rather than {@code pixels=14.0}
   * and parse back to the same value.
   */
  static Number compact(double value) {
    return value == Math.rint(value) && Math.abs(value) < Integer.MAX_VALUE ? (Number) (int) value : (Number) value;
  }

  private static Interpolation interp(Args args) {
    return args.choice("interp", Interpolation.NEAREST, Interpolation.NEAREST, Interpolation.BILINEAR,
        Interpolation.BICUBIC);
  }
}
