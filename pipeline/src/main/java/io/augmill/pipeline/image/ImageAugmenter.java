package io.augmill.pipeline.image;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.augmill.datasets.shard.RejectedRecord;
import io.augmill.ops.image.Images;
import io.augmill.ops.policy.Policy;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.TransformJson;
import java.io.Serializable;
import java.util.function.Consumer;
import org.opencv.core.Mat;

/**
 * Augmentation of one decoded input: {@code variants} draws of a policy (plus the unaugmented input as
 * variant 0 with {@code keepOriginal}). Each draw uses the generator of {@code (seed, key, variant)}
 * only, so it is the same on every runner, worker and bundle. A variant whose ops throw becomes a
 * {@link RejectedRecord} with reason {@code augment-failed}; the other variants are unaffected.
 *
 * <p>Serializable: the policy travels as its JSON document and is rebuilt from the op registry where
 * it is first used, so a policy read from a local file also works on a remote cluster.
 */
public final class ImageAugmenter implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Receives one variant. Its image is valid only during the call and must not be mutated or released: the
   * augmenter releases each drawn image afterwards, and variant 0 with {@code keepOriginal} is the input itself.
   */
  @FunctionalInterface
  public interface VariantSink {
    /**
     * Takes one variant.
     *
     * @param variant the 0-based variant index
     * @param image the variant's pixels
     * @param params JSON array of the fixed ops applied ({@code augment/params}); {@code []} when none
     */
    void accept(int variant, Mat image, String params);
  }

  private final String policyJson;
  private final long seed;
  private final int variants;
  private final boolean keepOriginal;
  private transient Policy policy;

  private ImageAugmenter(Policy policy, long seed, int variants, boolean keepOriginal) {
    this.policyJson = policy.toJson().toString();
    this.policy = policy;
    this.seed = seed;
    this.variants = variants;
    this.keepOriginal = keepOriginal;
  }

  /**
   * Augments with a policy.
   *
   * @param policy the policy to draw from
   * @param seed the global seed
   * @param variants augmented copies per input, at least 1
   * @param keepOriginal also emit the unaugmented input as variant 0 (augmented variants are then 1..K)
   */
  public static ImageAugmenter of(Policy policy, long seed, int variants, boolean keepOriginal) {
    if (variants < 1) {
      throw new IllegalArgumentException("variants must be at least 1, got " + variants);
    }
    return new ImageAugmenter(policy, seed, variants, keepOriginal);
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

  /** Records produced per input: {@code variants}, plus one with {@code keepOriginal}. */
  public int recordsPerInput() {
    return variants + (keepOriginal ? 1 : 0);
  }

  /**
   * Produces the variants of one input in variant order: each augmented one goes to {@code sink}, each
   * one whose ops throw to {@code rejected}. Never mutates {@code image}.
   *
   * @param key the input's stable source key (part of every draw's seed)
   * @param location where the input came from (for rejection messages)
   * @param image the decoded input, grey or RGB
   * @return the number of variants passed to {@code sink}
   */
  public int augment(String key, String location, Mat image, VariantSink sink, Consumer<RejectedRecord> rejected) {
    int produced = 0;
    int first = 0;
    if (keepOriginal) {
      sink.accept(0, image, "[]");
      produced++;
      first = 1;
    }
    for (int v = first; v < first + variants; v++) {
      Policy.Result result;
      try {
        result = policy().augment(image, seed, key, v);
      } catch (RuntimeException e) {
        rejected.accept(new RejectedRecord(key, location, v, RejectReasons.AUGMENT_FAILED,
            location + " variant " + v + ": policy '" + policy().name() + "' failed: " + e.getMessage()));
        continue;
      }
      try {
        sink.accept(v, result.image(), TransformJson.specsToJsonText(result.applied()));
        produced++;
      } finally {
        Images.release(result.image());
      }
    }
    return produced;
  }

  private Policy policy() {
    if (policy == null) {
      policy = readPolicy(policyJson);
    }
    return policy;
  }
}
