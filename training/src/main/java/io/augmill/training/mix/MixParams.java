package io.augmill.training.mix;

import java.util.Arrays;

/**
 * The sampled parameters of one batch-level mixing draw. Permutations index the batch: sample
 * {@code i} is mixed with sample {@code perm[i]}. Image coordinates are pixels, {@code x} to the right
 * and {@code y} down, half-open ranges.
 */
public sealed interface MixParams {

  /** The batch is left as it is. */
  record None() implements MixParams {}

  /** Mixup (Zhang et al. 2018): {@code x' = λx + (1−λ)x[perm]}, same weights for targets. */
  record Mixup(double lambda, int[] perm) implements MixParams {
    /** Copies the permutation. */
    public Mixup {
      perm = perm.clone();
    }

    @Override
    public int[] perm() {
      return perm.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Mixup m && m.lambda == lambda && Arrays.equals(m.perm, perm);
    }

    @Override
    public int hashCode() {
      return Double.hashCode(lambda) * 31 + Arrays.hashCode(perm);
    }

    @Override
    public String toString() {
      return "Mixup[lambda=" + lambda + ", perm=" + Arrays.toString(perm) + "]";
    }
  }

  /**
   * CutMix (Yun et al. 2019): the box {@code [x0,x1)×[y0,y1)} of each image is replaced by the same
   * box of image {@code perm[i]}; {@code lambda} is the kept area fraction {@code 1 − box/(H·W)}.
   */
  record CutMix(double lambda, int x0, int y0, int x1, int y1, int[] perm) implements MixParams {
    /** Copies the permutation. */
    public CutMix {
      perm = perm.clone();
    }

    @Override
    public int[] perm() {
      return perm.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof CutMix c
          && c.lambda == lambda && c.x0 == x0 && c.y0 == y0 && c.x1 == x1 && c.y1 == y1
          && Arrays.equals(c.perm, perm);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(new double[] {lambda, x0, y0, x1, y1}) * 31 + Arrays.hashCode(perm);
    }

    @Override
    public String toString() {
      return "CutMix[lambda=" + lambda + ", box=(" + x0 + "," + y0 + ")-(" + x1 + "," + y1 + ")]";
    }
  }

  /**
   * RICAP (Takahashi et al. 2018): the image is tiled from four crops at the boundary point
   * {@code (w, h)}: top-left {@code w×h}, top-right {@code (W−w)×h}, bottom-left {@code w×(H−h)},
   * bottom-right {@code (W−w)×(H−h)}. Crop {@code k} comes from image {@code perms[k][i]} at offset
   * {@code (xs[k], ys[k])}; its label weight is its area over {@code H·W}.
   */
  record Ricap(int w, int h, int[][] perms, int[] xs, int[] ys, double[] weights) implements MixParams {
    /** Deep-copies the arrays. */
    public Ricap {
      perms = Arrays.stream(perms).map(int[]::clone).toArray(int[][]::new);
      xs = xs.clone();
      ys = ys.clone();
      weights = weights.clone();
    }

    @Override
    public int[][] perms() {
      return Arrays.stream(perms).map(int[]::clone).toArray(int[][]::new);
    }

    @Override
    public int[] xs() {
      return xs.clone();
    }

    @Override
    public int[] ys() {
      return ys.clone();
    }

    @Override
    public double[] weights() {
      return weights.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Ricap r
          && r.w == w && r.h == h && Arrays.deepEquals(r.perms, perms) && Arrays.equals(r.xs, xs)
          && Arrays.equals(r.ys, ys) && Arrays.equals(r.weights, weights);
    }

    @Override
    public int hashCode() {
      return Arrays.deepHashCode(perms) * 31 + Arrays.hashCode(xs) * 7 + Arrays.hashCode(ys) + w * 13 + h;
    }

    @Override
    public String toString() {
      return "Ricap[w=" + w + ", h=" + h + ", weights=" + Arrays.toString(weights) + "]";
    }
  }
}
