package io.augmill.training.optim;

import ai.djl.ndarray.NDArray;

/**
 * AdaBound (Luo et al., ICLR 2019): Adam whose per-element step size is clipped into bounds that
 * tighten towards a final SGD rate. With {@code m, v} as in Adam, at update {@code t}:
 * <pre>
 *   η  = lr·√(1−β₂ᵗ)/(1−β₁ᵗ) / (√v + ε)
 *   f  = finalLr · lr/baseLr              (the final rate follows the schedule)
 *   lo = f·(1 − 1/(γt + 1)),  hi = f·(1 + 1/(γt))
 *   w ← w − clip(η, lo, hi)·m
 * </pre>
 * as in the authors' reference implementation, so early steps behave like Adam and late ones like
 * SGD with rate {@code finalLr}.
 */
public final class AdaBound extends ScheduledOptimizer {

  private final double baseLr;
  private final double finalLr;
  private final double gamma;
  private final double beta1;
  private final double beta2;
  private final double epsilon;

  /**
   * @param settings schedule and penalties
   * @param baseLr the schedule's peak rate (scales {@code finalLr} with the schedule)
   * @param finalLr the SGD rate the bounds converge to (&gt; 0)
   * @param gamma convergence speed of the bounds (&gt; 0)
   * @param beta1 β₁ in [0, 1)
   * @param beta2 β₂ in [0, 1)
   * @param epsilon ε &gt; 0
   */
  public AdaBound(Settings settings, double baseLr, double finalLr, double gamma, double beta1, double beta2, double epsilon) {
    super(settings);
    Betas.check(beta1, beta2, epsilon);
    if (!(baseLr > 0)) {
      throw new IllegalArgumentException("AdaBound needs --lr > 0, got " + baseLr);
    }
    if (!(finalLr > 0)) {
      throw new IllegalArgumentException("--final-lr must be > 0, got " + finalLr);
    }
    if (!(gamma > 0)) {
      throw new IllegalArgumentException("--adabound-gamma must be > 0, got " + gamma);
    }
    this.baseLr = baseLr;
    this.finalLr = finalLr;
    this.gamma = gamma;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
  }

  /**
   * The step-size bounds {@code [lo, hi]} at update {@code t} (1-based) and learning rate {@code lr}.
   */
  public double[] bounds(double lr, long t) {
    double f = finalLr * lr / baseLr;
    return new double[] {f * (1 - 1 / (gamma * t + 1)), f * (1 + 1 / (gamma * t))};
  }

  @Override
  protected int stateSlots() {
    return 2;
  }

  @Override
  protected void apply(String id, NDArray weight, NDArray grad, NDArray[] state, double lr, long t) {
    NDArray m = state[0].muli((float) beta1).addi(grad.mul((float) (1 - beta1)));
    NDArray v = state[1].muli((float) beta2).addi(grad.square().mul((float) (1 - beta2)));
    double stepSize = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
    double[] b = bounds(lr, t);
    NDArray eta = v.sqrt().add((float) epsilon).pow(-1).mul((float) stepSize).clip((float) b[0], (float) b[1]);
    weight.subi(eta.mul(m));
  }
}
