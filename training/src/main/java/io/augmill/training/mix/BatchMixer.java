package io.augmill.training.mix;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.random.RandomGenerator;

/**
 * Samples and applies one batch-level mixing per batch. With probability {@code mixProb} a batch is
 * mixed; when both mixup and CutMix are enabled, CutMix is chosen with probability
 * {@code switchProb} (as timm's {@code switch_prob}). RICAP cannot be combined with the other two.
 * Immutable; the generator is passed in, so the draw depends only on the caller's seed.
 */
public final class BatchMixer {

  private final double mixupAlpha;
  private final double cutmixAlpha;
  private final double ricapBeta;
  private final double mixProb;
  private final double switchProb;

  private BatchMixer(Builder b) {
    this.mixupAlpha = b.mixupAlpha;
    this.cutmixAlpha = b.cutmixAlpha;
    this.ricapBeta = b.ricapBeta;
    this.mixProb = b.mixProb;
    this.switchProb = b.switchProb;
  }

  /** A builder; everything is off by default. */
  public static Builder builder() {
    return new Builder();
  }

  /** Whether any mixing is enabled. */
  public boolean enabled() {
    return mixupAlpha > 0 || cutmixAlpha > 0 || ricapBeta > 0;
  }

  /**
   * Draws the parameters for one batch.
   *
   * @param rng the generator (the only source of randomness)
   * @param batch number of images in the batch (≥ 1)
   * @param height image height in pixels
   * @param width image width in pixels
   */
  public MixParams sample(RandomGenerator rng, int batch, int height, int width) {
    if (!enabled() || rng.nextDouble() >= mixProb) {
      return new MixParams.None();
    }
    if (ricapBeta > 0) {
      return sampleRicap(rng, batch, height, width);
    }
    boolean cutmix = cutmixAlpha > 0 && (mixupAlpha <= 0 || rng.nextDouble() < switchProb);
    if (!cutmix) {
      double lambda = BetaSampler.beta(rng, mixupAlpha, mixupAlpha);
      return new MixParams.Mixup(lambda, permutation(rng, batch));
    }
    double lambda = BetaSampler.beta(rng, cutmixAlpha, cutmixAlpha);
    double cutRatio = Math.sqrt(1 - lambda);
    int cutW = (int) (width * cutRatio);
    int cutH = (int) (height * cutRatio);
    int cx = rng.nextInt(width);
    int cy = rng.nextInt(height);
    int x0 = clamp(cx - cutW / 2, width);
    int x1 = clamp(cx + cutW / 2, width);
    int y0 = clamp(cy - cutH / 2, height);
    int y1 = clamp(cy + cutH / 2, height);
    double kept = 1 - (double) (x1 - x0) * (y1 - y0) / ((double) width * height);
    return new MixParams.CutMix(kept, x0, y0, x1, y1, permutation(rng, batch));
  }

  private MixParams sampleRicap(RandomGenerator rng, int batch, int height, int width) {
    if (width < 2 || height < 2) {
      throw new IllegalArgumentException("RICAP needs images of at least 2x2 pixels, got " + width + "x" + height);
    }
    // The boundary is kept strictly inside the image so that all four crops are non-empty.
    int w = Math.min(width - 1, Math.max(1, (int) Math.round(width * BetaSampler.beta(rng, ricapBeta, ricapBeta))));
    int h = Math.min(height - 1, Math.max(1, (int) Math.round(height * BetaSampler.beta(rng, ricapBeta, ricapBeta))));
    int[] ws = {w, width - w, w, width - w};
    int[] hs = {h, h, height - h, height - h};
    int[][] perms = new int[4][];
    int[] xs = new int[4];
    int[] ys = new int[4];
    double[] weights = new double[4];
    for (int k = 0; k < 4; k++) {
      perms[k] = permutation(rng, batch);
      xs[k] = rng.nextInt(width - ws[k] + 1);
      ys[k] = rng.nextInt(height - hs[k] + 1);
      weights[k] = (double) ws[k] * hs[k] / ((double) width * height);
    }
    return new MixParams.Ricap(w, h, perms, xs, ys, weights);
  }

