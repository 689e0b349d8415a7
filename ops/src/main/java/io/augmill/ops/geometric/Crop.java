package io.augmill.ops.geometric;

import io.augmill.ops.FixedTransform;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.spec.OpSpec;
import org.opencv.core.Mat;

/** {@code crop(x,y,width,height)}: the window with top-left pixel {@code (x, y)}; it must lie inside the image. */
public final class Crop extends FixedTransform {

  private final int x;
  private final int y;
  private final int width;
  private final int height;

  /**
   * @param x left column, at least 0
   * @param y top row, at least 0
   * @param width window width, at least 1
   * @param height window height, at least 1
   */
  public Crop(int x, int y, int width, int height) {
    super(OpSpec.of("crop", "x", x, "y", y, "width", width, "height", height));
    if (x < 0 || y < 0 || width < 1 || height < 1) {
      throw new IllegalArgumentException("crop: need x, y >= 0 and width, height >= 1, got x=" + x + ", y=" + y
          + ", width=" + width + ", height=" + height);
    }
    this.x = x;
    this.y = y;
    this.width = width;
    this.height = height;
  }

  @Override
  protected Mat apply(Mat image) {
    return Geometric.crop(image, x, y, width, height);
  }

  @Override
  protected ImageInfo outputInfo(ImageInfo input) {
    Geometric.requireWindow("crop", input.width(), input.height(), x, y, width, height);
    return input.withSize(width, height);
  }
}
