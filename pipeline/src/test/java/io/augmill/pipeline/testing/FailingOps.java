package io.augmill.pipeline.testing;

import io.augmill.ops.FixedTransform;
import io.augmill.ops.spec.OpProvider;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import org.opencv.core.Mat;

/** Test-only op {@code fail}: always throws, so tests can make chosen variants fail inside a policy. */
public final class FailingOps implements OpProvider {

  @Override
  public void register(OpRegistry registry) {
    registry.register("fail", "test", "always throws (tests only)", args -> new Fail());
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
}
