package io.augmill.pipeline.preprocess;

import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.RejectedRecord;
import io.augmill.datasets.source.SourceRecord;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.policy.Policy;
import io.augmill.pipeline.image.AugmentImages;
import io.augmill.pipeline.image.DecodeImages;
import io.augmill.pipeline.image.DecodedImage;
import io.augmill.pipeline.image.EncodeImages;
import io.augmill.pipeline.shard.ManifestTemplate;
import io.augmill.pipeline.shard.WriteManifest;
import io.augmill.pipeline.shard.WriteShards;
import io.augmill.pipeline.stats.ComputeStats;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.Flatten;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionList;
import org.apache.beam.sdk.values.PCollectionTuple;

/**
 * The preprocess job after reading: Decode → Augment → Encode → WriteShards → Manifest, with the input
 * count, the rejected records of every step and the input statistics feeding the manifest. Its output
 * is the manifest's JSON text (one element).
 */
public final class PreprocessImages extends PTransform<PCollection<SourceRecord>, PCollection<String>> {

  private static final long serialVersionUID = 1L;

  private final long maxPixels;
  private final AugmentImages augment;
  private final EncodeImages encode;
  private final ManifestTemplate manifest;

  private PreprocessImages(long maxPixels, AugmentImages augment, EncodeImages encode, ManifestTemplate manifest) {
    this.maxPixels = maxPixels;
    this.augment = augment;
    this.encode = encode;
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
    return new PreprocessImages(maxPixels,
        AugmentImages.of(policy, manifest.seed(), manifest.variants(), manifest.keepOriginal()),
        EncodeImages.as(format, jpegQuality), manifest);
  }

  @Override
  public PCollection<String> expand(PCollection<SourceRecord> inputs) {
    PCollectionTuple decoded = inputs.apply("Decode", DecodeImages.withMaxPixels(maxPixels));
    PCollection<DecodedImage> images = decoded.get(DecodeImages.DECODED);
    PCollectionTuple augmented = images.apply("Augment", augment);
    PCollectionTuple encoded = augmented.get(AugmentImages.AUGMENTED).apply("Encode", encode);
    PCollection<ImageExample> examples = encoded.get(EncodeImages.ENCODED);
    var shards = examples.apply("WriteShards", WriteShards.to(manifest.directory(), manifest.split(), manifest.shards()));
    PCollection<RejectedRecord> rejected = PCollectionList.of(decoded.get(DecodeImages.REJECTED))
        .and(augmented.get(AugmentImages.REJECTED))
        .and(encoded.get(EncodeImages.REJECTED))
        .apply("CollectRejected", Flatten.pCollections());
    return PCollectionTuple.of(WriteManifest.SHARDS, shards)
        .and(WriteManifest.INPUTS, inputs.apply("CountInputs", Count.globally()))
        .and(WriteManifest.REJECTED, rejected)
        .and(WriteManifest.STATS, images.apply("Stats", new ComputeStats()))
        .apply("Manifest", WriteManifest.of(manifest));
  }
}
