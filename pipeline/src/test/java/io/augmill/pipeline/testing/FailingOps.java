package io.augmill.pipeline.testing;

import io.augmill.ops.FixedTransform;
import io.augmill.ops.spec.OpProvider;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * Test-only ops: {@code fail} always throws, so tests can make chosen variants fail inside a policy;
 * {@code unencodable} returns a 16-bit image, which no Augmill encoder accepts, so tests can make
 * encoding fail.
 */
public final class FailingOps implements OpProvider {

  @Override
  public void register(OpRegistry registry) {
    registry.register("fail", "test", "always throws (tests only)", args -> new Fail());
    registry.register("unencodable", "test", "returns a 16-bit image (tests only)", args -> new Unencodable());
  }

  /** The failing op. */
  static final class Fail extends FixedTransform {
    Fail() {
      super(OpSpec.of("fail"));
    }

    @Override
    protected Mat apply(Mat image) {
      throw new IllegalStateException("deliberate test failure");
    }
  }

  /** The op whose output cannot be encoded. */
  static final class Unencodable extends FixedTransform {
    Unencodable() {
      super(OpSpec.of("unencodable"));
    }

    @Override
    protected Mat apply(Mat image) {
      return new Mat(image.rows(), image.cols(), CvType.CV_16UC3, new Scalar(1000, 2000, 3000));
    }
  }
}
