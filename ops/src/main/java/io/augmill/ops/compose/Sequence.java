package io.augmill.ops.compose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Params;
import io.augmill.ops.Transform;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.spec.TransformJson;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.opencv.core.Mat;

/** Applies transforms in order; each one samples for the geometry the previous ones produce. */
public final class Sequence implements Transform<Sequence.Draw> {

  /** @param steps the parameters of each step, in order */
  public record Draw(List<Params> steps) implements Params {
    /** Copies the list. */
    public Draw {
      steps = List.copyOf(steps);
    }
  }

  private final List<Transform<?>> steps;

  /** @param steps the transforms, applied in order; may be empty (the identity) */
  public Sequence(List<? extends Transform<?>> steps) {
    this.steps = List.copyOf(steps);
  }

  /** The steps. */
  public List<Transform<?>> steps() {
    return steps;
  }

  @Override
  public String name() {
    return "sequence";
  }

  @Override
  public ObjectNode args() {
    ObjectNode args = TransformJson.JSON.createObjectNode();
    ArrayNode ops = args.putArray("ops");
    steps.forEach(s -> ops.add(s.toJson()));
    return args;
  }

  @Override
  public Draw sample(RandomGenerator rng, ImageInfo info) {
    List<Params> drawn = new ArrayList<>(steps.size());
    ImageInfo current = info;
    for (Transform<?> step : steps) {
      Params p = step.sample(rng, current);
      drawn.add(p);
      current = Transform.outputInfoAny(step, current, p);
    }
    return new Draw(drawn);
  }

  @Override
  public Mat apply(Mat image, Draw params) {
    checkSize(params);
    Mat current = image;
    for (int i = 0; i < steps.size(); i++) {
      Mat next = Transform.applyAny(steps.get(i), current, params.steps().get(i));
      if (current != image) {
        current.release();
      }
      current = next;
    }
    return current == image ? image.clone() : current;
  }

  @Override
  public ImageInfo outputInfo(ImageInfo input, Draw params) {
    checkSize(params);
    ImageInfo current = input;
    for (int i = 0; i < steps.size(); i++) {
      current = Transform.outputInfoAny(steps.get(i), current, params.steps().get(i));
    }
    return current;
  }

  @Override
  public List<OpSpec> replay(Draw params) {
    checkSize(params);
    List<OpSpec> out = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      out.addAll(Transform.replayAny(steps.get(i), params.steps().get(i)));
    }
    return out;
  }

  private void checkSize(Draw params) {
    if (params.steps().size() != steps.size()) {
      throw new IllegalArgumentException("sequence of " + steps.size() + " steps given parameters for "
          + params.steps().size());
    }
  }
}
