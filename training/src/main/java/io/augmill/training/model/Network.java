package io.augmill.training.model;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.List;

/**
 * A built network and the γ parameters of each residual branch's last BatchNorm (the ones
 * zero-γ initialisation sets to 0, so every residual block starts as the identity).
 */
public record Network(Block block, List<Parameter> residualGammas) {
  /** Copies the list. */
  public Network {
    residualGammas = List.copyOf(residualGammas);
  }
}
