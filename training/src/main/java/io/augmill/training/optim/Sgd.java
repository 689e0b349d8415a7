package io.augmill.training.optim;

import ai.djl.ndarray.NDArray;

/**
 * Stochastic gradient descent with heavy-ball or Nesterov momentum, as PyTorch's {@code SGD}
 * (dampening 0): {@code b = μ·b + g}; step {@code d = g + μ·b} (Nesterov) or {@code d = b};
 * {@code w ← w − lr·d}.
 */
public final class Sgd extends ScheduledOptimizer {

  private final double momentum;
  private final boolean nesterov;

  /**
   * @param settings schedule and penalties
   * @param momentum μ in [0, 1)
   * @param nesterov Nesterov momentum (needs μ &gt; 0)
   */
  public Sgd(Settings settings, double momentum, boolean nesterov) {
    super(settings);
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("--momentum must be in [0, 1), got " + momentum);
    }
    if (nesterov && momentum == 0) {
      throw new IllegalArgumentException("--nesterov needs --momentum > 0");
    }
    this.momentum = momentum;
    this.nesterov = nesterov;
  }

  @Override
  protected int stateSlots() {
    return 1;
  }

  @Override
  protected void apply(String id, NDArray weight, NDArray grad, NDArray[] state, double lr, long t) {
    if (momentum == 0) {
      weight.subi(grad.mul((float) lr));
      return;
    }
    NDArray buf = state[0].muli((float) momentum).addi(grad);
    NDArray direction = nesterov ? grad.add(buf.mul((float) momentum)) : buf;
    weight.subi(direction.mul((float) lr));
  }
}
