package io.augmill.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Arrays;
import org.opencv.core.Scalar;

/**
 * A fill value for pixels an op creates: one 0-255 value for every channel ({@code fill=V}), one per
 * RGB channel ({@code fill=[R,G,B]}), or, for erasing ops only, per-pixel uniform noise
 * ({@code random}) or the image's per-channel mean ({@code mean}).
 *
 * <p>On a grey image an RGB fill becomes its ITU-R 601 luma {@code 0.299 R + 0.587 G + 0.114 B},
 * rounded, as PIL's RGB to L conversion.
 *
 * @param kind constant, random or mean
 * @param values the constant's channel values (1 or 3 values in [0, 255]); empty for the other kinds
 */
public record Fill(Kind kind, double[] values) {

  /** What a fill is made of. */
  public enum Kind {
    /** A constant value. */
    CONSTANT,
    /** Uniform noise in [0, 255], per pixel and channel. */
    RANDOM,
    /** The per-channel mean of the input image. */
    MEAN
  }

  /** Black. */
  public static final Fill BLACK = constant(0);
  /** Mid grey 128, the AutoAugment default. */
  public static final Fill GREY = constant(128);
  /** Per-pixel noise. */
  public static final Fill RANDOM = new Fill(Kind.RANDOM, new double[0]);
  /** The image mean. */
  public static final Fill MEAN = new Fill(Kind.MEAN, new double[0]);

  /** Validates and copies the values. */
  public Fill {
    values = values.clone();
    if (kind == Kind.CONSTANT && values.length != 1 && values.length != 3) {
      throw new IllegalArgumentException("fill must be one value or [R,G,B], got " + values.length + " values");
    }
    for (double v : values) {
      if (!(v >= 0 && v <= 255)) {
        throw new IllegalArgumentException("fill values must be in [0, 255], got " + v);
      }
    }
  }

  /** A constant fill: one value for all channels, or R, G, B. */
  public static Fill constant(double... values) {
    return new Fill(Kind.CONSTANT, values);
  }

  /** The values, copied. */
  @Override
  public double[] values() {
    return values.clone();
  }

  /** Whether this is a constant fill. */
  public boolean isConstant() {
    return kind == Kind.CONSTANT;
  }

  /**
   * The constant as an OpenCV scalar for an image with {@code channels} channels (RGB order).
   *
   * @throws IllegalStateException for random and mean fills, which depend on the image
   */
  public Scalar scalar(int channels) {
    if (kind != Kind.CONSTANT) {
      throw new IllegalStateException("fill '" + kind.name().toLowerCase(java.util.Locale.ROOT) + "' has no constant value");
    }
    if (values.length == 1) {
      return new Scalar(values[0], values[0], values[0], 0);
    }
    if (channels == 1) {
      return new Scalar(Math.rint(0.299 * values[0] + 0.587 * values[1] + 0.114 * values[2]));
    }
    return new Scalar(values[0], values[1], values[2], 0);
  }

  /** The JSON form: a number, an array, {@code "random"} or {@code "mean"}. */
  public JsonNode toJson() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (kind) {
      case RANDOM -> f.textNode("random");
      case MEAN -> f.textNode("mean");
      case CONSTANT -> {
        if (values.length == 1) {
          yield f.numberNode(values[0]);
        }
        var array = f.arrayNode();
        Arrays.stream(values).forEach(array::add);
        yield array;
      }
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Fill other && kind == other.kind && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return kind.hashCode() * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}
