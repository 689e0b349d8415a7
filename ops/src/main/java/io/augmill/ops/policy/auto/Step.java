package io.augmill.ops.policy.auto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.spec.TransformJson;
import java.util.Set;

/**
 * One step of an AutoAugment sub-policy: apply {@code op} with probability {@code p} at magnitude bin
 * {@code magnitude} (0 for ops without a magnitude, where it is not written).
 *
 * @param op the op
 * @param p probability in [0, 1]
 * @param magnitude bin in [0, 9]
 */
public record Step(AugmentOp op, double p, int magnitude) {

  private static final Set<String> KEYS = Set.of("op", "p", "magnitude");

  /** Validates the fields. */
  public Step {
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException(op.opName() + ": probability 'p' must be in [0, 1], got " + p);
    }
    int max = MagnitudeScale.AUTOAUGMENT.maxMagnitude();
    if (magnitude < 0 || magnitude > max) {
      throw new IllegalArgumentException(op.opName() + ": 'magnitude' must be a bin in [0, " + max + "], got " + magnitude);
    }
    if (!op.hasMagnitude() && magnitude != 0) {
      throw new IllegalArgumentException(op.opName() + " takes no 'magnitude', got " + magnitude);
    }
  }

  /** Reads {@code {op, p, magnitude}}; {@code magnitude} is required exactly for ops that take one. */
  public static Step fromJson(JsonNode node) {
    if (node == null || !node.isObject() || !node.path("op").isTextual()) {
      throw new IllegalArgumentException("a step must be {op: NAME, p: P, magnitude: BIN}, got " + node);
    }
    node.fieldNames().forEachRemaining(k -> {
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException("step " + node + ": unknown key '" + k + "' (expected op, p, magnitude)");
      }
    });
    AugmentOp op = AugmentOp.byName(node.get("op").textValue());
    JsonNode p = node.get("p");
    if (p == null || !p.isNumber()) {
      throw new IllegalArgumentException("step " + node + ": 'p' must be a probability in [0, 1]");
    }
    JsonNode m = node.get("magnitude");
    if (op.hasMagnitude() && (m == null || !m.canConvertToInt() || !m.isIntegralNumber())) {
      throw new IllegalArgumentException("step " + node + ": " + op.opName() + " needs an integer 'magnitude' bin in [0, "
          + MagnitudeScale.AUTOAUGMENT.maxMagnitude() + "]");
    }
    if (!op.hasMagnitude() && m != null) {
      throw new IllegalArgumentException("step " + node + ": " + op.opName() + " takes no 'magnitude'");
    }
    return new Step(op, p.asDouble(), m == null ? 0 : m.intValue());
  }

  /** The form {@link #fromJson} reads. */
  public ObjectNode toJson() {
    ObjectNode node = TransformJson.JSON.createObjectNode();
    node.put("op", op.opName());
    node.put("p", p);
    if (op.hasMagnitude()) {
      node.put("magnitude", magnitude);
    }
    return node;
  }
}
