package io.augmill.ops.compose;

import io.augmill.ops.FixedTransform;
import io.augmill.ops.image.Images;
import io.augmill.ops.spec.OpSpec;
import org.opencv.core.Mat;

/** Returns a copy of the image: the neutral element of composition, and the {@code none} policy. */
public final class Identity extends FixedTransform {

  /** The identity op. */
  public Identity() {
    super(OpSpec.of("identity"));
  }

  @Override
  protected Mat apply(Mat image) {
    Images.requireSupported(image, "identity");
    return image.clone();
  }
}
