package io.augmill.ops.geometric;

import io.augmill.ops.Border;
import io.augmill.ops.Fill;
import io.augmill.ops.FixedTransform;
import io.augmill.ops.Interpolation;
import io.augmill.ops.spec.OpSpec;
import org.opencv.core.Mat;

/** {@code rotate(degrees,interp,border,fill)}: rotation about the centre keeping the size, as PIL {@code Image.rotate}. */
public final class Rotate extends FixedTransform {

  private final double degrees;
  private final Interpolation interp;
  private final Border border;
  private final Fill fill;

  /**
   * @param degrees counter-clockwise angle, finite
   * @param interp nearest, bilinear or bicubic
   * @param border what pixels rotated in from outside show
   * @param fill the constant for {@code border=constant}
   */
  public Rotate(double degrees, Interpolation interp, Border border, Fill fill) {
    super(spec(degrees, interp, border, fill));
    if (!Double.isFinite(degrees)) {
      throw new IllegalArgumentException("rotate: degrees must be finite, got " + degrees);
    }
    if (interp == Interpolation.AREA) {
      throw new IllegalArgumentException("rotate: interp must be nearest|bilinear|bicubic, got area");
    }
    if (!fill.isConstant()) {
      throw new IllegalArgumentException("rotate: fill must be a value or [R,G,B], got " + fill);
    }
    this.degrees = degrees;
    this.interp = interp;
    this.border = border;
    this.fill = fill;
  }

  /** The spec that reproduces a rotation exactly (also what {@code random_rotate} replays). */
  static OpSpec spec(double degrees, Interpolation interp, Border border, Fill fill) {
    return OpSpec.of("rotate", "degrees", degrees, "interp", interp.specName(), "border", border.specName(),
        "fill", GeometricArgs.fillJson(fill));
  }

  @Override
  protected Mat apply(Mat image) {
    return Geometric.rotate(image, degrees, interp, border, fill);
  }
}
