package io.augmill.ops.policy.auto;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.Fill;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Interpolation;
import io.augmill.ops.Params;
import io.augmill.ops.Transform;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.spec.TransformJson;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.opencv.core.Mat;

/**
 * AutoAugment (Cubuk et al. 2019) as torchvision 0.14 applies it: per image one sub-policy is chosen
 * uniformly; each of its steps fires with its probability, at its magnitude bin mapped by {@link
 * MagnitudeScale#AUTOAUGMENT}, with a random sign for signed ops. The table is data ({@code sub_policies});
 * its JSON/YAML form always writes the whole table, so a printed policy can be edited and read back.
 *
 * <p>Random draws per image, in order: the sub-policy ({@code nextInt(n)}), then for each step a uniform
 * {@code u} (the step fires when {@code u < p}) and a sign bit, drawn whether or not the step fires.
 */
public final class AutoAugment implements Transform<AutoAugment.Draw> {

  /**
   * @param applied whether the step fired
   * @param op the fixed op it resolved to; null when it did not fire
   */
  public record StepDraw(boolean applied, OpSpec op) {}

  /**
   * @param subPolicy index of the chosen sub-policy
   * @param steps one entry per step of that sub-policy
   */
  public record Draw(int subPolicy, List<StepDraw> steps) implements Params {
    /** Copies the list. */
    public Draw {
      steps = List.copyOf(steps);
    }
  }

  private final List<List<Step>> subPolicies;
  private final Interpolation interp;
  private final Fill fill;
  private final OpRegistry registry;

  /**
   * @param subPolicies the table: at least one sub-policy, each with at least one step
   * @param interp interpolation of the geometric ops
   * @param fill constant fill of the geometric ops
   * @param registry where the resolved ops are created
   */
  public AutoAugment(List<List<Step>> subPolicies, Interpolation interp, Fill fill, OpRegistry registry) {
    if (subPolicies.isEmpty() || subPolicies.stream().anyMatch(List::isEmpty)) {
      throw new IllegalArgumentException("auto_augment: 'sub_policies' must be non-empty lists of steps");
    }
    if (!fill.isConstant()) {
      throw new IllegalArgumentException("auto_augment: parameter 'fill' must be a constant value or [R,G,B]");
    }
    this.subPolicies = subPolicies.stream().map(List::copyOf).toList();
    this.interp = interp;
    this.fill = fill;
    this.registry = registry;
  }

  /** The table. */
  public List<List<Step>> subPolicies() {
    return subPolicies;
  }

  @Override
  public String name() {
    return "auto_augment";
  }

  @Override
  public ObjectNode args() {
    ObjectNode args = TransformJson.JSON.createObjectNode();
    args.put("interp", interp.specName());
    args.set("fill", fill.toJson());
    ArrayNode table = args.putArray("sub_policies");
    for (List<Step> sub : subPolicies) {
      ArrayNode steps = table.addArray();
      sub.forEach(s -> steps.add(s.toJson()));
    }
    return args;
  }

  @Override
  public Draw sample(RandomGenerator rng, ImageInfo info) {
    int index = rng.nextInt(subPolicies.size());
    List<StepDraw> draws = new ArrayList<>();
    for (Step step : subPolicies.get(index)) {
      boolean fires = rng.nextDouble() < step.p();
      boolean negative = rng.nextBoolean();
      draws.add(new StepDraw(fires, fires
          ? MagnitudeScale.AUTOAUGMENT.spec(step.op(), step.magnitude(), negative, info, interp, fill) : null));
    }
    return new Draw(index, draws);
  }

  @Override
  public Mat apply(Mat image, Draw params) {
    return ResolvedOps.apply(registry, image, replay(params));
  }

  @Override
  public List<OpSpec> replay(Draw params) {
    return params.steps().stream().filter(StepDraw::applied).map(StepDraw::op).toList();
  }
}
