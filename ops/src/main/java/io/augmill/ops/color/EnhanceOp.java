package io.augmill.ops.color;

import io.augmill.ops.FixedTransform;
import io.augmill.ops.spec.OpSpec;
import org.opencv.core.Mat;

/**
 * {@code brightness(factor)}, {@code contrast(factor)}, {@code saturation(factor)} and its AutoAugment
 * name {@code color(factor)}: the {@link Enhance} functions with a fixed factor (1 = unchanged).
 */
public final class EnhanceOp extends FixedTransform {

  /** Which PIL enhancer. */
  public enum Kind {
    /** Blend with black. */
    BRIGHTNESS,
    /** Blend with the mean grey level. */
    CONTRAST,
    /** Blend with the grey image. */
    SATURATION
  }

  private final Kind kind;
  private final double factor;

  /**
   * @param name the registry name ({@code color} and {@code saturation} share {@link Kind#SATURATION})
   * @param kind the enhancer
   * @param factor in [0, {@value Enhance#MAX_FACTOR}]
   */
  public EnhanceOp(String name, Kind kind, double factor) {
    super(OpSpec.of(name, "factor", factor));
    if (!(factor >= 0 && factor <= Enhance.MAX_FACTOR)) {
      throw new IllegalArgumentException(name + ": parameter 'factor' must be a number in [0, "
          + (int) Enhance.MAX_FACTOR + "], got " + factor);
    }
    this.kind = kind;
    this.factor = factor;
  }

  /** The factor. */
  public double factor() {
    return factor;
  }

  @Override
  protected Mat apply(Mat image) {
    return switch (kind) {
      case BRIGHTNESS -> Enhance.brightness(image, factor);
      case CONTRAST -> Enhance.contrast(image, factor);
      case SATURATION -> Enhance.saturation(image, factor);
    };
  }
}
