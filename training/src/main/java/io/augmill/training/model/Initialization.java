package io.augmill.training.model;

import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import java.util.Locale;

/**
 * Weight initialisation for convolution and linear weights (BatchNorm starts at γ = 1, β = 0 and
 * biases at 0, DJL's defaults).
 */
public enum Initialization {
  /** He et al. 2015: normal with std √(2/fan_out) (torchvision's choice for ResNet convolutions). */
  KAIMING,
  /** Glorot and Bengio 2010: uniform in ±√(6/(fan_in + fan_out)). */
  XAVIER;

  /** Parses {@code kaiming} or {@code xavier}. */
  public static Initialization parse(String s) {
    return switch (s.toLowerCase(Locale.ROOT)) {
      case "kaiming", "he" -> KAIMING;
      case "xavier", "glorot" -> XAVIER;
      default -> throw new IllegalArgumentException("--init must be kaiming or xavier, got '" + s + "'");
    };
  }

  /** The DJL initializer for weight parameters. */
  public Initializer initializer() {
    return this == KAIMING
        ? new XavierInitializer(XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.OUT, 2)
        : new XavierInitializer(XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3);
  }

  /**
   * Zero-γ (Goyal et al. 2017; "Bag of Tricks", He et al. 2019): sets the γ of each residual branch's
   * last BatchNorm to 0 after initialisation, so each block starts as the identity.
   */
  public static void zeroResidualGammas(Network network) {
    for (Parameter gamma : network.residualGammas()) {
      if (!gamma.isInitialized()) {
        throw new IllegalStateException("zero-gamma must run after the network is initialised");
      }
      gamma.getArray().muli(0);
    }
  }
}
