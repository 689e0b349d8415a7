package io.augmill.ops.geometric;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.Border;
import io.augmill.ops.Fill;
import io.augmill.ops.Interpolation;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Params;
import io.augmill.ops.Transform;
import io.augmill.ops.spec.OpSpec;
import java.util.List;
import java.util.random.RandomGenerator;
import org.opencv.core.Mat;

/**
 * {@code random_rotate(max_degrees,interp,border,fill)}: {@code rotate} by an angle uniform in
 * {@code [-max_degrees, max_degrees]}, as torchvision {@code RandomRotation(max_degrees)}. Replays as
 * {@code rotate(degrees=ANGLE,...)}.
 */
public final class RandomRotate implements Transform<RandomRotate.Angle> {

  /** @param degrees the drawn counter-clockwise angle */
  public record Angle(double degrees) implements Params {}

  private final double maxDegrees;
  private final Interpolation interp;
  private final Border border;
  private final Fill fill;

  /**
   * @param maxDegrees largest absolute angle, in [0, 180]
   * @param interp nearest, bilinear or bicubic
   * @param border what pixels rotated in from outside show
   * @param fill the constant for {@code border=constant}
   */
  public RandomRotate(double maxDegrees, Interpolation interp, Border border, Fill fill) {
    if (!(maxDegrees >= 0 && maxDegrees <= 180)) {
      throw new IllegalArgumentException("random_rotate: max_degrees must be in [0, 180], got " + maxDegrees);
    }
    if (interp == Interpolation.AREA) {
      throw new IllegalArgumentException("random_rotate: interp must be nearest|bilinear|bicubic, got area");
    }
    if (!fill.isConstant()) {
      throw new IllegalArgumentException("random_rotate: fill must be a value or [R,G,B], got " + fill);
    }
    this.maxDegrees = maxDegrees;
    this.interp = interp;
    this.border = border;
    this.fill = fill;
  }

  @Override
  public String name() {
    return "random_rotate";
  }

  @Override
  public ObjectNode args() {
    return OpSpec.of(name(), "max_degrees", maxDegrees, "interp", interp.specName(), "border", border.specName(),
        "fill", GeometricArgs.fillJson(fill)).args();
  }

  @Override
  public Angle sample(RandomGenerator rng, ImageInfo info) {
    return new Angle(-maxDegrees + 2 * maxDegrees * rng.nextDouble());
  }

  @Override
  public Mat apply(Mat image, Angle params) {
    return Geometric.rotate(image, params.degrees(), interp, border, fill);
  }

  @Override
  public List<OpSpec> replay(Angle params) {
    return List.of(Rotate.spec(params.degrees(), interp, border, fill));
  }
}
