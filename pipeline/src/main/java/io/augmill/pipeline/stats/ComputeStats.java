package io.augmill.pipeline.stats;

import io.augmill.pipeline.image.DecodedImage;
import org.apache.beam.sdk.transforms.Combine;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;

/**
 * The {@code stats} Combine: per-channel mean/std and the RGB covariance eigen-decomposition over all
 * decoded images, as one {@link ChannelStats} (also when the input is empty: zero counts).
 */
public final class ComputeStats extends PTransform<PCollection<DecodedImage>, PCollection<ChannelStats>> {

  private static final long serialVersionUID = 1L;

  @Override
  public PCollection<ChannelStats> expand(PCollection<DecodedImage> input) {
    return input.apply("CombinePixelSums", Combine.globally(new StatsFn()));
  }

  /** Sums pixels into a {@link StatsAccumulator} and derives the statistics at the end. */
  public static final class StatsFn extends PixelSumsFn<DecodedImage> {

    private static final long serialVersionUID = 1L;

    @Override
    public StatsAccumulator addInput(StatsAccumulator acc, DecodedImage input) {
      acc.add(input.pixels());
      return acc;
    }
  }
}
