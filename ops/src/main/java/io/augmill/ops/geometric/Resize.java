package io.augmill.ops.geometric;

import io.augmill.ops.FixedTransform;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Interpolation;
import io.augmill.ops.spec.OpSpec;
import org.opencv.core.Mat;

/** {@code resize(width,height,interp)}: OpenCV {@code cv2.resize} to a fixed size, no antialiasing. */
public final class Resize extends FixedTransform {

  private final int width;
  private final int height;
  private final Interpolation interp;

  /**
   * @param width output width, at least 1
   * @param height output height, at least 1
   * @param interp nearest, bilinear, bicubic or area
   */
  public Resize(int width, int height, Interpolation interp) {
    super(OpSpec.of("resize", "width", width, "height", height, "interp", interp.specName()));
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("resize: width and height must be >= 1, got " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
    this.interp = interp;
  }

  @Override
  protected Mat apply(Mat image) {
    return Geometric.resize(image, width, height, interp);
  }

  @Override
  protected ImageInfo outputInfo(ImageInfo input) {
    return input.withSize(width, height);
  }
}
