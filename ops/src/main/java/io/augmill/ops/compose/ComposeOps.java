package io.augmill.ops.compose;

import io.augmill.ops.spec.OpProvider;
import io.augmill.ops.spec.OpRegistry;

/** Registers {@code identity}, {@code sequence}, {@code one_of}, {@code some_of} and {@code random_apply}. */
public final class ComposeOps implements OpProvider {

  @Override
  public void register(OpRegistry registry) {
    registry.register("identity", "compose", "returns the image unchanged", args -> new Identity());
    registry.register("sequence", "compose", "sequence(ops=[...]): applies ops in order",
        args -> new Sequence(args.transforms("ops")));
    registry.register("one_of", "compose", "one_of(ops=[...],weights=[...]): applies one op chosen by weight",
        args -> {
          var ops = args.transforms("ops");
          return new OneOf(ops, args.numbers("weights", ops.size(), null, 0, Double.MAX_VALUE));
        });
    registry.register("some_of", "compose", "some_of(n=N,ops=[...]): applies N distinct ops in random order",
        args -> {
          var ops = args.transforms("ops");
          return new SomeOf(args.integer("n", 0, ops.size()), ops);
        });
    registry.register("random_apply", "compose", "random_apply(op=...,p=P): applies op with probability P (default 0.5)",
        0.5, args -> args.transform("op"));
  }
}
