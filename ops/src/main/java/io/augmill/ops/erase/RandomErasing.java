package io.augmill.ops.erase;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.Fill;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Params;
import io.augmill.ops.Transform;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.spec.TransformJson;
import java.util.List;
import java.util.random.RandomGenerator;
import org.opencv.core.Mat;

/**
 * {@code random_erasing(scale=[sl,sh],ratio=r1,fill)}: Random Erasing (Zhong et al., AAAI 2020). Up
 * to {@value #MAX_TRIES} times: draw the area fraction uniformly in [sl, sh] and the aspect ratio
 * (height / width) log-uniformly in [r1, 1/r1] (as torchvision), take
 * {@code h = round(sqrt(area * aspect))}, {@code w = round(sqrt(area / aspect))} (ties to even, as
 * Python's {@code round}); if {@code 1 <= h < height} and {@code 1 <= w < width} the rectangle's
 * top-left corner is drawn uniformly among the positions where it fits and it is erased. If no try
 * fits, nothing is erased. Replays as one {@link Erase}.
 */
public final class RandomErasing implements Transform<RandomErasing.Draw> {

  /** Tries before giving up, as the authors' code. */
  public static final int MAX_TRIES = 100;

  /**
   * The drawn rectangle; {@code width == 0} when no try fitted and nothing is erased.
   *
   * @param x left column
   * @param y top row
   * @param width width in pixels, 0 when nothing is erased
   * @param height height in pixels, 0 when nothing is erased
   * @param seed noise seed (0 unless the fill is {@code random})
   */
  public record Draw(int x, int y, int width, int height, int seed) implements Params {
    /** No rectangle fitted. */
    public static final Draw NONE = new Draw(0, 0, 0, 0, 0);

    /** Whether a rectangle is erased. */
    public boolean erased() {
      return width > 0;
    }
  }

  private final double sl;
  private final double sh;
  private final double r1;
  private final Fill fill;

  /**
   * @param sl smallest area fraction, in [0, sh]
   * @param sh largest area fraction, in [sl, 1]
   * @param r1 smallest aspect ratio, in (0, 1]; the largest is 1/r1
   * @param fill the fill
   */
  public RandomErasing(double sl, double sh, double r1, Fill fill) {
    if (!(sl >= 0 && sl <= sh && sh <= 1)) {
      throw new IllegalArgumentException("random_erasing: parameter 'scale' must be [sl, sh] with 0 <= sl <= sh <= 1, got ["
          + sl + ", " + sh + "]");
    }
    if (!(r1 > 0 && r1 <= 1)) {
      throw new IllegalArgumentException("random_erasing: parameter 'ratio' must be a number in (0, 1] (aspect ratios "
          + "range over [ratio, 1/ratio]), got " + r1);
    }
    this.sl = sl;
    this.sh = sh;
    this.r1 = r1;
    this.fill = fill;
  }

  @Override
  public String name() {
    return "random_erasing";
  }

  @Override
  public ObjectNode args() {
    ObjectNode args = TransformJson.JSON.createObjectNode();
    args.putArray("scale").add(sl).add(sh);
    args.put("ratio", r1);
    args.set("fill", fill.toJson());
    return args;
  }

  @Override
  public Draw sample(RandomGenerator rng, ImageInfo info) {
    double area = (double) info.width() * info.height();
    double logLo = Math.log(r1);
    double logHi = -logLo;
    for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
      double target = (sl + (sh - sl) * rng.nextDouble()) * area;
      double aspect = Math.exp(logLo + (logHi - logLo) * rng.nextDouble());
      int h = (int) Math.rint(Math.sqrt(target * aspect));
      int w = (int) Math.rint(Math.sqrt(target / aspect));
      if (h >= 1 && w >= 1 && h < info.height() && w < info.width()) {
        int y = rng.nextInt(info.height() - h + 1);
        int x = rng.nextInt(info.width() - w + 1);
        int seed = fill.kind() == Fill.Kind.RANDOM ? rng.nextInt() >>> 1 : 0;
        return new Draw(x, y, w, h, seed);
      }
    }
    return Draw.NONE;
  }

  @Override
  public Mat apply(Mat image, Draw params) {
    return params.erased()
        ? Erasing.erase(image, params.x(), params.y(), params.width(), params.height(), fill, params.seed())
        : image.clone();
  }

  @Override
  public List<OpSpec> replay(Draw params) {
    return params.erased()
        ? List.of(Erase.spec(params.x(), params.y(), params.width(), params.height(), fill, params.seed()))
        : List.of();
  }
}
