package io.augmill.ops.color;

import io.augmill.ops.Transform;
import io.augmill.ops.spec.Args;
import io.augmill.ops.spec.OpProvider;
import io.augmill.ops.spec.OpRegistry;

/**
 * Registers the colour ops: {@code brightness}, {@code contrast}, {@code saturation}, {@code color},
 * {@code hue}, {@code color_jitter} and {@code pca_lighting}.
 */
public final class ColorOps implements OpProvider {

  /** Bound on fixed lighting coefficients: a thousand standard deviations of the usual 0.1. */
  private static final double MAX_ALPHA = 100;

  @Override
  public void register(OpRegistry registry) {
    enhance(registry, "brightness", EnhanceOp.Kind.BRIGHTNESS,
        "brightness(factor): blend with black as PIL ImageEnhance.Brightness (1 = unchanged)");
    enhance(registry, "contrast", EnhanceOp.Kind.CONTRAST,
        "contrast(factor): blend with the mean grey level as PIL ImageEnhance.Contrast (1 = unchanged)");
    enhance(registry, "saturation", EnhanceOp.Kind.SATURATION,
        "saturation(factor): blend with the grey image as PIL ImageEnhance.Color (1 = unchanged)");
    enhance(registry, "color", EnhanceOp.Kind.SATURATION,
        "color(factor): AutoAugment's name for saturation, PIL ImageEnhance.Color (1 = unchanged)");
    registry.register("hue", "color",
        "hue(shift): rotate hue by a fraction of the circle in [-0.5, 0.5], as torchvision adjust_hue",
        args -> new HueOp(args.number("shift", -0.5, 0.5)));
    registry.register("color_jitter", "color",
        "color_jitter(brightness,contrast,saturation,hue): torchvision ColorJitter, random order",
        args -> new ColorJitter(
            args.number("brightness", 0, 0, ColorJitter.MAX_AMOUNT),
            args.number("contrast", 0, 0, ColorJitter.MAX_AMOUNT),
            args.number("saturation", 0, 0, ColorJitter.MAX_AMOUNT),
            args.number("hue", 0, 0, 0.5)));
    registry.register("pca_lighting", "color",
        "pca_lighting(alpha=[a1,a2,a3] | alphastd=0.1, eigval, eigvec): AlexNet PCA lighting noise",
        ColorOps::pcaLighting);
  }

  private static void enhance(OpRegistry registry, String name, EnhanceOp.Kind kind, String summary) {
    registry.register(name, "color", summary,
        args -> new EnhanceOp(name, kind, args.number("factor", 0, Enhance.MAX_FACTOR)));
  }

  private static Transform<?> pcaLighting(Args args) {
    boolean fixed = args.has("alpha");
    double[] alpha = fixed ? args.numbers("alpha", 3, null, -MAX_ALPHA, MAX_ALPHA) : null;
    double alphastd = fixed ? 0 : args.number("alphastd", 0.1, 0, RandomPcaLighting.MAX_ALPHASTD);
    double[] eigval = args.numbers("eigval", 3, Lighting.IMAGENET_EIGVAL, 0, 1);
    double[][] eigvec = args.matrix("eigvec", 3, 3, Lighting.IMAGENET_EIGVEC);
    for (double[] row : eigvec) {
      for (double v : row) {
        if (!(v >= -1 && v <= 1)) {
          throw args.invalid("eigvec", "a 3x3 matrix of unit eigenvectors (columns), entries in [-1, 1]");
        }
      }
    }
    return fixed ? new PcaLighting(alpha, eigval, eigvec) : new RandomPcaLighting(alphastd, eigval, eigvec);
  }
}
