package io.augmill.ops.geometric;

import io.augmill.ops.FixedTransform;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.spec.OpSpec;
import org.opencv.core.Mat;

/** {@code center_crop(size)}: the centred window of {@code size} ({@code N} or {@code [W,H]}), as torchvision CenterCrop. */
public final class CenterCrop extends FixedTransform {

  private final int width;
  private final int height;

  /**
   * @param width output width, at least 1
   * @param height output height, at least 1
   */
  public CenterCrop(int width, int height) {
    super(OpSpec.of("center_crop", "size", GeometricArgs.sizeJson(width, height)));
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("center_crop: size must be >= 1, got " + width + "x" + height);
    }
    this.width = width;
    this.height = height;
  }

  @Override
  protected Mat apply(Mat image) {
    return Geometric.centerCrop(image, width, height);
  }

  @Override
  protected ImageInfo outputInfo(ImageInfo input) {
    return input.withSize(width, height);
  }
}
