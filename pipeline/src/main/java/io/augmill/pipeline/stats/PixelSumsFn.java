package io.augmill.pipeline.stats;

import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderRegistry;
import org.apache.beam.sdk.transforms.Combine;

/**
 * A Combine of exact pixel sums into {@link ChannelStats}: subclasses say how one input adds to a
 * {@link StatsAccumulator}; merging, the accumulator coder and the statistics at the end are shared.
 * The sums are integers, so the result does not depend on how a runner splits or orders the inputs.
 *
 * @param <InputT> what is summed (decoded images, or partial sums)
 */
public abstract class PixelSumsFn<InputT> extends Combine.CombineFn<InputT, StatsAccumulator, ChannelStats> {

  private static final long serialVersionUID = 1L;

  @Override
  public StatsAccumulator createAccumulator() {
    return new StatsAccumulator();
  }

  @Override
  public StatsAccumulator mergeAccumulators(Iterable<StatsAccumulator> accumulators) {
    StatsAccumulator merged = new StatsAccumulator();
    accumulators.forEach(merged::merge);
    return merged;
  }

  @Override
  public ChannelStats extractOutput(StatsAccumulator acc) {
    return ChannelStats.from(acc);
  }

  @Override
  public Coder<StatsAccumulator> getAccumulatorCoder(CoderRegistry registry, Coder<InputT> inputCoder) {
    return StatsAccumulator.CODER;
  }
}
