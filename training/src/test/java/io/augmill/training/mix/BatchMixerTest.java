package io.augmill.training.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.augmill.training.run.DjlEnvironment;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BatchMixerTest {

  static NDManager manager;
  static final int N = 6;
  static final int C = 2;
  static final int H = 8;
  static final int W = 10;
  static final int K = 4;

  @BeforeAll
  static void engine() {
    DjlEnvironment.configure(1);
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  /** Image i has the constant value i in every pixel; label i mod K. */
  static NDArray images() {
    float[] v = new float[N * C * H * W];
    for (int i = 0; i < v.length; i++) {
      v[i] = i / (C * H * W);
    }
    return manager.create(v, new Shape(N, C, H, W));
  }

  static int[] labels() {
    int[] l = new int[N];
    for (int i = 0; i < N; i++) {
      l[i] = i % K;
    }
    return l;
  }

  static NDArray targets(double eps) {
    return manager.create(Targets.smoothedOneHot(labels(), K, eps), new Shape(N, K));
  }

  @Test
  void mixupMixesImagesAndTargetsWithLambda() {
    BatchMixer mixer = BatchMixer.builder().optMixup(0.4).build();
    MixParams p = mixer.sample(new SplittableRandom(3), N, H, W);
    assertThat(p).isInstanceOf(MixParams.Mixup.class);
    MixParams.Mixup m = (MixParams.Mixup) p;
    NDList out = BatchMixer.apply(images(), targets(0.1), p);
    float[] x = out.get(0).toFloatArray();
    float[] t = out.get(1).toFloatArray();
    float[] t0 = Targets.smoothedOneHot(labels(), K, 0.1);
    for (int i = 0; i < N; i++) {
      int j = m.perm()[i];
      assertThat((double) x[i * C * H * W + 5]).isCloseTo(m.lambda() * i + (1 - m.lambda()) * j, within(1e-5));
      double sum = 0;
      for (int k = 0; k < K; k++) {
        sum += t[i * K + k];
        assertThat((double) t[i * K + k]).isCloseTo(m.lambda() * t0[i * K + k] + (1 - m.lambda()) * t0[j * K + k], within(1e-6));
      }
      assertThat(sum).isCloseTo(1.0, within(1e-6));
    }
  }

  @Test
  void cutmixPastesTheBoxAndWeighsTargetsByArea() {
    BatchMixer mixer = BatchMixer.builder().optCutMix(1.0).build();
    for (int seed = 0; seed < 20; seed++) {
      MixParams.CutMix c = (MixParams.CutMix) mixer.sample(new SplittableRandom(seed), N, H, W);
      double area = (double) (c.x1() - c.x0()) * (c.y1() - c.y0()) / (H * W);
      assertThat(c.lambda()).isCloseTo(1 - area, within(1e-12));
      NDList out = BatchMixer.apply(images(), targets(0), c);
      float[] x = out.get(0).toFloatArray();
      float[] t = out.get(1).toFloatArray();
      for (int i = 0; i < N; i++) {
        int j = c.perm()[i];
        long fromOther = 0;
        for (int ch = 0; ch < C; ch++) {
          for (int y = 0; y < H; y++) {
            for (int xx = 0; xx < W; xx++) {
              boolean inBox = xx >= c.x0() && xx < c.x1() && y >= c.y0() && y < c.y1();
              float v = x[((i * C + ch) * H + y) * W + xx];
              assertThat(v).isEqualTo(inBox ? j : i);
              if (inBox && ch == 0) {
                fromOther++;
              }
            }
          }
        }
        assertThat((double) fromOther / (H * W)).isCloseTo(area, within(1e-12));
        double sum = 0;
        for (int k = 0; k < K; k++) {
          sum += t[i * K + k];
        }
        assertThat(sum).isCloseTo(1.0, within(1e-6));
        double expectedOwn = (i % K == j % K) ? 1.0 : c.lambda();
        assertThat((double) t[i * K + i % K]).isCloseTo(expectedOwn, within(1e-6));
      }
    }
  }

  @Test
  void ricapTilesFourCropsAndWeighsLabelsByArea() {
    BatchMixer mixer = BatchMixer.builder().optRicap(0.3).build();
    for (int seed = 0; seed < 20; seed++) {
      MixParams.Ricap r = (MixParams.Ricap) mixer.sample(new SplittableRandom(seed), N, H, W);
      int[] ws = {r.w(), W - r.w(), r.w(), W - r.w()};
      int[] hs = {r.h(), r.h(), H - r.h(), H - r.h()};
      double wsum = 0;
      for (int k = 0; k < 4; k++) {
        assertThat(r.weights()[k]).isCloseTo((double) ws[k] * hs[k] / (H * W), within(1e-12));
        wsum += r.weights()[k];
      }
      assertThat(wsum).isCloseTo(1.0, within(1e-12));
      NDList out = BatchMixer.apply(images(), targets(0), r);
      assertThat(out.get(0).getShape()).isEqualTo(new Shape(N, C, H, W));
      float[] x = out.get(0).toFloatArray();
      float[] t = out.get(1).toFloatArray();
      for (int i = 0; i < N; i++) {
        double[] area = new double[N];
        for (int y = 0; y < H; y++) {
          for (int xx = 0; xx < W; xx++) {
            int quadrant = (y < r.h() ? 0 : 2) + (xx < r.w() ? 0 : 1);
            float v = x[((i * C) * H + y) * W + xx];
            assertThat((int) v).isEqualTo(r.perms()[quadrant][i]);
            area[(int) v] += 1.0 / (H * W);
          }
        }
        double sum = 0;
        for (int k = 0; k < K; k++) {
          double expected = 0;
          for (int src = 0; src < N; src++) {
            if (src % K == k) {
              expected += area[src];
            }
          }
          assertThat((double) t[i * K + k]).isCloseTo(expected, within(1e-6));
          sum += t[i * K + k];
        }
        assertThat(sum).isCloseTo(1.0, within(1e-6));
      }
    }
  }

  @Test
  void samplingIsSeparateFromApplyingAndReplayable() {
    BatchMixer mixer = BatchMixer.builder().optMixup(0.2).optCutMix(1.0).optSwitchProb(0.5).build();
    int cut = 0;
    for (int seed = 0; seed < 200; seed++) {
      MixParams a = mixer.sample(new SplittableRandom(seed), N, H, W);
      assertThat(mixer.sample(new SplittableRandom(seed), N, H, W)).isEqualTo(a);
      if (a instanceof MixParams.CutMix) {
        cut++;
      }
    }
    assertThat(cut).isBetween(70, 130);
    MixParams fixed = new MixParams.Mixup(0.25, new int[] {1, 0, 3, 2, 5, 4});
    float[] once = BatchMixer.apply(images(), targets(0), fixed).get(0).toFloatArray();
    float[] twice = BatchMixer.apply(images(), targets(0), fixed).get(0).toFloatArray();
    assertThat(once).containsExactly(twice);
    assertThat(once[0]).isEqualTo(0.75f);
  }

  @Test
  void mixProbabilityAndValidation() {
    BatchMixer never = BatchMixer.builder().optMixup(1).optMixProb(0).build();
    assertThat(never.sample(new SplittableRandom(1), N, H, W)).isEqualTo(new MixParams.None());
    int mixed = 0;
    BatchMixer half = BatchMixer.builder().optMixup(1).optMixProb(0.3).build();
    SplittableRandom rng = new SplittableRandom(5);
    for (int i = 0; i < 1000; i++) {
      if (!(half.sample(rng, N, H, W) instanceof MixParams.None)) {
        mixed++;
      }
    }
    assertThat(mixed).isBetween(240, 360);
    assertThatThrownBy(() -> BatchMixer.builder().optRicap(0.3).optMixup(1).build()).hasMessageContaining("--ricap");
    assertThatThrownBy(() -> BatchMixer.builder().optMixProb(1.5)).hasMessageContaining("--mix-prob");
    assertThatThrownBy(() -> BatchMixer.builder().optCutMix(-1)).hasMessageContaining("--cutmix");
  }

  @Test
  void labelSmoothingFormula() {
    float[] t = Targets.smoothedOneHot(new int[] {2}, 5, 0.1);
    assertThat(t).containsExactly(0.02f, 0.02f, 0.92f, 0.02f, 0.02f);
    assertThatThrownBy(() -> Targets.smoothedOneHot(new int[] {0}, 5, 1.0)).hasMessageContaining("--label-smoothing");
  }

  @Test
  void betaSamplerMatchesMoments() {
    SplittableRandom rng = new SplittableRandom(11);
    double a = 0.4;
    double sum = 0;
    double sumSq = 0;
    int n = 20000;
    for (int i = 0; i < n; i++) {
      double v = BetaSampler.beta(rng, a, a);
      assertThat(v).isBetween(0.0, 1.0);
      sum += v;
      sumSq += v * v;
    }
    double mean = sum / n;
    double var = sumSq / n - mean * mean;
    assertThat(mean).isCloseTo(0.5, within(0.01));
    assertThat(var).isCloseTo(0.25 / (2 * a + 1), within(0.01));
  }
}
