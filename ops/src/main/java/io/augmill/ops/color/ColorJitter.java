package io.augmill.ops.color;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * {@code color_jitter(brightness,contrast,saturation,hue)} as torchvision {@code ColorJitter}: the
 * brightness, contrast and saturation factors are drawn uniformly from {@code [max(0, 1-b), 1+b]}, the
 * hue shift from {@code [-h, h]}, and the four adjustments are applied in a uniformly random order (a
 * random permutation of the four, as {@code torch.randperm(4)}). An adjustment whose amount is 0 is
 * disabled: nothing is drawn for it and it is not applied. Replays as the fixed ops in the drawn order.
 */
public final class ColorJitter implements Transform<ColorJitter.Draw> {

  /** Index of each adjustment in {@link Draw#order()}. */
  public static final int BRIGHTNESS = 0;
  /** Contrast. */
  public static final int CONTRAST = 1;
  /** Saturation. */
  public static final int SATURATION = 2;
  /** Hue. */
  public static final int HUE = 3;

  /**
   * @param order a permutation of 0..3 (brightness, contrast, saturation, hue): the order applied
   * @param brightness the drawn factor, null when disabled
   * @param contrast the drawn factor, null when disabled
   * @param saturation the drawn factor, null when disabled
   * @param hue the drawn shift, null when disabled
   */
  public record Draw(List<Integer> order, Double brightness, Double contrast, Double saturation, Double hue)
      implements Params {
    /** Copies the order. */
    public Draw {
      order = List.copyOf(order);
    }
  }

  /** Largest jitter amount for brightness, contrast and saturation, so that factors stay within the enhance range. */
  public static final double MAX_AMOUNT = Enhance.MAX_FACTOR - 1;

  private final double brightness;
  private final double contrast;
  private final double saturation;
  private final double hue;

  /**
   * @param brightness jitter amount b >= 0 (factor in [max(0,1-b), 1+b]); 0 disables
   * @param contrast as brightness
   * @param saturation as brightness
   * @param hue shift amount in [0, 0.5] (shift in [-h, h]); 0 disables
   */
  public ColorJitter(double brightness, double contrast, double saturation, double hue) {
    this.brightness = checkAmount("brightness", brightness);
    this.contrast = checkAmount("contrast", contrast);
    this.saturation = checkAmount("saturation", saturation);
    if (!(hue >= 0 && hue <= 0.5)) {
      throw new IllegalArgumentException("color_jitter: parameter 'hue' must be a number in [0, 0.5], got " + hue);
    }
    this.hue = hue;
  }

  @Override
  public String name() {
    return "color_jitter";
  }

  @Override
  public ObjectNode args() {
    ObjectNode args = TransformJson.JSON.createObjectNode();
    args.put("brightness", brightness);
    args.put("contrast", contrast);
    args.put("saturation", saturation);
    args.put("hue", hue);
    return args;
  }

  @Override
  public Draw sample(RandomGenerator rng, ImageInfo info) {
    List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3));
    for (int i = 3; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      order.set(i, order.set(j, order.get(i)));
    }
    return new Draw(order, factor(rng, brightness), factor(rng, contrast), factor(rng, saturation),
        hue == 0 ? null : -hue + 2 * hue * rng.nextDouble());
  }

  @Override
  public Mat apply(Mat image, Draw params) {
    Images.requireSupported(image, "color_jitter");
    Mat current = image;
    for (int step : params.order()) {
      Mat next = switch (step) {
        case BRIGHTNESS -> params.brightness() == null ? null : Enhance.brightness(current, params.brightness());
        case CONTRAST -> params.contrast() == null ? null : Enhance.contrast(current, params.contrast());
        case SATURATION -> params.saturation() == null ? null : Enhance.saturation(current, params.saturation());
        case HUE -> params.hue() == null ? null : Hue.shift(current, params.hue());
        default -> throw new IllegalArgumentException("color_jitter: order must be a permutation of 0..3, got "
            + params.order());
      };
      if (next != null) {
        if (current != image) {
          current.release();
        }
        current = next;
      }
    }
    return current == image ? image.clone() : current;
  }

  @Override
  public List<OpSpec> replay(Draw params) {
    List<OpSpec> out = new ArrayList<>();
    for (int step : params.order()) {
      if (step == BRIGHTNESS && params.brightness() != null) {
        out.add(OpSpec.of("brightness", "factor", params.brightness()));
      } else if (step == CONTRAST && params.contrast() != null) {
        out.add(OpSpec.of("contrast", "factor", params.contrast()));
      } else if (step == SATURATION && params.saturation() != null) {
        out.add(OpSpec.of("saturation", "factor", params.saturation()));
      } else if (step == HUE && params.hue() != null) {
        out.add(OpSpec.of("hue", "shift", params.hue()));
      }
    }
    return out;
  }

  private static Double factor(RandomGenerator rng, double amount) {
    if (amount == 0) {
      return null;
    }
    double lo = Math.max(0, 1 - amount);
    return lo + (1 + amount - lo) * rng.nextDouble();
  }

  private static double checkAmount(String key, double amount) {
    if (!(amount >= 0 && amount <= MAX_AMOUNT)) {
      throw new IllegalArgumentException("color_jitter: parameter '" + key + "' must be a number in [0, "
          + (int) MAX_AMOUNT + "], got " + amount);
    }
    return amount;
  }
}
