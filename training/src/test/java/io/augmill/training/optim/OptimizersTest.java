package io.augmill.training.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.PairList;
import io.augmill.training.run.DjlEnvironment;
import io.augmill.training.schedule.ConstantSchedule;
import io.augmill.training.schedule.CosineSchedule;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OptimizersTest {

  static NDManager m;

  @BeforeAll
  static void engine() {
    DjlEnvironment.configure(1);
    m = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    m.close();
  }

  static ScheduledOptimizer.Settings settings(double lr, double wd, double l1, boolean noBias) {
    return new ScheduledOptimizer.Settings(new ConstantSchedule(lr), wd, l1, noBias);
  }

  @Test
  void sgdMomentumAndNesterovFollowPyTorch() {
    for (boolean nesterov : new boolean[] {false, true}) {
      Sgd sgd = new Sgd(settings(0.1, 0.01, 0, false), 0.9, nesterov);
      NDArray w = m.create(new float[] {1f, -2f});
      double[] hw = {1, -2};
      double[] buf = {0, 0};
      double[] g = {0.5, -0.25};
      for (int step = 0; step < 3; step++) {
        sgd.setStep(step);
        sgd.update("w", w, m.create(new float[] {(float) g[0], (float) g[1]}));
        for (int i = 0; i < 2; i++) {
          double gi = g[i] + 0.01 * hw[i];
          buf[i] = 0.9 * buf[i] + gi;
          double d = nesterov ? gi + 0.9 * buf[i] : buf[i];
          hw[i] -= 0.1 * d;
        }
        float[] got = w.toFloatArray();
        assertThat((double) got[0]).isCloseTo(hw[0], within(1e-6));
        assertThat((double) got[1]).isCloseTo(hw[1], within(1e-6));
      }
    }
  }

  @Test
  void adamFirstStepIsLrTimesSignAndAdamWDecaysWeights() {
    Adam adam = new Adam(settings(0.01, 0, 0, false), 0.9, 0.999, 1e-8, false);
    NDArray w = m.create(new float[] {1f, -2f, 3f});
    adam.setStep(0);
    adam.update("w", w, m.create(new float[] {0.3f, -4f, 0f}));
    assertThat(w.toFloatArray()).containsExactly(new float[] {0.99f, -1.99f, 3f}, org.assertj.core.data.Offset.offset(1e-6f));

    Adam adamw = new Adam(settings(0.01, 0.1, 0, false), 0.9, 0.999, 1e-8, true);
    NDArray v = m.create(new float[] {2f});
    adamw.setStep(0);
    adamw.update("v", v, m.create(new float[] {1f}));
    assertThat((double) v.toFloatArray()[0]).isCloseTo(2 * (1 - 0.01 * 0.1) - 0.01, within(1e-6));
  }

  @Test
  void adaboundEffectiveStepStaysWithinItsBounds() {
    double lr = 0.001;
    double finalLr = 0.1;
    double gamma = 1e-3;
    AdaBound ab = new AdaBound(settings(lr, 0, 0, false), lr, finalLr, gamma, 0.9, 0.999, 1e-8);
    SplittableRandom rng = new SplittableRandom(4);
    int n = 64;
    float[] wv = new float[n];
    NDArray w = m.create(wv);
    double[] mom = new double[n];
    int clippedLow = 0;
    int clippedHigh = 0;
    for (int t = 1; t <= 300; t++) {
      float[] g = new float[n];
      for (int i = 0; i < n; i++) {
        // mix of tiny and large gradients so both bounds are exercised
        g[i] = (float) (rng.nextGaussian() * (i % 2 == 0 ? 1e-4 : 10));
      }
      float[] before = w.toFloatArray();
      ab.setStep(t - 1);
      ab.update("w", w, m.create(g));
      float[] after = w.toFloatArray();
      double[] b = ab.bounds(lr, t);
      assertThat(b[0]).isLessThanOrEqualTo(finalLr).isGreaterThanOrEqualTo(0);
      assertThat(b[1]).isGreaterThanOrEqualTo(finalLr);
      for (int i = 0; i < n; i++) {
        mom[i] = 0.9 * mom[i] + 0.1 * g[i];
        // Where the momentum nearly cancels, float32 rounding dominates the ratio; skip those.
        if (Math.abs(mom[i]) < 0.2 * (i % 2 == 0 ? 1e-4 : 10)) {
          continue;
        }
        double eta = (before[i] - after[i]) / mom[i];
        assertThat(eta).as("step %d element %d", t, i).isBetween(b[0] * (1 - 1e-3) - 1e-9, b[1] * (1 + 1e-3) + 1e-9);
        if (Math.abs(eta - b[0]) <= 1e-3 * b[0]) {
          clippedLow++;
        }
        if (Math.abs(eta - b[1]) <= 1e-3 * b[1]) {
          clippedHigh++;
        }
      }
    }
    assertThat(clippedLow).isPositive();
    assertThat(clippedHigh).isPositive();
    double[] late = ab.bounds(lr, 1_000_000);
    assertThat(late[0]).isCloseTo(finalLr, within(1e-3));
    assertThat(late[1]).isCloseTo(finalLr, within(1e-3));
  }

  @Test
  void l1AndNoBiasDecay() {
    Sgd sgd = new Sgd(settings(0.1, 0.5, 0.2, true), 0, false);
    Parameter weight = Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build();
    Parameter bias = Parameter.builder().setName("bias").setType(Parameter.Type.BIAS).build();
    PairList<String, Parameter> params = new PairList<>();
    params.add("fc_weight", weight);
    params.add("fc_bias", bias);
    sgd.bind(params);
    NDArray w = m.create(new float[] {2f, -1f});
    NDArray b = m.create(new float[] {2f, -1f});
    sgd.setStep(0);
    sgd.update(weight.getId(), w, m.zeros(new ai.djl.ndarray.types.Shape(2)));
    sgd.update(bias.getId(), b, m.zeros(new ai.djl.ndarray.types.Shape(2)));
    // weight: w - lr·(wd·w + l1·sign(w)); bias untouched.
    assertThat(w.toFloatArray()).containsExactly(new float[] {2 - 0.1f * (1f + 0.2f), -1 - 0.1f * (-0.5f - 0.2f)},
        org.assertj.core.data.Offset.offset(1e-6f));
    assertThat(b.toFloatArray()).containsExactly(2f, -1f);
  }

  @Test
  void stateRoundTripContinuesExactly() throws Exception {
    Parameter p = Parameter.builder().setName("weight").setType(Parameter.Type.WEIGHT).build();
    PairList<String, Parameter> params = new PairList<>();
    params.add("w", p);
    Adam a = new Adam(new ScheduledOptimizer.Settings(new CosineSchedule(0.1, 0, 0, 10), 0, 0, false), 0.9, 0.999, 1e-8, false);
    a.bind(params);
    NDArray w1 = m.create(new float[] {1f, 2f});
    for (int s = 0; s < 3; s++) {
      a.setStep(s);
      a.update(p.getId(), w1, m.create(new float[] {0.5f, -1f + s}));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    a.save(new DataOutputStream(bytes));
    NDArray w2 = w1.duplicate();
    Adam b = new Adam(new ScheduledOptimizer.Settings(new CosineSchedule(0.1, 0, 0, 10), 0, 0, false), 0.9, 0.999, 1e-8, false);
    b.bind(params);
    b.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), m, "test");
    assertThat(b.step()).isEqualTo(2);
    a.setStep(3);
    b.setStep(3);
    a.update(p.getId(), w1, m.create(new float[] {0.25f, 0.75f}));
    b.update(p.getId(), w2, m.create(new float[] {0.25f, 0.75f}));
    assertThat(w2.toFloatArray()).containsExactly(w1.toFloatArray());
    Sgd other = new Sgd(settings(0.1, 0, 0, false), 0.9, false);
    assertThatThrownBy(() -> other.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), m, "x.bin"))
        .hasMessageContaining("x.bin").hasMessageContaining("Adam");
  }

  @Test
  void validationNamesOptions() {
    assertThatThrownBy(() -> new Sgd(settings(0.1, 0, 0, false), 1.0, false)).hasMessageContaining("--momentum");
    assertThatThrownBy(() -> new Sgd(settings(0.1, 0, 0, false), 0, true)).hasMessageContaining("--nesterov");
    assertThatThrownBy(() -> new AdaBound(settings(0.1, 0, 0, false), 0.1, 0, 1e-3, 0.9, 0.999, 1e-8)).hasMessageContaining("--final-lr");
    assertThatThrownBy(() -> new Adam(settings(0.1, 0, 0, false), 1.2, 0.999, 1e-8, false)).hasMessageContaining("--beta1");
    assertThatThrownBy(() -> settings(0.1, -1, 0, false)).hasMessageContaining("--weight-decay");
  }
}
