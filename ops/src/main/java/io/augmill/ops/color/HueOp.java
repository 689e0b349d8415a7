package io.augmill.ops.color;

import io.augmill.ops.FixedTransform;
import io.augmill.ops.spec.OpSpec;
import org.opencv.core.Mat;

/** {@code hue(shift)}: {@link Hue#shift} by a fixed fraction of the hue circle in [-0.5, 0.5]. */
public final class HueOp extends FixedTransform {

  private final double shift;

  /** @param shift fraction of the hue circle, in [-0.5, 0.5] */
  public HueOp(double shift) {
    super(OpSpec.of("hue", "shift", shift));
    if (!(shift >= -0.5 && shift <= 0.5)) {
      throw new IllegalArgumentException("hue: parameter 'shift' must be a number in [-0.5, 0.5], got " + shift);
    }
    this.shift = shift;
  }

  @Override
  protected Mat apply(Mat image) {
    return Hue.shift(image, shift);
  }
}
