package io.augmill.training.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.augmill.training.run.DjlEnvironment;
import org.junit.jupiter.api.Test;

class LossesTest {

  static double[] softmax(double[] z, double t) {
    double max = Double.NEGATIVE_INFINITY;
    for (double v : z) {
      max = Math.max(max, v / t);
    }
    double s = 0;
    double[] out = new double[z.length];
    for (int i = 0; i < z.length; i++) {
      out[i] = Math.exp(z[i] / t - max);
      s += out[i];
    }
    for (int i = 0; i < z.length; i++) {
      out[i] /= s;
    }
    return out;
  }

  static double ce(double[] target, double[] probs) {
    double s = 0;
    for (int i = 0; i < target.length; i++) {
      s -= target[i] * Math.log(probs[i]);
    }
    return s;
  }

  @Test
  void distillationLossEqualsHandComputation() {
    DjlEnvironment.configure(1);
    double[][] z = {{2.0, -1.0, 0.5}, {0.1, 0.2, 3.0}};
    double[][] r = {{1.5, 0.0, -0.5}, {-1.0, 2.0, 1.0}};
    double[][] t = {{0.9, 0.05, 0.05}, {0.3, 0.0, 0.7}};
    double temperature = 3;
    double weight = 0.7;
    double expected = 0;
    for (int i = 0; i < 2; i++) {
      expected += ce(t[i], softmax(z[i], 1)) + weight * temperature * temperature * ce(softmax(r[i], temperature), softmax(z[i], temperature));
    }
    expected /= 2;
    try (NDManager m = NDManager.newBaseManager()) {
      NDList labels = new NDList(m.create(flat(t), new Shape(2, 3)), m.create(flat(r), new Shape(2, 3)));
      NDList preds = new NDList(m.create(flat(z), new Shape(2, 3)));
      double got = new DistillationLoss(temperature, weight).evaluate(labels, preds).getFloat();
      assertThat(got).isCloseTo(expected, within(1e-5));
      double plain = new SoftTargetCrossEntropy().evaluate(labels, preds).getFloat();
      assertThat(plain).isCloseTo((ce(t[0], softmax(z[0], 1)) + ce(t[1], softmax(z[1], 1))) / 2, within(1e-5));
    }
    assertThatThrownBy(() -> new DistillationLoss(0, 1)).hasMessageContaining("--kd-temperature");
    assertThatThrownBy(() -> new DistillationLoss(1, -1)).hasMessageContaining("--kd-weight");
  }

  static float[] flat(double[][] a) {
    float[] out = new float[a.length * a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        out[i * a[0].length + j] = (float) a[i][j];
      }
    }
    return out;
  }
}
