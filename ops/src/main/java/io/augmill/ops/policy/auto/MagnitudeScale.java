package io.augmill.ops.policy.auto;

import io.augmill.ops.Fill;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Interpolation;
import io.augmill.ops.spec.OpSpec;

/**
 * How a magnitude bin becomes an op argument: torchvision 0.14's augmentation spaces. A bin
 * {@code m} of {@code bins} maps linearly from 0 (bin 0) to the op's maximum (the last bin):
 * {@code value = max * m / (bins - 1)}, rounded to single precision as torchvision's float32
 * {@code linspace} tensors are; signed ops then take a random sign. Enhance ops get {@code factor = 1 +
 * value}; translations are truncated to whole pixels toward zero ({@code int()}); posterize keeps
 * {@code 8 - round(m / ((bins - 1) / levels))} bits (round half to even); solarize's threshold falls
 * from 255 to 0.
 */
public enum MagnitudeScale {
  /** AutoAugment: 10 bins; shear 0.3, translate 150/331 of the size, rotate 30 degrees, enhance 0.9, posterize 8..4 bits. */
  AUTOAUGMENT(10, 0.3, 150.0 / 331.0, 0, 30, 0.9, 4),
  /** RandAugment: the AutoAugment ranges on 31 bins (0..30). */
  RANDAUGMENT(31, 0.3, 150.0 / 331.0, 0, 30, 0.9, 4),
  /** TrivialAugment Wide: 31 bins; shear 0.99, translate 32 pixels, rotate 135 degrees, enhance 0.99, posterize 8..2 bits. */
  WIDE(31, 0.99, 0, 32, 135, 0.99, 6);

  private final int bins;
  private final double shear;
  private final double translateFraction;
  private final double translatePixels;
  private final double rotate;
  private final double enhance;
  private final int posterizeLevels;

  MagnitudeScale(int bins, double shear, double translateFraction, double translatePixels, double rotate,
      double enhance, int posterizeLevels) {
    this.bins = bins;
    this.shear = shear;
    this.translateFraction = translateFraction;
    this.translatePixels = translatePixels;
    this.rotate = rotate;
    this.enhance = enhance;
    this.posterizeLevels = posterizeLevels;
  }

  /** Number of bins; magnitudes run from 0 to {@code bins - 1}. */
  public int bins() {
    return bins;
  }

  /** The largest magnitude, {@code bins - 1}. */
  public int maxMagnitude() {
    return bins - 1;
  }

  /**
   * The fixed op spec for {@code op} at magnitude {@code m} (a bin, or a fractional position between
   * bins) on an image of geometry {@code info}.
   *
   * @param negative whether a signed op's magnitude is negated (ignored for unsigned ops)
   * @param interp interpolation of the geometric ops
   * @param fill fill of the geometric ops
   */
  public OpSpec spec(AugmentOp op, double m, boolean negative, ImageInfo info, Interpolation interp, Fill fill) {
    if (!(m >= 0 && m <= maxMagnitude())) {
      throw new IllegalArgumentException(op.opName() + ": magnitude must be in [0, " + maxMagnitude() + "], got " + m);
    }
    double sign = op.signed() && negative ? -1 : 1;
    // Adding 0.0 turns a negated zero into 0, so that bin 0 writes the same spec whatever the sign.
    String geometry = "interp";
    return switch (op) {
      case IDENTITY, AUTOCONTRAST, EQUALIZE, INVERT -> OpSpec.of(op.opName());
      case SHEAR_X, SHEAR_Y -> OpSpec.of(op.opName(), "factor", sign * level(shear, m) + 0.0, geometry, interp.specName(),
          "fill", fill.toJson());
      case TRANSLATE_X, TRANSLATE_Y -> {
        double max = translatePixels > 0 ? translatePixels
            : translateFraction * (op == AugmentOp.TRANSLATE_X ? info.width() : info.height());
        yield OpSpec.of(op.opName(), "pixels", (int) (sign * level(max, m)), geometry, interp.specName(),
            "fill", fill.toJson());
      }
      case ROTATE -> OpSpec.of("rotate", "degrees", sign * level(rotate, m) + 0.0, geometry, interp.specName(),
          "fill", fill.toJson());
      case BRIGHTNESS, COLOR, CONTRAST, SHARPNESS -> OpSpec.of(op.opName(), "factor", 1.0 + sign * level(enhance, m));
      case POSTERIZE -> OpSpec.of("posterize", "bits", posterizeBits(m));
      case SOLARIZE -> OpSpec.of("solarize", "threshold", single(255.0 - 255.0 * m / maxMagnitude()));
    };
  }

  /** Bits kept by posterize at magnitude {@code m}. */
  public int posterizeBits(double m) {
    return 8 - (int) Math.rint(m / ((double) maxMagnitude() / posterizeLevels));
  }

  private double level(double max, double m) {
    return single(max * m / maxMagnitude());
  }

  /** The value rounded to single precision, written with the fewest decimal digits that identify it. */
  static double single(double value) {
    return Double.parseDouble(Float.toString((float) value));
  }
}
