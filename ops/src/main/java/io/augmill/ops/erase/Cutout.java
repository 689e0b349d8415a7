package io.augmill.ops.erase;

import io.augmill.ops.Fill;
import io.augmill.ops.FixedTransform;
import io.augmill.ops.spec.OpSpec;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;

/**
 * {@code cutout(x,y,size,fill,seed)}: one {@link Erasing#cutout} square centred at (x, y) with DeVries
 * &amp; Taylor's clipping. {@code seed} fixes {@code random} noise and is accepted only with that fill.
 */
public final class Cutout extends FixedTransform {

  private final int x;
  private final int y;
  private final int size;
  private final Fill fill;
  private final int seed;

  /**
   * @param x centre column, &gt;= 0
   * @param y centre row, &gt;= 0
   * @param size side of the square, &gt;= 1
   * @param fill the fill
   * @param seed noise seed for a {@code random} fill, &gt;= 0 (0 for other fills)
   */
  public Cutout(int x, int y, int size, Fill fill, int seed) {
    super(spec(x, y, size, fill, seed));
    if (x < 0 || y < 0 || size < 1) {
      throw new IllegalArgumentException("cutout: x and y must be >= 0 and size >= 1, got x=" + x + ", y=" + y
          + ", size=" + size);
    }
    if (seed < 0 || (seed != 0 && fill.kind() != Fill.Kind.RANDOM)) {
      throw new IllegalArgumentException("cutout: parameter 'seed' must be >= 0 and is used only with fill=random, got "
          + seed + " with fill=" + fill);
    }
    this.x = x;
    this.y = y;
    this.size = size;
    this.fill = fill;
    this.seed = seed;
  }

  /** The spec {@code cutout(x,y,size,fill[,seed])}; the seed is written for random fills only. */
  static OpSpec spec(int x, int y, int size, Fill fill, int seed) {
    List<Object> kv = new ArrayList<>(List.of("x", x, "y", y, "size", size, "fill", fill.toJson()));
    if (fill.kind() == Fill.Kind.RANDOM) {
      kv.addAll(List.of("seed", seed));
    }
    return OpSpec.of("cutout", kv.toArray());
  }

  @Override
  protected Mat apply(Mat image) {
    return Erasing.cutout(image, x, y, size, fill, seed);
  }
}
