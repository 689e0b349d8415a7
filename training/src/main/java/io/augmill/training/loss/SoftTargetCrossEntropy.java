package io.augmill.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Cross-entropy against dense targets: {@code mean_i( −Σ_k t_ik · log softmax(z_i)_k )}. The labels
 * list holds the N×K target as its first array; predictions hold the N×K logits.
 */
public class SoftTargetCrossEntropy extends Loss {

  /** A loss named {@code loss}. */
  public SoftTargetCrossEntropy() {
    super("loss");
  }

  /** The per-batch mean cross-entropy of logits {@code z} against targets {@code t}. */
  public static NDArray crossEntropy(NDArray targets, NDArray logits) {
    return targets.mul(logits.logSoftmax(1)).sum(new int[] {1}).neg().mean();
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    return crossEntropy(labels.head(), predictions.head());
  }
}
