package io.augmill.training.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The networks {@code --model} names. */
public enum Architecture {
  /** CIFAR ResNet, 3 stages × 3 basic blocks (≈0.27 M parameters). */
  RESNET20,
  /** CIFAR ResNet, 3 stages × 5 basic blocks. */
  RESNET32,
  /** CIFAR ResNet, 3 stages × 9 basic blocks. */
  RESNET56,
  /** CIFAR ResNet, 3 stages × 18 basic blocks. */
  RESNET110,
  /** ResNet-18 for 32×32 input: 3×3 stem, 4 stages of 2 basic blocks, 64–512 channels (≈11 M). */
  RESNET18,
  /** ImageNet ResNet-50: 7×7 stem and max-pool, bottleneck stages 3/4/6/3 (stride on the 3×3). */
  RESNET50;

  /** The name used on the command line and in model.json ({@code resnet20}, ...). */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a {@code --model} value. */
  public static Architecture parse(String s) {
    for (Architecture a : values()) {
      if (a.cliName().equals(s.toLowerCase(Locale.ROOT))) {
        return a;
      }
    }
    throw new IllegalArgumentException(
        "--model must be one of "
            + Arrays.stream(values()).map(Architecture::cliName).collect(Collectors.joining(", "))
            + ", got '" + s + "'");
  }

  /** Blocks per stage for the CIFAR family: {@code (depth − 2)/6}. */
  int cifarBlocksPerStage() {
    return switch (this) {
      case RESNET20 -> 3;
      case RESNET32 -> 5;
      case RESNET56 -> 9;
      case RESNET110 -> 18;
      default -> throw new IllegalStateException(this + " is not a three-stage CIFAR ResNet");
    };
  }
}