  /**
   * Applies sampled parameters to a batch.
   *
   * @param images NCHW float images
   * @param targets N×K float targets (rows sum to 1)
   * @param params parameters from {@link #sample} for this batch size and image size
   * @return the mixed images and targets, on the images' device; mixed target rows still sum to 1
   */
  public static NDList apply(NDArray images, NDArray targets, MixParams params) {
    if (params instanceof MixParams.None) {
      return new NDList(images, targets);
    }
    NDManager manager = images.getManager();
    if (params instanceof MixParams.Mixup m) {
      NDArray idx = index(manager, m.perm(), images);
      NDArray x = images.mul((float) m.lambda()).add(images.get(new NDIndex("{}", idx)).mul((float) (1 - m.lambda())));
      NDArray y = targets.mul((float) m.lambda()).add(targets.get(new NDIndex("{}", idx)).mul((float) (1 - m.lambda())));
      return new NDList(x, y);
    }
    if (params instanceof MixParams.CutMix c) {
      Shape s = images.getShape();
      int height = (int) s.get(2);
      int width = (int) s.get(3);
      float[] box = new float[height * width];
      for (int yy = c.y0(); yy < c.y1(); yy++) {
        for (int xx = c.x0(); xx < c.x1(); xx++) {
          box[yy * width + xx] = 1f;
        }
      }
      NDArray idx = index(manager, c.perm(), images);
      NDArray mask = manager.create(box, new Shape(1, 1, height, width)).toDevice(images.getDevice(), false);
      NDArray other = images.get(new NDIndex("{}", idx));
      NDArray x = images.mul(mask.neg().add(1)).add(other.mul(mask));
      NDArray y = targets.mul((float) c.lambda()).add(targets.get(new NDIndex("{}", idx)).mul((float) (1 - c.lambda())));
      return new NDList(x, y);
    }
    MixParams.Ricap r = (MixParams.Ricap) params;
    Shape s = images.getShape();
    int height = (int) s.get(2);
    int width = (int) s.get(3);
    int[] ws = {r.w(), width - r.w(), r.w(), width - r.w()};
    int[] hs = {r.h(), r.h(), height - r.h(), height - r.h()};
    int[][] perms = r.perms();
    int[] xs = r.xs();
    int[] ys = r.ys();
    double[] weights = r.weights();
    NDArray[] crops = new NDArray[4];
    NDArray y = null;
    for (int k = 0; k < 4; k++) {
      NDArray idx = index(manager, perms[k], images);
      crops[k] =
          images
              .get(new NDIndex("{}", idx))
              .get(new NDIndex(":, :, {}:{}, {}:{}", ys[k], ys[k] + hs[k], xs[k], xs[k] + ws[k]));
      NDArray part = targets.get(new NDIndex("{}", idx)).mul((float) weights[k]);
      y = y == null ? part : y.add(part);
    }
    NDArray top = NDArrays.concat(new NDList(crops[0], crops[1]), 3);
    NDArray bottom = NDArrays.concat(new NDList(crops[2], crops[3]), 3);
    return new NDList(NDArrays.concat(new NDList(top, bottom), 2), y);
  }

  private static NDArray index(NDManager manager, int[] perm, NDArray like) {
    long[] p = new long[perm.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = perm[i];
    }
    return manager.create(p).toDevice(like.getDevice(), false);
  }

  private static int[] permutation(RandomGenerator rng, int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static int clamp(int v, int limit) {
    return Math.max(0, Math.min(limit, v));
  }

  /** Settings for {@link BatchMixer}; each is validated when set. */
  public static final class Builder {
    private double mixupAlpha;
    private double cutmixAlpha;
    private double ricapBeta;
    private double mixProb = 1.0;
    private double switchProb = 0.5;

    private Builder() {}

    /** Mixup's Beta(α, α) parameter; 0 disables it. */
    public Builder optMixup(double alpha) {
      this.mixupAlpha = nonNegative("--mixup", alpha);
      return this;
    }

    /** CutMix's Beta(α, α) parameter; 0 disables it. */
    public Builder optCutMix(double alpha) {
      this.cutmixAlpha = nonNegative("--cutmix", alpha);
      return this;
    }

    /** RICAP's Beta(β, β) parameter for the boundary point; 0 disables it. */
    public Builder optRicap(double beta) {
      this.ricapBeta = nonNegative("--ricap", beta);
      return this;
    }

    /** Probability that a batch is mixed at all, in [0, 1]. */
    public Builder optMixProb(double p) {
      this.mixProb = probability("--mix-prob", p);
      return this;
    }

    /** Probability of CutMix rather than mixup when both are on, in [0, 1]. */
    public Builder optSwitchProb(double p) {
      this.switchProb = probability("--mix-switch-prob", p);
      return this;
    }

    /** Builds the mixer; RICAP with mixup or CutMix is rejected. */
    public BatchMixer build() {
      if (ricapBeta > 0 && (mixupAlpha > 0 || cutmixAlpha > 0)) {
        throw new IllegalArgumentException("--ricap cannot be combined with --mixup or --cutmix");
      }
      return new BatchMixer(this);
    }

    private static double nonNegative(String name, double v) {
      if (!(v >= 0) || Double.isInfinite(v)) {
        throw new IllegalArgumentException(name + " must be a finite number >= 0, got " + v);
      }
      return v;
    }

    private static double probability(String name, double v) {
      if (!(v >= 0 && v <= 1)) {
        throw new IllegalArgumentException(name + " must be in [0, 1], got " + v);
      }
      return v;
    }
  }
}
