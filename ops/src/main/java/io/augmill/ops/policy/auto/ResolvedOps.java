package io.augmill.ops.policy.auto;

import io.augmill.ops.ImageInfo;
import io.augmill.ops.Params;
import io.augmill.ops.Transform;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import java.util.List;
import java.util.SplittableRandom;
import org.opencv.core.Mat;

/**
 * A draw of a randomised policy resolved to fixed op specs: applying it runs exactly the ops that
 * {@code replay} reports, so the two can never disagree.
 *
 * @param ops the fixed ops, in order; empty when the draw leaves the image unchanged
 */
public record ResolvedOps(List<OpSpec> ops) implements Params {

  /** Copies the list. */
  public ResolvedOps {
    ops = List.copyOf(ops);
  }

  /** Creates each op with {@code registry} and applies them in order; never mutates {@code image}. */
  public Mat apply(OpRegistry registry, Mat image) {
    return apply(registry, image, ops);
  }

  static Mat apply(OpRegistry registry, Mat image, List<OpSpec> specs) {
    Mat current = image;
    for (OpSpec spec : specs) {
      Transform<?> op = registry.create(spec);
      // Fixed ops sample nothing; the generator only satisfies the interface.
      Params none = op.sample(new SplittableRandom(0), ImageInfo.of(current));
      Mat next = Transform.applyAny(op, current, none);
      if (current != image) {
        current.release();
      }
      current = next;
    }
    return current == image ? image.clone() : current;
  }
}
