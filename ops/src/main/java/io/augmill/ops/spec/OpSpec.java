package io.augmill.ops.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One op with its arguments: {@code name} or {@code name(key=value,...)}. Values are JSON literals
 * (numbers, {@code true}/{@code false}, arrays such as {@code [1,2,3]}) or bare words such as
 * {@code bilinear}.
 *
 * @param op the registry name
 * @param args the arguments, keys in the order given
 */
public record OpSpec(String op, ObjectNode args) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");

  /** Validates the name and copies the arguments. */
  public OpSpec {
    if (op == null || !NAME.matcher(op).matches()) {
      throw new IllegalArgumentException("invalid op name '" + op + "' (lower-case letters, digits and _)");
    }
    args = args == null ? JsonNodeFactory.instance.objectNode() : args.deepCopy();
  }

  /** An op with no arguments. */
  public static OpSpec of(String op) {
    return new OpSpec(op, null);
  }

  /** An op with arguments given as alternating keys and values (numbers, strings, booleans, arrays). */
  public static OpSpec of(String op, Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    ObjectNode args = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      args.set((String) keysAndValues[i], JSON.valueToTree(keysAndValues[i + 1]));
    }
    return new OpSpec(op, args);
  }

  /** The arguments, copied. */
  @Override
  public ObjectNode args() {
    return args.deepCopy();
  }

  /**
   * Parses {@code name} or {@code name(key=value,...)}.
   *
   * @throws IllegalArgumentException naming the spec and what is wrong in it
   */
  public static OpSpec parse(String text) {
    String s = text.strip();
    int open = s.indexOf('(');
    if (open < 0) {
      return new OpSpec(checkName(s, text), null);
    }
    if (!s.endsWith(")")) {
      throw new IllegalArgumentException("op spec '" + text + "': missing closing ')'");
    }
    String name = checkName(s.substring(0, open).strip(), text);
    ObjectNode args = JsonNodeFactory.instance.objectNode();
    String body = s.substring(open + 1, s.length() - 1).strip();
    if (!body.isEmpty()) {
      for (String pair : splitTopLevel(body, text)) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("op spec '" + text + "': expected key=value, got '" + pair.strip() + "'");
        }
        String key = pair.substring(0, eq).strip();
        if (!KEY.matcher(key).matches()) {
          throw new IllegalArgumentException("op spec '" + text + "': invalid parameter name '" + key + "'");
        }
        if (args.has(key)) {
          throw new IllegalArgumentException("op spec '" + text + "': parameter '" + key + "' given twice");
        }
        args.set(key, parseValue(pair.substring(eq + 1).strip(), text));
      }
    }
    return new OpSpec(name, args);
  }

  /** The compact form, {@code name(key=value,...)}, which {@link #parse} reads back. */
  @Override
  public String toString() {
    if (args.isEmpty()) {
      return op;
    }
    StringBuilder sb = new StringBuilder(op).append('(');
    Iterator<Map.Entry<String, JsonNode>> it = args.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      sb.append(e.getKey()).append('=');
      appendValue(sb, e.getValue());
      if (it.hasNext()) {
        sb.append(',');
      }
    }
    return sb.append(')').toString();
  }

  /** The JSON form {@code {"op": name, "args": {...}}}, args omitted when empty. */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("op", op);
    if (!args.isEmpty()) {
      node.set("args", args.deepCopy());
    }
    return node;
  }

  /** Reads the JSON form written by {@link #toJson}. */
  public static OpSpec fromJson(JsonNode node) {
    if (node == null || !node.isObject() || !node.path("op").isTextual()) {
      throw new IllegalArgumentException("expected {\"op\": NAME, \"args\": {...}}, got " + node);
    }
    JsonNode args = node.get("args");
    if (args != null && !args.isObject()) {
      throw new IllegalArgumentException("op '" + node.get("op").textValue() + "': args must be an object, got " + args);
    }
    return new OpSpec(node.get("op").textValue(), (ObjectNode) args);
  }

  private static void appendValue(StringBuilder sb, JsonNode v) {
    if (v.isTextual()) {
      sb.append(v.textValue());
    } else if (v.isArray()) {
      sb.append('[');
      for (int i = 0; i < v.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        appendValue(sb, v.get(i));
      }
      sb.append(']');
    } else {
      sb.append(v);
    }
  }

  private static String checkName(String name, String text) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("op spec '" + text + "': invalid op name '" + name + "'");
    }
    return name;
  }

  private static JsonNode parseValue(String value, String text) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException("op spec '" + text + "': empty value");
    }
    char c = value.charAt(0);
    if (c == '{') {
      try {
        return JSON.readTree(value);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException("op spec '" + text + "': cannot read JSON value '" + value + "'");
      }
    }
    if (c == '[') {
      if (!value.endsWith("]")) {
        throw new IllegalArgumentException("op spec '" + text + "': unbalanced brackets in '" + value + "'");
      }
      var array = JsonNodeFactory.instance.arrayNode();
      String inner = value.substring(1, value.length() - 1).strip();
      if (!inner.isEmpty()) {
        for (String item : splitTopLevel(inner, text)) {
          array.add(parseValue(item.strip(), text));
        }
      }
      return array;
    }
    boolean literal = c == '-' || c == '+' || c == '.' || Character.isDigit(c) || value.equals("true") || value.equals("false");
    if (!literal) {
      return JsonNodeFactory.instance.textNode(value);
    }
    try {
      JsonNode node = JSON.readTree(c == '+' ? value.substring(1) : value);
      if (node == null || !node.isValueNode()) {
        throw new IllegalArgumentException("op spec '" + text + "': cannot read value '" + value + "'");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("op spec '" + text + "': cannot read value '" + value + "'");
    }
  }

  private static List<String> splitTopLevel(String body, String text) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '[' || c == '(' || c == '{') {
        depth++;
      } else if (c == ']' || c == ')' || c == '}') {
        depth--;
        if (depth < 0) {
          throw new IllegalArgumentException("op spec '" + text + "': unbalanced '" + c + "'");
        }
      } else if (c == ',' && depth == 0) {
        parts.add(body.substring(start, i));
        start = i + 1;
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException("op spec '" + text + "': unbalanced brackets");
    }
    parts.add(body.substring(start));
    return parts;
  }
}
