package io.augmill.pipeline.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.augmill.datasets.shard.RejectedRecord;
import io.augmill.ops.image.Images;
import io.augmill.ops.image.OpenCv;
import io.augmill.ops.policy.Policy;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.TransformJson;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.opencv.core.Mat;

/**
 * The Augment step: emits {@code variants} augmented copies of each decoded input (plus the
 * unaugmented input as variant 0 with {@code keepOriginal}). Each draw uses the generator of
 * {@code (seed, key, variant)} only, so it is the same on every runner, worker and bundle. A variant
 * whose ops throw becomes a {@link RejectedRecord} record with reason {@code augment-failed}.
 */
public final class AugmentImages extends PTransform<PCollection<DecodedImage>, PCollectionTuple> {

  private static final long serialVersionUID = 1L;

  /** Augmented variants. */
  public static final TupleTag<AugmentedImage> AUGMENTED = new TupleTag<>("augmented") {};
  /** Rejected variants. */
  public static final TupleTag<RejectedRecord> REJECTED = new TupleTag<>("rejected") {};

  private final String policyJson;
  private final long seed;
  private final int variants;
  private final boolean keepOriginal;

  private AugmentImages(String policyJson, long seed, int variants, boolean keepOriginal) {
    this.policyJson = policyJson;
    this.seed = seed;
    this.variants = variants;
    this.keepOriginal = keepOriginal;
  }

  /**
   * Augments with a policy. The policy travels to workers as its JSON document and is rebuilt there
   * from the op registry, so a policy read from a local file also works on a remote cluster.
   *
   * @param policy the policy to draw from
   * @param seed the global seed
   * @param variants augmented copies per input, at least 1
   * @param keepOriginal also emit the unaugmented input as variant 0
   */
  public static AugmentImages of(Policy policy, long seed, int variants, boolean keepOriginal) {
    if (variants < 1) {
      throw new IllegalArgumentException("variants must be at least 1, got " + variants);
    }
    return new AugmentImages(policy.toJson().toString(), seed, variants, keepOriginal);
  }

  /** Records produced per input: {@code variants}, plus one with {@code keepOriginal}. */
  public int recordsPerInput() {
    return variants + (keepOriginal ? 1 : 0);
  }

  @Override
  public PCollectionTuple expand(PCollection<DecodedImage> input) {
    PCollectionTuple out = input.apply("ApplyPolicy", ParDo.of(new AugmentFn(policyJson, seed, variants, keepOriginal))
        .withOutputTags(AUGMENTED, TupleTagList.of(REJECTED)));
    out.get(AUGMENTED).setCoder(ElementCoders.AugmentedImageCoder.of());
    return out;
  }

  /** Rebuilds a policy from the JSON document {@link Policy#toJson()} wrote. */
  public static Policy readPolicy(String json) {
    try {
      JsonNode doc = TransformJson.JSON.readTree(json);
      return new Policy(doc.path("name").asText(), doc.path("description").asText(""),
          OpRegistry.builtin().json().read(doc.get("transform")));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("policy document is not valid JSON: " + e.getMessage(), e);
    }
  }

  /** Draws and applies the variants of one input. */
  static final class AugmentFn extends DoFn<DecodedImage, AugmentedImage> {

    private static final long serialVersionUID = 1L;
    private final String policyJson;
    private final long seed;
    private final int variants;
    private final boolean keepOriginal;
    private final Counter augmented = PipelineMetrics.counter(PipelineMetrics.AUGMENTED);
    private transient Policy policy;

    AugmentFn(String policyJson, long seed, int variants, boolean keepOriginal) {
      this.policyJson = policyJson;
      this.seed = seed;
      this.variants = variants;
      this.keepOriginal = keepOriginal;
    }

    @Setup
    public void setup() {
      OpenCv.load();
      policy = readPolicy(policyJson);
    }

    @ProcessElement
    public void process(@Element DecodedImage in, MultiOutputReceiver out) {
      int first = 0;
      if (keepOriginal) {
        out.get(AUGMENTED).output(new AugmentedImage(in.key(), in.location(), in.label(), 0, in.pixels(), "[]"));
        augmented.inc();
        first = 1;
      }
      Mat image = in.pixels().toMat();
      try {
        for (int v = first; v < first + variants; v++) {
          augmentOne(in, image, v, out);
        }
      } finally {
        image.release();
      }
    }

    private void augmentOne(DecodedImage in, Mat image, int variant, MultiOutputReceiver out) {
      Policy.Result result;
      try {
        result = policy.augment(image, seed, in.key(), variant);
      } catch (RuntimeException e) {
        PipelineMetrics.rejected(RejectReasons.AUGMENT_FAILED).inc();
        out.get(REJECTED).output(new RejectedRecord(in.key(), in.location(), variant, RejectReasons.AUGMENT_FAILED,
            in.location() + " variant " + variant + ": policy '" + policy.name() + "' failed: " + e.getMessage()));
        return;
      }
      try {
        String params = TransformJson.specsToJson(result.applied()).toString();
        out.get(AUGMENTED).output(new AugmentedImage(in.key(), in.location(), in.label(), variant,
            Pixels.of(result.image()), params));
        augmented.inc();
      } finally {
        Images.release(result.image());
      }
    }
  }
}
