package io.augmill.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.spec.OpSpec;
import java.util.List;
import java.util.random.RandomGenerator;
import org.opencv.core.Mat;

/**
 * An augmentation: samples parameters (the only place randomness enters), then applies them with pure
 * pixel functions. Implementations are immutable and validate their arguments at construction.
 *
 * @param <P> the record of sampled parameters
 */
public interface Transform<P extends Params> {

  /** The registry name this transform is written under, e.g. {@code rotate}. */
  String name();

  /** The construction arguments, as written in {@code {op, p, args}}; reading them back gives an equal transform. */
  ObjectNode args();

  /** Draws parameters for an image of the given geometry. */
  P sample(RandomGenerator rng, ImageInfo info);

  /**
   * Applies fixed parameters. Never mutates {@code image}; returns a new Mat that the caller owns and
   * releases (even when the result equals the input).
   */
  Mat apply(Mat image, P params);

  /** Geometry of the output for an input of geometry {@code input}; the identity unless the op resizes. */
  default ImageInfo outputInfo(ImageInfo input, P params) {
    return input;
  }

  /**
   * The fixed-parameter ops that reproduce {@code apply(image, params)} exactly, in order; empty when
   * the draw leaves the image unchanged. This is what {@code augment/params} and {@code --params-out} record.
   */
  List<OpSpec> replay(P params);

  /** The JSON form {@code {"op": name, "args": {...}}} that the registry reads back. */
  default ObjectNode toJson() {
    return new OpSpec(name(), args()).toJson();
  }

  /** Applies parameters sampled from {@code transform} without the caller knowing their type. */
  @SuppressWarnings("unchecked")
  static <P extends Params> Mat applyAny(Transform<P> transform, Mat image, Params params) {
    return transform.apply(image, (P) params);
  }

  /** {@link #replay} for parameters of unknown type. */
  @SuppressWarnings("unchecked")
  static <P extends Params> List<OpSpec> replayAny(Transform<P> transform, Params params) {
    return transform.replay((P) params);
  }

  /** {@link #outputInfo} for parameters of unknown type. */
  @SuppressWarnings("unchecked")
  static <P extends Params> ImageInfo outputInfoAny(Transform<P> transform, ImageInfo input, Params params) {
    return transform.outputInfo(input, (P) params);
  }
}
