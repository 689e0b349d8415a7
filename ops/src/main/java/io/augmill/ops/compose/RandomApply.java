package io.augmill.ops.compose;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Params;
import io.augmill.ops.Transform;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.spec.TransformJson;
import java.util.List;
import java.util.random.RandomGenerator;
import org.opencv.core.Mat;

/**
 * Applies a transform with probability {@code p}; the inner parameters are sampled only when it fires.
 * Written inline as the inner op with {@code p} ({@code {op: hflip, p: 0.5}}); the probability is not
 * among {@link #args()}, which hold only the wrapped op.
 */
public final class RandomApply implements Transform<RandomApply.Draw> {

  /**
   * @param applied whether the inner transform fires
   * @param inner its parameters, null when it does not fire
   */
  public record Draw(boolean applied, Params inner) implements Params {}

  private final double p;
  private final Transform<?> inner;

  /**
   * @param p probability in [0, 1]
   * @param inner the transform applied with that probability
   */
  public RandomApply(double p, Transform<?> inner) {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("random_apply: parameter 'p' must be in [0, 1], got " + p);
    }
    this.p = p;
    this.inner = inner;
  }

  /** The probability. */
  public double p() {
    return p;
  }

  /** The wrapped transform. */
  public Transform<?> inner() {
    return inner;
  }

  @Override
  public String name() {
    return "random_apply";
  }

  @Override
  public ObjectNode args() {
    ObjectNode args = TransformJson.JSON.createObjectNode();
    args.set("op", inner.toJson());
    return args;
  }

  @Override
  public ObjectNode toJson() {
    ObjectNode json = inner.toJson();
    ObjectNode out = TransformJson.JSON.createObjectNode();
    if (json.has("p")) {
      // A probability of a probability cannot be written inline: keep the wrapper.
      out.put("op", name());
      out.put("p", p);
      out.set("args", args());
      return out;
    }
    out.set("op", json.get("op"));
    out.put("p", p);
    if (json.has("args")) {
      out.set("args", json.get("args"));
    }
    return out;
  }

  @Override
  public Draw sample(RandomGenerator rng, ImageInfo info) {
    // Draw the coin even when p is 0 or 1 so that the stream consumed does not depend on p.
    boolean fire = rng.nextDouble() < p;
    return new Draw(fire, fire ? inner.sample(rng, info) : null);
  }

  @Override
  public Mat apply(Mat image, Draw params) {
    return params.applied() ? Transform.applyAny(inner, image, params.inner()) : image.clone();
  }

  @Override
  public ImageInfo outputInfo(ImageInfo input, Draw params) {
    return params.applied() ? Transform.outputInfoAny(inner, input, params.inner()) : input;
  }

  @Override
  public List<OpSpec> replay(Draw params) {
    return params.applied() ? Transform.replayAny(inner, params.inner()) : List.of();
  }
}
