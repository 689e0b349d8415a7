package io.augmill.ops.geometric;

import io.augmill.ops.spec.OpProvider;
import io.augmill.ops.spec.OpRegistry;

/** Registers the geometric ops. */
public final class GeometricOps implements OpProvider {

  @Override
  public void register(OpRegistry registry) {
    registry.register("hflip", "geometric", "mirror left-right", args -> new Flip(Flip.Axis.HORIZONTAL));
    registry.register("vflip", "geometric", "mirror top-bottom", args -> new Flip(Flip.Axis.VERTICAL));
    registry.register("random_hflip", "geometric", "random_hflip(p=0.5): mirror left-right with probability p",
        0.5, args -> new Flip(Flip.Axis.HORIZONTAL));
    registry.register("random_vflip", "geometric", "random_vflip(p=0.5): mirror top-bottom with probability p",
        0.5, args -> new Flip(Flip.Axis.VERTICAL));
  }
}
