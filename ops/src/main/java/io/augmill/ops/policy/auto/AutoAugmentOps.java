package io.augmill.ops.policy.auto;

import io.augmill.ops.Fill;
import io.augmill.ops.Interpolation;
import io.augmill.ops.spec.Args;
import io.augmill.ops.spec.OpProvider;
import io.augmill.ops.spec.OpRegistry;
import java.util.List;

/** Registers {@code auto_augment}, {@code rand_augment} and {@code trivial_augment}. */
public final class AutoAugmentOps implements OpProvider {

  @Override
  public void register(OpRegistry registry) {
    registry.register("auto_augment", "policy",
        "auto_augment(policy=cifar10|imagenet|svhn or sub_policies=[...],interp=nearest,fill=128): AutoAugment sub-policies",
        args -> {
          List<List<Step>> table = table(args);
          return new AutoAugment(table, interp(args), fill(args), registry);
        });
    registry.register("rand_augment", "policy",
        "rand_augment(n=2,m=9,mstd=0,interp=nearest,fill=128): RandAugment, magnitude on torchvision's 0..30 scale",
        args -> new RandAugment(args.integer("n", 2, 0, 16), args.number("m", 9, 0, 30), args.number("mstd", 0, 0, 30),
            interp(args), fill(args), registry));
    registry.register("trivial_augment", "policy",
        "trivial_augment(interp=nearest,fill=128): TrivialAugment Wide, one op at a uniform magnitude",
        args -> new TrivialAugment(interp(args), fill(args), registry));
  }

  private static List<List<Step>> table(Args args) {
    boolean named = args.has("policy");
    boolean inline = args.has("sub_policies");
    if (named == inline) {
      throw new IllegalArgumentException("auto_augment: give exactly one of 'policy' ("
          + String.join("|", AutoAugmentTables.names()) + ") or 'sub_policies' (a table)");
    }
    try {
      return named ? AutoAugmentTables.named(args.text("policy", null)) : AutoAugmentTables.read(args.node("sub_policies"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("auto_augment: " + e.getMessage(), e);
    }
  }

  private static Interpolation interp(Args args) {
    return args.choice("interp", Interpolation.NEAREST, Interpolation.NEAREST, Interpolation.BILINEAR,
        Interpolation.BICUBIC);
  }

  private static Fill fill(Args args) {
    return args.fill("fill", Fill.GREY, false);
  }
}
