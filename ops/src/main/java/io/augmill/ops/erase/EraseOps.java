package io.augmill.ops.erase;

import io.augmill.ops.Fill;
import io.augmill.ops.Transform;
import io.augmill.ops.spec.Args;
import io.augmill.ops.spec.OpProvider;
import io.augmill.ops.spec.OpRegistry;

/** Registers {@code erase}, {@code cutout} (fixed and random forms) and {@code random_erasing}. */
public final class EraseOps implements OpProvider {

  /** Largest coordinate or size accepted, far beyond any image this project handles. */
  private static final int MAX_COORD = 1 << 20;

  @Override
  public void register(OpRegistry registry) {
    registry.register("erase", "erase",
        "erase(x,y,width,height,fill=V|[R,G,B]|random|mean,seed): fill a rectangle (top-left corner)",
        args -> new Erase(args.integer("x", 0, MAX_COORD), args.integer("y", 0, MAX_COORD),
            args.integer("width", 1, MAX_COORD), args.integer("height", 1, MAX_COORD),
            args.fill("fill", Fill.BLACK, true), seed(args)));
    registry.register("cutout", "erase",
        "cutout(x,y,size,fill) or cutout(size,holes=1,fill): DeVries & Taylor squares, centre given or uniform",
        EraseOps::cutout);
    registry.register("random_erasing", "erase",
        "random_erasing(p=0.5,scale=[0.02,0.4],ratio=0.3,fill=random): Zhong et al. random erasing",
        0.5, args -> {
          double[] scale = args.numbers("scale", 2, new double[] {0.02, 0.4}, 0, 1);
          if (scale[0] > scale[1]) {
            throw args.invalid("scale", "[sl, sh] with sl <= sh");
          }
          return new RandomErasing(scale[0], scale[1], args.number("ratio", 0.3, 1e-3, 1),
              args.fill("fill", Fill.RANDOM, true));
        });
  }

  private static Transform<?> cutout(Args args) {
    if (args.has("x") || args.has("y")) {
      return new Cutout(args.integer("x", 0, MAX_COORD), args.integer("y", 0, MAX_COORD),
          args.integer("size", 1, MAX_COORD), args.fill("fill", Fill.BLACK, true), seed(args));
    }
    return new RandomCutout(args.integer("size", 1, MAX_COORD), args.integer("holes", 1, 1, RandomCutout.MAX_HOLES),
        args.fill("fill", Fill.BLACK, true));
  }

  private static int seed(Args args) {
    Fill fill = args.fill("fill", Fill.BLACK, true);
    if (fill.kind() != Fill.Kind.RANDOM) {
      if (args.has("seed")) {
        throw args.invalid("seed", "absent unless fill=random");
      }
      return 0;
    }
    return args.integer("seed", 0, 0, Integer.MAX_VALUE);
  }
}
