package io.augmill.ops.erase;

import io.augmill.ops.Fill;
import io.augmill.ops.FixedTransform;
import io.augmill.ops.spec.OpSpec;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;

/**
 * {@code erase(x,y,width,height,fill=V|[R,G,B]|random|mean,seed)}: {@link Erasing#erase} of a fixed
 * rectangle (top-left corner, clipped to the image). {@code seed} fixes {@code random} noise and is
 * accepted only with that fill.
 */
public final class Erase extends FixedTransform {

  private final int x;
  private final int y;
  private final int width;
  private final int height;
  private final Fill fill;
  private final int seed;

  /**
   * @param x left column, &gt;= 0
   * @param y top row, &gt;= 0
   * @param width &gt;= 1
   * @param height &gt;= 1
   * @param fill the fill
   * @param seed noise seed for a {@code random} fill, &gt;= 0 (0 for other fills)
   */
  public Erase(int x, int y, int width, int height, Fill fill, int seed) {
    super(spec(x, y, width, height, fill, seed));
    if (x < 0 || y < 0 || width < 1 || height < 1) {
      throw new IllegalArgumentException("erase: x and y must be >= 0 and width and height >= 1, got x=" + x
          + ", y=" + y + ", width=" + width + ", height=" + height);
    }
    if (seed < 0 || (seed != 0 && fill.kind() != Fill.Kind.RANDOM)) {
      throw new IllegalArgumentException("erase: parameter 'seed' must be >= 0 and is used only with fill=random, got "
          + seed + " with fill=" + fill);
    }
    this.x = x;
    this.y = y;
    this.width = width;
    this.height = height;
    this.fill = fill;
    this.seed = seed;
  }

  /** The spec {@code erase(x,y,width,height,fill[,seed])}; the seed is written for random fills only. */
  static OpSpec spec(int x, int y, int width, int height, Fill fill, int seed) {
    List<Object> kv = new ArrayList<>(List.of("x", x, "y", y, "width", width, "height", height, "fill", fill.toJson()));
    if (fill.kind() == Fill.Kind.RANDOM) {
      kv.addAll(List.of("seed", seed));
    }
    return OpSpec.of("erase", kv.toArray());
  }

  @Override
  protected Mat apply(Mat image) {
    return Erasing.erase(image, x, y, width, height, fill, seed);
  }
}
