package io.augmill.ops.geometric;

import io.augmill.ops.Border;
import io.augmill.ops.Fill;
import io.augmill.ops.FixedTransform;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.spec.OpSpec;
import org.opencv.core.Mat;

/** {@code pad(top,bottom,left,right,border,fill)}: adds pixels around the image, as {@code numpy.pad}. */
public final class Pad extends FixedTransform {

  private final int top;
  private final int bottom;
  private final int left;
  private final int right;
  private final Border border;
  private final Fill fill;

  /**
   * @param top rows added above, at least 0 (likewise {@code bottom}, {@code left}, {@code right})
   * @param border how the new pixels are made
   * @param fill the constant for {@code border=constant}
   */
  public Pad(int top, int bottom, int left, int right, Border border, Fill fill) {
    super(OpSpec.of("pad", "top", top, "bottom", bottom, "left", left, "right", right,
        "border", border.specName(), "fill", GeometricArgs.fillJson(fill)));
    if (top < 0 || bottom < 0 || left < 0 || right < 0) {
      throw new IllegalArgumentException("pad: amounts must be >= 0, got top=" + top + ", bottom=" + bottom
          + ", left=" + left + ", right=" + right);
    }
    if (!fill.isConstant()) {
      throw new IllegalArgumentException("pad: fill must be a value or [R,G,B], got " + fill);
    }
    this.top = top;
    this.bottom = bottom;
    this.left = left;
    this.right = right;
    this.border = border;
    this.fill = fill;
  }

  @Override
  protected Mat apply(Mat image) {
    return Geometric.pad(image, top, bottom, left, right, border, fill);
  }

  @Override
  protected ImageInfo outputInfo(ImageInfo input) {
    return input.withSize(input.width() + left + right, input.height() + top + bottom);
  }
}
