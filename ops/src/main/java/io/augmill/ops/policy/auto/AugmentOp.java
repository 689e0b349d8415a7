package io.augmill.ops.policy.auto;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The ops AutoAugment, RandAugment and TrivialAugment choose from, by the registry name of the op each
 * resolves to. Signed ops have their magnitude negated with probability 1/2; ops without a magnitude
 * ignore it.
 */
public enum AugmentOp {
  /** Returns the image unchanged. */
  IDENTITY("identity", false, false),
  /** {@code shear_x(factor)}. */
  SHEAR_X("shear_x", true, true),
  /** {@code shear_y(factor)}. */
  SHEAR_Y("shear_y", true, true),
  /** {@code translate_x(pixels)}. */
  TRANSLATE_X("translate_x", true, true),
  /** {@code translate_y(pixels)}. */
  TRANSLATE_Y("translate_y", true, true),
  /** {@code rotate(degrees)}. */
  ROTATE("rotate", true, true),
  /** {@code brightness(factor)}. */
  BRIGHTNESS("brightness", true, true),
  /** {@code color(factor)} (saturation). */
  COLOR("color", true, true),
  /** {@code contrast(factor)}. */
  CONTRAST("contrast", true, true),
  /** {@code sharpness(factor)}. */
  SHARPNESS("sharpness", true, true),
  /** {@code posterize(bits)}. */
  POSTERIZE("posterize", true, false),
  /** {@code solarize(threshold)}. */
  SOLARIZE("solarize", true, false),
  /** {@code autocontrast}. */
  AUTOCONTRAST("autocontrast", false, false),
  /** {@code equalize}. */
  EQUALIZE("equalize", false, false),
  /** {@code invert}. */
  INVERT("invert", false, false);

  /** RandAugment's and TrivialAugment Wide's 14 ops, in torchvision's order (all but {@code invert}). */
  public static final List<AugmentOp> RAND_AUGMENT = List.of(IDENTITY, SHEAR_X, SHEAR_Y, TRANSLATE_X, TRANSLATE_Y,
      ROTATE, BRIGHTNESS, COLOR, CONTRAST, SHARPNESS, POSTERIZE, SOLARIZE, AUTOCONTRAST, EQUALIZE);

  private final String opName;
  private final boolean hasMagnitude;
  private final boolean signed;

  AugmentOp(String opName, boolean hasMagnitude, boolean signed) {
    this.opName = opName;
    this.hasMagnitude = hasMagnitude;
    this.signed = signed;
  }

  /** The registry name of the op this resolves to, e.g. {@code shear_x}. */
  public String opName() {
    return opName;
  }

  /** Whether the op takes a magnitude. */
  public boolean hasMagnitude() {
    return hasMagnitude;
  }

  /** Whether the magnitude's sign is drawn at random. */
  public boolean signed() {
    return signed;
  }

  /**
   * The op of a registry name.
   *
   * @throws IllegalArgumentException naming the valid ones
   */
  public static AugmentOp byName(String name) {
    for (AugmentOp op : values()) {
      if (op.opName.equals(name)) {
        return op;
      }
    }
    throw new IllegalArgumentException("'" + name + "' is not an AutoAugment op (valid: "
        + Arrays.stream(values()).map(AugmentOp::opName).collect(Collectors.joining(", ")) + ")");
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
