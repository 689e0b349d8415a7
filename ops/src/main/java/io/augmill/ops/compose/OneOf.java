package io.augmill.ops.compose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Params;
import io.augmill.ops.Transform;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.spec.TransformJson;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.opencv.core.Mat;

/** Applies exactly one of its transforms, chosen with probability proportional to its weight. */
public final class OneOf implements Transform<OneOf.Draw> {

  /**
   * @param index the chosen transform
   * @param chosen its parameters
   */
  public record Draw(int index, Params chosen) implements Params {}

  private final List<Transform<?>> choices;
  private final double[] weights;
  private final double[] cumulative;

  /**
   * @param choices at least one transform
   * @param weights one non-negative weight per choice, not all zero; null for equal weights
   */
  public OneOf(List<? extends Transform<?>> choices, double[] weights) {
    if (choices.isEmpty()) {
      throw new IllegalArgumentException("one_of: parameter 'ops' must not be empty");
    }
    this.choices = List.copyOf(choices);
    this.weights = weights == null ? filled(choices.size()) : weights.clone();
    if (this.weights.length != choices.size()) {
      throw new IllegalArgumentException("one_of: parameter 'weights' must have one weight per op ("
          + choices.size() + "), got " + this.weights.length);
    }
    cumulative = new double[this.weights.length];
    double sum = 0;
    for (int i = 0; i < this.weights.length; i++) {
      if (!(this.weights[i] >= 0) || Double.isInfinite(this.weights[i])) {
        throw new IllegalArgumentException("one_of: weights must be finite and non-negative, got " + this.weights[i]);
      }
      sum += this.weights[i];
      cumulative[i] = sum;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException("one_of: weights must not all be zero");
    }
  }

  /** The choices. */
  public List<Transform<?>> choices() {
    return choices;
  }

  @Override
  public String name() {
    return "one_of";
  }

  @Override
  public ObjectNode args() {
    ObjectNode args = TransformJson.JSON.createObjectNode();
    ArrayNode ops = args.putArray("ops");
    choices.forEach(c -> ops.add(c.toJson()));
    if (Arrays.stream(weights).distinct().count() > 1) {
      ArrayNode w = args.putArray("weights");
      Arrays.stream(weights).forEach(w::add);
    }
    return args;
  }

  @Override
  public Draw sample(RandomGenerator rng, ImageInfo info) {
    double u = rng.nextDouble() * cumulative[cumulative.length - 1];
    int index = 0;
    while (index < cumulative.length - 1 && (u >= cumulative[index] || weights[index] == 0)) {
      index++;
    }
    return new Draw(index, choices.get(index).sample(rng, info));
  }

  @Override
  public Mat apply(Mat image, Draw params) {
    return Transform.applyAny(choices.get(params.index()), image, params.chosen());
  }

  @Override
  public ImageInfo outputInfo(ImageInfo input, Draw params) {
    return Transform.outputInfoAny(choices.get(params.index()), input, params.chosen());
  }

  @Override
  public List<OpSpec> replay(Draw params) {
    return Transform.replayAny(choices.get(params.index()), params.chosen());
  }

  private static double[] filled(int n) {
    double[] w = new double[n];
    Arrays.fill(w, 1.0);
    return w;
  }
}
