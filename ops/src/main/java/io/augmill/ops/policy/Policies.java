package io.augmill.ops.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.TransformJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Finds policies: built-in presets (the resource {@code augmill/policies/builtin.yaml}, one entry per
 * name with {@code description} and {@code transform}), RandAugment strings ({@code rand-m9-n2-mstd0.5},
 * see {@link #randAugment}), and YAML/JSON files written either as a policy document
 * ({@code {name, description, transform}}) or as a bare transform.
 */
public final class Policies {

  private static final String BUILTIN = "augmill/policies/builtin.yaml";
  private static final Set<String> DOCUMENT_KEYS = Set.of("name", "description", "transform");
  private static volatile Map<String, JsonNode> builtinDocs;

  private final OpRegistry registry;

  /** Policies built from the given registry's ops. */
  public Policies(OpRegistry registry) {
    this.registry = registry;
  }

  /** Policies built from the built-in ops. */
  public static Policies builtin() {
    return new Policies(OpRegistry.builtin());
  }

  /** The built-in policy names, in catalogue order. */
  public Set<String> names() {
    return Collections.unmodifiableSet(docs().keySet());
  }

  /** The one-line description of a built-in policy, without building it. */
  public String description(String name) {
    JsonNode doc = docs().get(name);
    if (doc == null) {
      throw new IllegalArgumentException("unknown policy '" + name + "' (built-in: " + String.join(", ", names()) + ")");
    }
    return doc.path("description").asText("");
  }

  /** A built-in policy by name. */
  public Policy named(String name) {
    JsonNode doc = docs().get(name);
    if (doc == null) {
      throw new IllegalArgumentException("unknown policy '" + name + "' (built-in: " + String.join(", ", names()) + ")");
    }
    return fromDocument(name, doc);
  }

  /**
   * Resolves {@code --policy P}: a built-in name, else an existing YAML/JSON file.
   *
   * @throws IllegalArgumentException naming {@code P} and what was tried
   */
  public Policy resolve(String p) {
    if (docs().containsKey(p)) {
      return named(p);
    }
    Path file = Path.of(p);
    if (Files.isRegularFile(file)) {
      return read(file);
    }
    if (p.equals("rand") || p.startsWith("rand-")) {
      return randAugment(p);
    }
    throw new IllegalArgumentException("policy '" + p + "' is neither a built-in policy ("
        + String.join(", ", names()) + "), a RandAugment string (rand-mM-nN[-mstdS]) nor a readable YAML/JSON file");
  }

  /**
   * Parses a RandAugment string {@code rand-mM-nN[-mstdS]}: sections after {@code rand} in any order,
   * each at most once: {@code mM} magnitude in [0, 30] on torchvision's 31-bin scale (default 9),
   * {@code nN} ops per image (default 2), {@code mstdS} standard deviation of the magnitude (default 0).
   *
   * @throws IllegalArgumentException naming the section that is unknown, repeated or out of range
   */
  public Policy randAugment(String text) {
    String[] parts = text.split("-", -1);
    if (!parts[0].equals("rand")) {
      throw new IllegalArgumentException("RandAugment string '" + text + "' must start with 'rand'");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      String key = part.startsWith("mstd") ? "mstd" : part.startsWith("m") ? "m" : part.startsWith("n") ? "n" : null;
      if (key == null) {
        throw new IllegalArgumentException("RandAugment string '" + text + "': unknown section '" + part
            + "' (known: mM magnitude 0-30, nN number of ops, mstdS magnitude std)");
      }
      if (values.put(key, part.substring(key.length())) != null) {
        throw new IllegalArgumentException("RandAugment string '" + text + "': '" + key + "' given twice");
      }
    }
    ObjectNode args = TransformJson.JSON.createObjectNode();
    for (Map.Entry<String, String> e : values.entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      boolean valid = key.equals("n") ? value.matches("[0-9]{1,2}") : value.matches("[0-9]+(\\.[0-9]+)?");
      if (!valid) {
        throw new IllegalArgumentException("RandAugment string '" + text + "': section '" + key + value + "' needs "
            + (key.equals("n") ? "a whole number of ops" : "a non-negative number") + " after '" + key + "'");
      }
      if (key.equals("n")) {
        args.put(key, Integer.parseInt(value));
      } else {
        args.put(key, Double.parseDouble(value));
      }
    }
    ObjectNode spec = TransformJson.JSON.createObjectNode();
    spec.put("op", "rand_augment");
    spec.set("args", args);
    try {
      return new Policy(text, "RandAugment (torchvision scale: magnitude 0-30)", registry.json().read(spec));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("RandAugment string '" + text + "': " + e.getMessage(), e);
    }
  }

  /** Reads a policy file: a policy document or a bare transform. */
  public Policy read(Path file) {
    JsonNode root;
    try {
      root = TransformJson.YAML.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not valid YAML/JSON: " + e.getMessage(), e);
    }
    try {
      if (root != null && root.isObject() && root.has("transform")) {
        return fromDocument(root.path("name").asText(file.toString()), root);
      }
      return new Policy(file.toString(), "", registry.json().read(root));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  private Policy fromDocument(String name, JsonNode doc) {
    doc.fieldNames().forEachRemaining(k -> {
      if (!DOCUMENT_KEYS.contains(k)) {
        throw new IllegalArgumentException("policy '" + name + "': unknown key '" + k + "' (expected name, description, transform)");
      }
    });
    try {
      return new Policy(name, doc.path("description").asText(""), registry.json().read(doc.get("transform")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("policy '" + name + "': " + e.getMessage(), e);
    }
  }

  private static Map<String, JsonNode> docs() {
    if (builtinDocs == null) {
      synchronized (Policies.class) {
        if (builtinDocs == null) {
          try (InputStream in = Policies.class.getClassLoader().getResourceAsStream(BUILTIN)) {
            if (in == null) {
              throw new IllegalStateException("resource " + BUILTIN + " missing from the class path");
            }
            Map<String, JsonNode> docs = new LinkedHashMap<>();
            ((ObjectNode) TransformJson.YAML.readTree(in)).fields().forEachRemaining(e -> docs.put(e.getKey(), e.getValue()));
            builtinDocs = docs;
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      }
    }
    return builtinDocs;
  }
}
