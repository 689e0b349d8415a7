package io.augmill.ops.geometric;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Interpolation;
import io.augmill.ops.Params;
import io.augmill.ops.Transform;
import io.augmill.ops.spec.OpSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.opencv.core.Mat;

/**
 * {@code random_resized_crop(size,scale,ratio,interp)}: the Inception crop (Szegedy et al. 2015) with the
 * sampling of torchvision 0.14 {@code RandomResizedCrop.get_params}: up to 10 tries of an area fraction
 * uniform in {@code scale} and an aspect ratio (width / height) log-uniform in {@code ratio}, giving
 * {@code w = round(sqrt(area * ratio))}, {@code h = round(sqrt(area / ratio))} (round half to even); the
 * first window that fits gets a uniform position. If none fits, the centred window of the whole image,
 * narrowed to the nearest ratio bound when the image's own ratio is outside {@code ratio}. The window is
 * then resized to {@code size} with OpenCV ({@code resize}). Replays as {@code crop} + {@code resize}.
 */
public final class RandomResizedCrop implements Transform<RandomResizedCrop.Window> {

  /** Tries before falling back to the centre crop, as torchvision. */
  static final int TRIES = 10;

  /**
   * The drawn crop window.
   *
   * @param x left column
   * @param y top row
   * @param width window width
   * @param height window height
   */
  public record Window(int x, int y, int width, int height) implements Params {}

  private final int width;
  private final int height;
  private final double[] scale;
  private final double[] ratio;
  private final Interpolation interp;

  /**
   * @param width output width, at least 1
   * @param height output height, at least 1
   * @param scale {min, max} area fraction, {@code 0 < min <= max <= 1}
   * @param ratio {min, max} aspect ratio (width / height), {@code 0 < min <= max}
   * @param interp how the window is resized
   */
  public RandomResizedCrop(int width, int height, double[] scale, double[] ratio, Interpolation interp) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("random_resized_crop: size must be >= 1, got " + width + "x" + height);
    }
    if (scale.length != 2 || !(scale[0] > 0 && scale[0] <= scale[1] && scale[1] <= 1)) {
      throw new IllegalArgumentException("random_resized_crop: scale must be [min, max] with 0 < min <= max <= 1, got "
          + java.util.Arrays.toString(scale));
    }
    if (ratio.length != 2 || !(ratio[0] > 0 && ratio[0] <= ratio[1] && Double.isFinite(ratio[1]))) {
      throw new IllegalArgumentException("random_resized_crop: ratio must be [min, max] with 0 < min <= max, got "
          + java.util.Arrays.toString(ratio));
    }
    this.width = width;
    this.height = height;
    this.scale = scale.clone();
    this.ratio = ratio.clone();
    this.interp = interp;
  }

  @Override
  public String name() {
    return "random_resized_crop";
  }

  @Override
  public ObjectNode args() {
    return OpSpec.of(name(), "size", GeometricArgs.sizeJson(width, height), "scale", scale, "ratio", ratio,
        "interp", interp.specName()).args();
  }

  @Override
  public Window sample(RandomGenerator rng, ImageInfo info) {
    int w0 = info.width();
    int h0 = info.height();
    double area = (double) w0 * h0;
    double logLo = Math.log(ratio[0]);
    double logHi = Math.log(ratio[1]);
    for (int i = 0; i < TRIES; i++) {
      double targetArea = area * uniform(rng, scale[0], scale[1]);
      double aspect = Math.exp(uniform(rng, logLo, logHi));
      int w = (int) Math.rint(Math.sqrt(targetArea * aspect));
      int h = (int) Math.rint(Math.sqrt(targetArea / aspect));
      if (w > 0 && w <= w0 && h > 0 && h <= h0) {
        int y = rng.nextInt(h0 - h + 1);
        int x = rng.nextInt(w0 - w + 1);
        return new Window(x, y, w, h);
      }
    }
    return fallback(w0, h0, ratio);
  }

  /** torchvision's fallback: the centred window, clamped to the ratio range. */
  static Window fallback(int w0, int h0, double[] ratio) {
    double inRatio = (double) w0 / h0;
    int w = w0;
    int h = h0;
    if (inRatio < ratio[0]) {
      h = (int) Math.rint(w / ratio[0]);
    } else if (inRatio > ratio[1]) {
      w = (int) Math.rint(h * ratio[1]);
    }
    return new Window((w0 - w) / 2, (h0 - h) / 2, w, h);
  }

  private static double uniform(RandomGenerator rng, double lo, double hi) {
    return lo + (hi - lo) * rng.nextDouble();
  }

  @Override
  public Mat apply(Mat image, Window p) {
    Mat crop = Geometric.crop(image, p.x(), p.y(), p.width(), p.height());
    if (p.width() == width && p.height() == height) {
      return crop;
    }
    Mat out = Geometric.resize(crop, width, height, interp);
    crop.release();
    return out;
  }

  @Override
  public ImageInfo outputInfo(ImageInfo input, Window params) {
    return input.withSize(width, height);
  }

  @Override
  public List<OpSpec> replay(Window p) {
    List<OpSpec> ops = new ArrayList<>(2);
    ops.addAll(new Crop(p.x(), p.y(), p.width(), p.height()).replay(Params.None.INSTANCE));
    if (p.width() != width || p.height() != height) {
      ops.addAll(new Resize(width, height, interp).replay(Params.None.INSTANCE));
    }
    return ops;
  }
}
