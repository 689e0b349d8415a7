package io.augmill.ops.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Params;
import io.augmill.ops.Transform;
import io.augmill.ops.spec.OpSpec;
import io.augmill.ops.spec.TransformJson;
import java.util.List;
import java.util.Objects;
import org.opencv.core.Mat;

/**
 * A named augmentation policy: a transform plus where it came from. {@link #augment} is the one entry
 * point batch jobs use: it seeds from {@code (seed, key, variant)}, samples, applies, and reports the
 * fixed ops that reproduce the result.
 *
 * @param name a built-in name, the compact string, or the file it was read from
 * @param description one line for listings
 * @param transform what it applies
 */
public record Policy(String name, String description, Transform<?> transform) {

  /** One augmented draw: the image (owned by the caller) and the fixed ops that reproduce it. */
  public record Result(Mat image, List<OpSpec> applied) {}

  /** Validates the fields. */
  public Policy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(transform, "transform");
    description = description == null ? "" : description;
  }

  /** Samples with the generator of {@code (seed, key, variant)} and applies; never mutates {@code image}. */
  public Result augment(Mat image, long seed, String key, int variant) {
    Params params = transform.sample(Seeds.forImage(seed, key, variant), ImageInfo.of(image));
    Mat out = Transform.applyAny(transform, image, params);
    return new Result(out, Transform.replayAny(transform, params));
  }

  /** The JSON/YAML tree of the policy, as {@code augmill policies NAME} prints and {@code --policy FILE} reads. */
  public ObjectNode toJson() {
    ObjectNode node = TransformJson.JSON.createObjectNode();
    node.put("name", name);
    if (!description.isEmpty()) {
      node.put("description", description);
    }
    node.set("transform", transform.toJson());
    return node;
  }
}
