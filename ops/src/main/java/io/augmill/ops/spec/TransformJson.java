package io.augmill.ops.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.augmill.ops.Transform;
import io.augmill.ops.compose.Sequence;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Transforms as data. A transform is written {@code {op: NAME, p: P, args: {...}}} ({@code p} and
 * {@code args} optional); a compact spec string such as {@code "rotate(degrees=15)"} and a list (a
 * {@code sequence}) are read too. Writing and reading back gives a transform with identical output.
 */
public final class TransformJson {

  /** The YAML mapper used for policies and configs. */
  public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
  /** The JSON mapper. */
  public static final ObjectMapper JSON = new ObjectMapper();

  private static final Set<String> KEYS = Set.of("op", "p", "args");

  private final OpRegistry registry;

  TransformJson(OpRegistry registry) {
    this.registry = registry;
  }

  /** Reads a transform from its JSON/YAML tree: an object, a spec string, or a list meaning a sequence. */
  public Transform<?> read(JsonNode node) {
    if (node == null || node.isNull()) {
      throw new IllegalArgumentException("expected an op, got nothing");
    }
    if (node.isTextual()) {
      return registry.create(OpSpec.parse(node.textValue()));
    }
    if (node.isArray()) {
      List<Transform<?>> steps = new ArrayList<>();
      for (JsonNode item : node) {
        steps.add(read(item));
      }
      return new Sequence(steps);
    }
    if (!node.isObject() || !node.path("op").isTextual()) {
      throw new IllegalArgumentException("expected {op: NAME, p: P, args: {...}}, got " + node);
    }
    Iterator<String> keys = node.fieldNames();
    while (keys.hasNext()) {
      String key = keys.next();
      if (!KEYS.contains(key)) {
        throw new IllegalArgumentException("op '" + node.get("op").textValue() + "': unknown key '" + key
            + "' (an op is written {op, p, args})");
      }
    }
    JsonNode args = node.get("args");
    if (args != null && !args.isObject() && !args.isNull()) {
      throw new IllegalArgumentException("op '" + node.get("op").textValue() + "': args must be a mapping, got " + args);
    }
    ObjectNode argsObject = args == null || args.isNull() ? JSON.createObjectNode() : (ObjectNode) args.deepCopy();
    return registry.create(node.get("op").textValue(), argsObject, node.get("p"));
  }

  /** Reads a transform from JSON or YAML text (JSON is YAML). */
  public Transform<?> read(String yamlOrJson) {
    try {
      return read(YAML.readTree(yamlOrJson));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not valid YAML/JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The JSON tree of a transform. */
  public static ObjectNode write(Transform<?> transform) {
    return transform.toJson();
  }

  /** The YAML text of a transform. */
  public static String toYaml(JsonNode node) {
    try {
      return YAML.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Flattens a list of fixed-op specs into a JSON array of {@code {op, args}}. */
  public static com.fasterxml.jackson.databind.node.ArrayNode specsToJson(List<OpSpec> specs) {
    var array = JSON.createArrayNode();
    specs.forEach(s -> array.add(s.toJson()));
    return array;
  }

  /** The compact JSON text of {@link #specsToJson}, written without building the tree. */
  public static String specsToJsonText(List<OpSpec> specs) {
    StringBuilder out = new StringBuilder(32 + 96 * specs.size());
    out.append('[');
    for (int i = 0; i < specs.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      specs.get(i).appendJson(out);
    }
    return out.append(']').toString();
  }

  /** Reads a JSON array of {@code {op, args}} back into specs. */
  public static List<OpSpec> specsFromJson(JsonNode array) {
    if (array == null || !array.isArray()) {
      throw new IllegalArgumentException("expected a list of {op, args}, got " + array);
    }
    List<OpSpec> out = new ArrayList<>();
    for (JsonNode n : array) {
      out.add(OpSpec.fromJson(n));
    }
    return out;
  }
}
