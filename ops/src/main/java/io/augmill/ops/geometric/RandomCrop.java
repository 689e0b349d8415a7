package io.augmill.ops.geometric;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.Border;
import io.augmill.ops.Fill;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Params;
import io.augmill.ops.Transform;
import io.augmill.ops.spec.OpSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.opencv.core.Mat;

/**
 * {@code random_crop(size,padding,border,fill)}: the CIFAR pad-and-crop of He et al. (2016), as
 * torchvision {@code RandomCrop(size, padding, padding_mode)}: pad {@code padding} pixels on every side,
 * then take a {@code size} window at a uniformly drawn offset, so the offset in each direction is uniform
 * over {@code [0, 2 * padding + image - size]}. Replays as {@code pad} + {@code crop}.
 */
public final class RandomCrop implements Transform<RandomCrop.Offset> {

  /**
   * The drawn window corner in the padded image.
   *
   * @param x left column of the window in the padded image
   * @param y top row of the window in the padded image
   */
  public record Offset(int x, int y) implements Params {}

  private final int width;
  private final int height;
  private final int padding;
  private final Border border;
  private final Fill fill;

  /**
   * @param width crop width, at least 1
   * @param height crop height, at least 1
   * @param padding pixels added on each side first, at least 0
   * @param border how the padding is made
   * @param fill the constant for {@code border=constant}
   */
  public RandomCrop(int width, int height, int padding, Border border, Fill fill) {
    if (width < 1 || height < 1 || padding < 0) {
      throw new IllegalArgumentException("random_crop: need size >= 1 and padding >= 0, got " + width + "x" + height
          + ", padding " + padding);
    }
    if (!fill.isConstant()) {
      throw new IllegalArgumentException("random_crop: fill must be a value or [R,G,B], got " + fill);
    }
    this.width = width;
    this.height = height;
    this.padding = padding;
    this.border = border;
    this.fill = fill;
  }

  @Override
  public String name() {
    return "random_crop";
  }

  @Override
  public ObjectNode args() {
    return OpSpec.of(name(), "size", GeometricArgs.sizeJson(width, height), "padding", padding,
        "border", border.specName(), "fill", GeometricArgs.fillJson(fill)).args();
  }

  @Override
  public Offset sample(RandomGenerator rng, ImageInfo info) {
    int paddedWidth = info.width() + 2 * padding;
    int paddedHeight = info.height() + 2 * padding;
    if (width > paddedWidth || height > paddedHeight) {
      throw new IllegalArgumentException("random_crop: crop " + width + "x" + height + " is larger than the "
          + info.width() + "x" + info.height() + " image padded by " + padding + " (" + paddedWidth + "x"
          + paddedHeight + ")");
    }
    int x = rng.nextInt(paddedWidth - width + 1);
    int y = rng.nextInt(paddedHeight - height + 1);
    return new Offset(x, y);
  }

  @Override
  public Mat apply(Mat image, Offset params) {
    if (padding == 0) {
      return Geometric.crop(image, params.x(), params.y(), width, height);
    }
    Mat padded = Geometric.pad(image, padding, padding, padding, padding, border, fill);
    Mat out = Geometric.crop(padded, params.x(), params.y(), width, height);
    padded.release();
    return out;
  }

  @Override
  public ImageInfo outputInfo(ImageInfo input, Offset params) {
    return input.withSize(width, height);
  }

  @Override
  public List<OpSpec> replay(Offset params) {
    List<OpSpec> ops = new ArrayList<>(2);
    if (padding > 0) {
      ops.addAll(new Pad(padding, padding, padding, padding, border, fill).replay(Params.None.INSTANCE));
    }
    ops.addAll(new Crop(params.x(), params.y(), width, height).replay(Params.None.INSTANCE));
    return ops;
  }
}
