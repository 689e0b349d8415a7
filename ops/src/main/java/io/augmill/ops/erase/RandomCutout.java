package io.augmill.ops.erase;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.Fill;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Params;
import io.augmill.ops.Transform;
import io.augmill.ops.image.Images;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.spec.TransformJson;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.opencv.core.Mat;

/**
 * {@code cutout(size,holes,fill)}: DeVries &amp; Taylor's Cutout. Each of {@code holes} squares has its
 * centre drawn uniformly over the whole image (row first, then column, as the reference code), so
 * squares near a border are clipped; holes are applied one after the other. Replays as one fixed
 * {@link Cutout} per hole.
 */
public final class RandomCutout implements Transform<RandomCutout.Draw> {

  /**
   * One hole.
   *
   * @param x centre column
   * @param y centre row
   * @param seed noise seed (0 unless the fill is {@code random})
   */
  public record Hole(int x, int y, int seed) {}

  /** @param holes the drawn holes, in the order applied */
  public record Draw(List<Hole> holes) implements Params {
    /** Copies the list. */
    public Draw {
      holes = List.copyOf(holes);
    }
  }

  /** Most holes accepted. */
  public static final int MAX_HOLES = 64;

  private final int size;
  private final int holes;
  private final Fill fill;

  /**
   * @param size side of each square, &gt;= 1
   * @param holes number of squares, in [1, {@value #MAX_HOLES}]
   * @param fill the fill
   */
  public RandomCutout(int size, int holes, Fill fill) {
    if (size < 1) {
      throw new IllegalArgumentException("cutout: parameter 'size' must be >= 1, got " + size);
    }
    if (holes < 1 || holes > MAX_HOLES) {
      throw new IllegalArgumentException("cutout: parameter 'holes' must be in [1, " + MAX_HOLES + "], got " + holes);
    }
    this.size = size;
    this.holes = holes;
    this.fill = fill;
  }

  @Override
  public String name() {
    return "cutout";
  }

  @Override
  public ObjectNode args() {
    ObjectNode args = TransformJson.JSON.createObjectNode();
    args.put("size", size);
    args.put("holes", holes);
    args.set("fill", fill.toJson());
    return args;
  }

  @Override
  public Draw sample(RandomGenerator rng, ImageInfo info) {
    List<Hole> drawn = new ArrayList<>(holes);
    for (int i = 0; i < holes; i++) {
      int y = rng.nextInt(info.height());
      int x = rng.nextInt(info.width());
      int seed = fill.kind() == Fill.Kind.RANDOM ? rng.nextInt() >>> 1 : 0;
      drawn.add(new Hole(x, y, seed));
    }
    return new Draw(drawn);
  }

  @Override
  public Mat apply(Mat image, Draw params) {
    Images.requireSupported(image, "cutout");
    // Erasing.cutout returns a new Mat, so the input itself is the first hole's source (no extra copy)
    Mat current = image;
    for (Hole h : params.holes()) {
      Mat next = Erasing.cutout(current, h.x(), h.y(), size, fill, h.seed());
      if (current != image) {
        current.release();
      }
      current = next;
    }
    return current == image ? image.clone() : current;
  }

  @Override
  public List<OpSpec> replay(Draw params) {
    List<OpSpec> out = new ArrayList<>();
    for (Hole h : params.holes()) {
      out.add(Cutout.spec(h.x(), h.y(), size, fill, h.seed()));
    }
    return out;
  }
}
