package io.augmill.ops.policy.auto;

import com.fasterxml.jackson.databind.JsonNode;
import io.augmill.ops.spec.TransformJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The published AutoAugment sub-policy tables ({@code cifar10}, {@code imagenet}, {@code svhn}), read
 * from the resource {@code augmill/policies/autoaugment-tables.yaml}, and the reading of tables written
 * as data: a list of sub-policies, each a list of {@code {op, p, magnitude}} steps.
 */
public final class AutoAugmentTables {

  private static final String RESOURCE = "augmill/policies/autoaugment-tables.yaml";
  private static volatile Map<String, List<List<Step>>> published;

  private AutoAugmentTables() {}

  /** The names of the published tables. */
  public static List<String> names() {
    return List.copyOf(tables().keySet());
  }

  /**
   * A published table by name.
   *
   * @throws IllegalArgumentException naming the valid ones
   */
  public static List<List<Step>> named(String name) {
    List<List<Step>> table = tables().get(name);
    if (table == null) {
      throw new IllegalArgumentException("unknown AutoAugment policy '" + name + "' (valid: "
          + String.join(", ", tables().keySet()) + ")");
    }
    return table;
  }

  /** Reads a table: a non-empty list of sub-policies, each a non-empty list of steps. */
  public static List<List<Step>> read(JsonNode node) {
    if (node == null || !node.isArray() || node.isEmpty()) {
      throw new IllegalArgumentException("sub_policies must be a non-empty list of sub-policies, got " + node);
    }
    List<List<Step>> table = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode sub = node.get(i);
      if (!sub.isArray() || sub.isEmpty()) {
        throw new IllegalArgumentException("sub-policy " + i + " must be a non-empty list of {op, p, magnitude} steps, got " + sub);
      }
      List<Step> steps = new ArrayList<>();
      for (JsonNode step : sub) {
        try {
          steps.add(Step.fromJson(step));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("sub-policy " + i + ": " + e.getMessage(), e);
        }
      }
      table.add(List.copyOf(steps));
    }
    return List.copyOf(table);
  }

  private static Map<String, List<List<Step>>> tables() {
    if (published == null) {
      synchronized (AutoAugmentTables.class) {
        if (published == null) {
          try (InputStream in = AutoAugmentTables.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("resource " + RESOURCE + " missing from the class path");
            }
            Map<String, List<List<Step>>> tables = new LinkedHashMap<>();
            TransformJson.YAML.readTree(in).fields().forEachRemaining(e -> tables.put(e.getKey(), read(e.getValue())));
            published = Collections.unmodifiableMap(tables);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return published;
  }
}
