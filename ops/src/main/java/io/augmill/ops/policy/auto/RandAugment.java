package io.augmill.ops.policy.auto;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.Fill;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Interpolation;
import io.augmill.ops.Transform;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.spec.TransformJson;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.opencv.core.Mat;

/**
 * RandAugment (Cubuk et al. 2020) as torchvision 0.14's {@code RandAugment}: {@code n} ops drawn
 * uniformly with replacement from {@link AugmentOp#RAND_AUGMENT}, each at magnitude {@code m} on the
 * 31-bin scale {@link MagnitudeScale#RANDAUGMENT} (0..30), with a random sign for signed ops. With
 * {@code mstd > 0}, each op's magnitude is drawn from a normal distribution around {@code m} with that
 * standard deviation and clipped to [0, 30] (timm's {@code mstd}); fractional magnitudes interpolate
 * linearly between bins.
 *
 * <p>Random draws per op, in order: the op ({@code nextInt(14)}), the Gaussian when {@code mstd > 0},
 * and a sign bit.
 */
public final class RandAugment implements Transform<ResolvedOps> {

  private final int n;
  private final double m;
  private final double mstd;
  private final Interpolation interp;
  private final Fill fill;
  private final OpRegistry registry;

  /**
   * @param n ops per image, in [0, 16]
   * @param m magnitude in [0, 30]
   * @param mstd standard deviation of the magnitude, in [0, 30]; 0 for a fixed magnitude
   * @param interp interpolation of the geometric ops
   * @param fill constant fill of the geometric ops
   * @param registry where the resolved ops are created
   */
  public RandAugment(int n, double m, double mstd, Interpolation interp, Fill fill, OpRegistry registry) {
    int max = MagnitudeScale.RANDAUGMENT.maxMagnitude();
    if (n < 0 || n > 16) {
      throw new IllegalArgumentException("rand_augment: parameter 'n' must be in [0, 16], got " + n);
    }
    if (!(m >= 0 && m <= max)) {
      throw new IllegalArgumentException("rand_augment: parameter 'm' must be in [0, " + max + "], got " + m);
    }
    if (!(mstd >= 0 && mstd <= max)) {
      throw new IllegalArgumentException("rand_augment: parameter 'mstd' must be in [0, " + max + "], got " + mstd);
    }
    if (!fill.isConstant()) {
      throw new IllegalArgumentException("rand_augment: parameter 'fill' must be a constant value or [R,G,B]");
    }
    this.n = n;
    this.m = m;
    this.mstd = mstd;
    this.interp = interp;
    this.fill = fill;
    this.registry = registry;
  }

  @Override
  public String name() {
    return "rand_augment";
  }

  @Override
  public ObjectNode args() {
    ObjectNode args = TransformJson.JSON.createObjectNode();
    args.put("n", n);
    args.put("m", m);
    args.put("mstd", mstd);
    args.put("interp", interp.specName());
    args.set("fill", fill.toJson());
    return args;
  }

  @Override
  public ResolvedOps sample(RandomGenerator rng, ImageInfo info) {
    MagnitudeScale scale = MagnitudeScale.RANDAUGMENT;
    List<OpSpec> ops = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      AugmentOp op = AugmentOp.RAND_AUGMENT.get(rng.nextInt(AugmentOp.RAND_AUGMENT.size()));
      double magnitude = m;
      if (mstd > 0) {
        magnitude = Math.max(0, Math.min(scale.maxMagnitude(), m + mstd * rng.nextGaussian()));
      }
      boolean negative = rng.nextBoolean();
      ops.add(scale.spec(op, magnitude, negative, info, interp, fill));
    }
    return new ResolvedOps(ops);
  }

  @Override
  public Mat apply(Mat image, ResolvedOps params) {
    return params.apply(registry, image);
  }

  @Override
  public List<OpSpec> replay(ResolvedOps params) {
    return params.ops();
  }
}
