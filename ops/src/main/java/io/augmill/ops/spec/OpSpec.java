package io.augmill.ops.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
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
  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** Validates the name and copies the arguments. */
  public OpSpec {
    if (!isName(op)) {
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
      args.set((String) keysAndValues[i], node(keysAndValues[i + 1]));
    }
    return new OpSpec(op, args);
  }

  /**
   * The JSON node of an argument value: what {@link ObjectMapper#valueToTree} gives, built directly for the
   * types ops pass (sampled parameters make several specs per image, and Jackson's general path costs
   * microseconds and kilobytes each).
   */
  static JsonNode node(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof Integer i) {
      return IntNode.valueOf(i);
    }
    if (value instanceof Double d) {
      return DoubleNode.valueOf(d);
    }
    if (value instanceof String t) {
      return TextNode.valueOf(t);
    }
    if (value instanceof Long l) {
      return LongNode.valueOf(l);
    }
    if (value instanceof Boolean b) {
      return BooleanNode.valueOf(b);
    }
    if (value instanceof JsonNode n && (n.isContainerNode() || n.isTextual() || n.isBoolean() || n.isNull()
        || n instanceof IntNode || n instanceof DoubleNode || n instanceof LongNode)) {
      return n;   // the constructor copies the whole argument tree
    }
    return JSON.valueToTree(value);
  }

  /**
   * Appends the compact JSON text of the object {@link #toJson()} builds, without building it: the text
   * Jackson writes for that object (its escapes; doubles as {@link Double#toString}, non-finite ones quoted).
   */
  void appendJson(StringBuilder out) {
    out.append("{\"op\":");
    appendString(out, op);
    if (!args.isEmpty()) {
      out.append(",\"args\":");
      appendJson(out, args);
    }
    out.append('}');
  }

  private static void appendJson(StringBuilder out, JsonNode n) {
    switch (n.getNodeType()) {
      case OBJECT -> {
        out.append('{');
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); first = false) {
          Map.Entry<String, JsonNode> e = it.next();
          if (!first) {
            out.append(',');
          }
          appendString(out, e.getKey());
          out.append(':');
          appendJson(out, e.getValue());
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < n.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          appendJson(out, n.get(i));
        }
        out.append(']');
      }
      case STRING -> appendString(out, n.textValue());
      case BOOLEAN -> out.append(n.booleanValue());
      case NULL, MISSING -> out.append("null");
      default -> {
        if (n instanceof IntNode) {
          out.append(n.intValue());
        } else if (n instanceof LongNode) {
          out.append(n.longValue());
        } else if (n instanceof DoubleNode) {
          double d = n.doubleValue();
          if (Double.isFinite(d)) {
            out.append(d);
          } else {
            out.append('"').append(d).append('"');
          }
        } else {
          out.append(n);   // other number and node types: Jackson's own text
        }
      }
    }
  }

  /** A JSON string with Jackson's escapes: quote, backslash, b t n f r, other control characters as u00XX. */
  private static void appendString(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 15]);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** Whether {@code name} is an op name: a lower-case letter, then lower-case letters, digits and _. */
  static boolean isName(String name) {
    if (name == null || name.isEmpty() || name.charAt(0) < 'a' || name.charAt(0) > 'z') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    return true;
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
    if (!isName(name)) {
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
