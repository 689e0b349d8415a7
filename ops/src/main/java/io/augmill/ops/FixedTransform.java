package io.augmill.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.spec.OpSpec;
import java.util.List;
import java.util.random.RandomGenerator;
import org.opencv.core.Mat;

/**
 * Base of fixed-parameter ops ({@code hflip}, {@code crop(x=4,...)}): nothing is sampled, so the op's
 * own spec is its replay.
 */
public abstract class FixedTransform implements Transform<Params.None> {

  private final OpSpec spec;

  /** @param spec the op's name and its normalised arguments */
  protected FixedTransform(OpSpec spec) {
    this.spec = spec;
  }

  /** Applies the op. Never mutates {@code image}; returns a new Mat. */
  protected abstract Mat apply(Mat image);

  /** Output geometry; the identity unless the op resizes. */
  protected ImageInfo outputInfo(ImageInfo input) {
    return input;
  }

  @Override
  public final String name() {
    return spec.op();
  }

  @Override
  public final ObjectNode args() {
    return spec.args();
  }

  @Override
  public final Params.None sample(RandomGenerator rng, ImageInfo info) {
    return Params.None.INSTANCE;
  }

  @Override
  public final Mat apply(Mat image, Params.None params) {
    return apply(image);
  }

  @Override
  public final ImageInfo outputInfo(ImageInfo input, Params.None params) {
    return outputInfo(input);
  }

  @Override
  public final List<OpSpec> replay(Params.None params) {
    return List.of(spec);
  }

  @Override
  public String toString() {
    return spec.toString();
  }
}
