package io.augmill.ops.pil;

import io.augmill.ops.FixedTransform;
import io.augmill.ops.spec.OpSpec;
import java.util.function.UnaryOperator;
import org.opencv.core.Mat;

/**
 * A fixed-parameter op whose output is one pixel function of its input: the spec records the validated
 * arguments (defaults included, so the spec alone reproduces the output) and the function applies them.
 */
final class PixelOp extends FixedTransform {

  private final UnaryOperator<Mat> function;

  PixelOp(OpSpec spec, UnaryOperator<Mat> function) {
    super(spec);
    this.function = function;
  }

  @Override
  protected Mat apply(Mat image) {
    return function.apply(image);
  }
}
