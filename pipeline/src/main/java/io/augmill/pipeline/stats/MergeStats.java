package io.augmill.pipeline.stats;

import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * The preprocess job's Stats step: merges partial pixel sums (one {@link StatsAccumulator} per bundle,
 * summed by the step that decodes the images) into one {@link ChannelStats}, zero counts when there are
 * none. The sums are exact integers, so the result is the same however the runner cut the bundles, and
 * equal to what {@link ComputeStats} gives over the decoded images themselves.
 */
public final class MergeStats extends PTransform<PCollection<StatsAccumulator>, PCollection<ChannelStats>> {

  private static final long serialVersionUID = 1L;

  @Override
  public PCollection<ChannelStats> expand(PCollection<StatsAccumulator> input) {
    return input.apply("CombinePartialSums", Combine.globally(new MergeFn()));
  }

  /** Adds partial sums together and derives the statistics at the end. */
  public static final class MergeFn extends PixelSumsFn<StatsAccumulator> {

    private static final long serialVersionUID = 1L;

    @Override
    public StatsAccumulator addInput(StatsAccumulator acc, StatsAccumulator partial) {
      acc.merge(partial);
      return acc;
    }
  }
}
