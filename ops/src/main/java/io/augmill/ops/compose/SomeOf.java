package io.augmill.ops.compose;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Params;
import io.augmill.ops.Transform;
import io.augmill.ops.spec.TransformJson;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Applies {@code n} distinct transforms chosen uniformly from its list, in the random order drawn
 * (a partial Fisher-Yates shuffle).
 */
public final class SomeOf implements Transform<Sequence.Draw> {

  private final int n;
  private final List<Transform<?>> choices;

  /**
   * @param n how many to apply, in [0, choices.size()]
   * @param choices the candidates
   */
  public SomeOf(int n, List<? extends Transform<?>> choices) {
    if (choices.isEmpty()) {
      throw new IllegalArgumentException("some_of: parameter 'ops' must not be empty");
    }
    if (n < 0 || n > choices.size()) {
      throw new IllegalArgumentException("some_of: parameter 'n' must be in [0, " + choices.size() + "], got " + n);
    }
    this.n = n;
    this.choices = List.copyOf(choices);
  }

  @Override
  public String name() {
    return "some_of";
  }

  @Override
  public ObjectNode args() {
    ObjectNode args = TransformJson.JSON.createObjectNode();
    args.put("n", n);
    ArrayNode ops = args.putArray("ops");
    choices.forEach(c -> ops.add(c.toJson()));
    return args;
  }

  /** The draw is the sequence of chosen transforms; its parameters are wrapped with their indices. */
  @Override
  public Sequence.Draw sample(RandomGenerator rng, ImageInfo info) {
    int[] order = new int[choices.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    List<Params> drawn = new ArrayList<>(n);
    ImageInfo current = info;
    for (int i = 0; i < n; i++) {
      int j = i + rng.nextInt(order.length - i);
      int tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
      Transform<?> chosen = choices.get(order[i]);
      Params p = chosen.sample(rng, current);
      drawn.add(new OneOf.Draw(order[i], p));
      current = Transform.outputInfoAny(chosen, current, p);
    }
    return new Sequence.Draw(drawn);
  }

  @Override
  public org.opencv.core.Mat apply(org.opencv.core.Mat image, Sequence.Draw params) {
    return asSequence(params).apply(image, unwrap(params));
  }

  @Override
  public ImageInfo outputInfo(ImageInfo input, Sequence.Draw params) {
    return asSequence(params).outputInfo(input, unwrap(params));
  }

  @Override
  public List<io.augmill.ops.spec.OpSpec> replay(Sequence.Draw params) {
    return asSequence(params).replay(unwrap(params));
  }

  private Sequence asSequence(Sequence.Draw params) {
    List<Transform<?>> chosen = new ArrayList<>();
    for (Params p : params.steps()) {
      chosen.add(choices.get(((OneOf.Draw) p).index()));
    }
    return new Sequence(chosen);
  }

  private static Sequence.Draw unwrap(Sequence.Draw params) {
    List<Params> inner = new ArrayList<>();
    for (Params p : params.steps()) {
      inner.add(((OneOf.Draw) p).chosen());
    }
    return new Sequence.Draw(inner);
  }
}
