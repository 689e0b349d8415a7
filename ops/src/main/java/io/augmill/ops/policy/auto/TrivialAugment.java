package io.augmill.ops.policy.auto;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.Fill;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Interpolation;
import io.augmill.ops.Transform;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.spec.TransformJson;
import java.util.List;
import java.util.random.RandomGenerator;
import org.opencv.core.Mat;

/**
 * TrivialAugment Wide (Müller and Hutter 2021) as torchvision 0.14's {@code TrivialAugmentWide}: one op
 * drawn uniformly from {@link AugmentOp#RAND_AUGMENT}, at a magnitude bin drawn uniformly from the 31
 * bins of {@link MagnitudeScale#WIDE}, with a random sign for signed ops.
 *
 * <p>Random draws per image, in order: the op ({@code nextInt(14)}), the bin ({@code nextInt(31)}, drawn
 * for every op) and a sign bit.
 */
public final class TrivialAugment implements Transform<ResolvedOps> {

  private final Interpolation interp;
  private final Fill fill;
  private final OpRegistry registry;

  /**
   * @param interp interpolation of the geometric ops
   * @param fill constant fill of the geometric ops
   * @param registry where the resolved ops are created
   */
  public TrivialAugment(Interpolation interp, Fill fill, OpRegistry registry) {
    if (!fill.isConstant()) {
      throw new IllegalArgumentException("trivial_augment: parameter 'fill' must be a constant value or [R,G,B]");
    }
    this.interp = interp;
    this.fill = fill;
    this.registry = registry;
  }

  @Override
  public String name() {
    return "trivial_augment";
  }

  @Override
  public ObjectNode args() {
    ObjectNode args = TransformJson.JSON.createObjectNode();
    args.put("interp", interp.specName());
    args.set("fill", fill.toJson());
    return args;
  }

  @Override
  public ResolvedOps sample(RandomGenerator rng, ImageInfo info) {
    MagnitudeScale scale = MagnitudeScale.WIDE;
    AugmentOp op = AugmentOp.RAND_AUGMENT.get(rng.nextInt(AugmentOp.RAND_AUGMENT.size()));
    int bin = rng.nextInt(scale.bins());
    boolean negative = rng.nextBoolean();
    return new ResolvedOps(List.of(scale.spec(op, bin, negative, info, interp, fill)));
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
