package io.augmill.training.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * Knowledge distillation (Hinton et al. 2015): {@code CE(t, softmax(z)) + W·T²·CE(softmax(r/T),
 * softmax(z/T))} with student logits {@code z}, teacher logits {@code r}, targets {@code t},
 * temperature {@code T} and weight {@code W}. The labels list holds the targets then the teacher's
 * logits; the T² factor keeps the soft term's gradients on the scale of the hard term's.
 */
public class DistillationLoss extends SoftTargetCrossEntropy {

  private final double temperature;
  private final double weight;

  /**
   * @param temperature T &gt; 0
   * @param weight W ≥ 0
   */
  public DistillationLoss(double temperature, double weight) {
    if (!(temperature > 0) || Double.isInfinite(temperature)) {
      throw new IllegalArgumentException("--kd-temperature must be > 0, got " + temperature);
    }
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("--kd-weight must be >= 0, got " + weight);
    }
    this.temperature = temperature;
    this.weight = weight;
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    if (labels.size() < 2) {
      throw new IllegalArgumentException("distillation needs the teacher's logits as the second label");
    }
    NDArray logits = predictions.head();
    NDArray hard = crossEntropy(labels.get(0), logits);
    NDArray teacherSoft = labels.get(1).div((float) temperature).softmax(1);
    NDArray soft = crossEntropy(teacherSoft, logits.div((float) temperature));
    return hard.add(soft.mul((float) (weight * temperature * temperature)));
  }
}
