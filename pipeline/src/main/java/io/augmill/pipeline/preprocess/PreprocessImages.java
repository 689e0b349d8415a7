package io.augmill.pipeline.preprocess;

import io.augmill.datasets.source.SourceRecord;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.policy.Policy;
import io.augmill.pipeline.image.ImageAugmenter;
import io.augmill.pipeline.image.ImageEncoder;
import io.augmill.pipeline.shard.ManifestTemplate;
import io.augmill.pipeline.shard.ShardPlan;
import io.augmill.pipeline.shard.WriteManifest;
import io.augmill.pipeline.shard.WriteShards;
import io.augmill.pipeline.stats.MergeStats;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * The preprocess job after reading: Process (Decode → Augment → Encode, fused; see
 * {@link ProcessImages}) → WriteShards → Manifest, with the input count (CountInputs), the rejected
 * records and the input statistics (Stats) feeding the manifest. Its output is the manifest's JSON text
 * (one element).
 */
public final class PreprocessImages extends PTransform<PCollection<SourceRecord>, PCollection<String>> {

  private static final long serialVersionUID = 1L;

  private final ProcessImages process;
  private final ShardPlan shards;
  private final ManifestTemplate manifest;

  private PreprocessImages(ProcessImages process, ShardPlan shards, ManifestTemplate manifest) {
    this.process = process;
    this.shards = shards;
    this.manifest = manifest;
  }

  /**
   * Configures the job.
   *
   * @param policy the augmentation policy
   * @param format the output codec
   * @param jpegQuality JPEG quality, 1-100
   * @param maxPixels decode limit on {@code width * height}
   * @param manifest directory, split, shard count and what the manifest records (seed, variants, ...)
   */
  public static PreprocessImages of(Policy policy, ImageCodec.Format format, int jpegQuality, long maxPixels,
      ManifestTemplate manifest) {
    ShardPlan shards = ShardPlan.of(manifest.directory(), manifest.split(), manifest.shards());
    return new PreprocessImages(ProcessImages.of(maxPixels,
        ImageAugmenter.of(policy, manifest.seed(), manifest.variants(), manifest.keepOriginal()),
        ImageEncoder.as(format, jpegQuality), shards), shards, manifest);
  }

  @Override
  public PCollection<String> expand(PCollection<SourceRecord> inputs) {
    PCollectionTuple processed = inputs.apply("Process", process);
    var written = processed.get(ProcessImages.RUNS).apply("WriteShards", WriteShards.of(shards));
    return PCollectionTuple.of(WriteManifest.SHARDS, written)
        .and(WriteManifest.INPUTS, processed.get(ProcessImages.INPUTS).apply("CountInputs", Sum.longsGlobally()))
        .and(WriteManifest.REJECTED, processed.get(ProcessImages.REJECTED))
        .and(WriteManifest.STATS, processed.get(ProcessImages.STATS).apply("Stats", new MergeStats()))
        .apply("Manifest", WriteManifest.of(manifest));
  }
}
