package io.augmill.training.optim;

import ai.djl.ndarray.NDArray;

/**
 * Adam (Kingma and Ba 2015) and, with {@code decoupled}, AdamW (Loshchilov and Hutter 2019, as
 * PyTorch's {@code AdamW}: {@code w ← w·(1 − lr·λ)} before the Adam step). Update:
 * {@code m = β₁m + (1−β₁)g}, {@code v = β₂v + (1−β₂)g²},
 * {@code w ← w − lr·(m/(1−β₁ᵗ)) / (√(v/(1−β₂ᵗ)) + ε)}.
 */
public final class Adam extends ScheduledOptimizer {

  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final boolean decoupled;

  /**
   * @param settings schedule and penalties
   * @param beta1 β₁ in [0, 1)
   * @param beta2 β₂ in [0, 1)
   * @param epsilon ε &gt; 0
   * @param decoupled AdamW's decoupled weight decay
   */
  public Adam(Settings settings, double beta1, double beta2, double epsilon, boolean decoupled) {
    super(settings);
    Betas.check(beta1, beta2, epsilon);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.decoupled = decoupled;
  }

  @Override
  protected boolean decoupledDecay() {
    return decoupled;
  }

  @Override
  protected int stateSlots() {
    return 2;
  }

  @Override
  protected void apply(String id, NDArray weight, NDArray grad, NDArray[] state, double lr, long t) {
    if (decoupled && weightDecay() > 0 && decays(id)) {
      weight.muli((float) (1 - lr * weightDecay()));
    }
    NDArray m = state[0].muli((float) beta1).addi(grad.mul((float) (1 - beta1)));
    NDArray v = state[1].muli((float) beta2).addi(grad.square().mul((float) (1 - beta2)));
    double c1 = 1 - Math.pow(beta1, t);
    double c2 = 1 - Math.pow(beta2, t);
    NDArray denom = v.div((float) c2).sqrt().add((float) epsilon);
    weight.subi(m.div(denom).mul((float) (lr / c1)));
  }
}
