package io.augmill.ops.golden;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * One golden case: an input image, what to apply (exactly one of {@code spec}, a transform in any form
 * the registry reads, or {@code policy}, a policy name or file), a seed, and a tolerance.
 *
 * @param name unique name; the stored output is {@code expected/NAME.png}
 * @param input input file name under {@code inputs/}, without {@code .png}
 * @param spec the transform, or null
 * @param policy the policy, or null
 * @param seed seed of the draw (variant 0, key = the case name)
 * @param maxAbs largest allowed per-value difference
 * @param maxFractionOver fraction of values allowed to exceed {@code maxAbs}
 */
public record GoldenCase(String name, String input, JsonNode spec, String policy, long seed, int maxAbs,
    double maxFractionOver) {

  private static final Set<String> KEYS = Set.of("name", "input", "spec", "policy", "seed", "max_abs", "max_fraction_over");

  /** Validates the case. */
  public GoldenCase {
    if (name == null || !name.matches("[A-Za-z0-9_.-]+")) {
      throw new IllegalArgumentException("golden case name '" + name + "' must use letters, digits, '_', '.', '-'");
    }
    if ((spec == null) == (policy == null)) {
      throw new IllegalArgumentException("golden case '" + name + "': give exactly one of spec and policy");
    }
    if (maxAbs < 0 || maxAbs > 255 || !(maxFractionOver >= 0 && maxFractionOver <= 1)) {
      throw new IllegalArgumentException("golden case '" + name + "': max_abs must be in [0, 255] and max_fraction_over in [0, 1]");
    }
  }

  /** Reads a case from its YAML mapping, rejecting unknown keys. */
  public static GoldenCase fromJson(JsonNode node) {
    String name = node.path("name").asText(null);
    node.fieldNames().forEachRemaining(k -> {
      if (!KEYS.contains(k)) {
        throw new IllegalArgumentException("golden case '" + name + "': unknown key '" + k + "' (known: " + KEYS + ")");
      }
    });
    if (!node.path("input").isTextual()) {
      throw new IllegalArgumentException("golden case '" + name + "': missing 'input'");
    }
    return new GoldenCase(name, node.get("input").asText(), node.get("spec"),
        node.has("policy") ? node.get("policy").asText() : null, node.path("seed").asLong(0),
        node.path("max_abs").asInt(0), node.path("max_fraction_over").asDouble(0));
  }

  /** What the case applies, for messages. */
  public String what() {
    return spec != null ? (spec.isTextual() ? spec.textValue() : spec.toString()) : "policy " + policy;
  }
}
