package io.augmill.ops.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.Fill;
import io.augmill.ops.Transform;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Validated reading of one op's arguments. Every accessor names the op, the parameter and the valid
 * range in its error; {@link #done()} rejects parameters the op does not know.
 */
public final class Args {

  private final String op;
  private final ObjectNode node;
  private final OpRegistry registry;
  private final Set<String> read = new LinkedHashSet<>();

  Args(String op, ObjectNode node, OpRegistry registry) {
    this.op = op;
    this.node = node;
    this.registry = registry;
  }

  /** The op these arguments belong to. */
  public String op() {
    return op;
  }

  /** Whether the parameter was given. */
  public boolean has(String key) {
    read.add(key);
    return node.has(key) && !node.get(key).isNull();
  }

  /** A required number in [min, max]. */
  public double number(String key, double min, double max) {
    JsonNode v = require(key);
    return checkNumber(key, v, min, max);
  }

  /** An optional number in [min, max]. */
  public double number(String key, double defaultValue, double min, double max) {
    return has(key) ? number(key, min, max) : defaultValue;
  }

  /** A required integer in [min, max]. */
  public int integer(String key, int min, int max) {
    JsonNode v = require(key);
    if (!v.isIntegralNumber() && !(v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
      throw error(key, "an integer in [" + min + ", " + max + "]", v);
    }
    return (int) checkNumber(key, v, min, max);
  }

  /** An optional integer in [min, max]. */
  public int integer(String key, int defaultValue, int min, int max) {
    return has(key) ? integer(key, min, max) : defaultValue;
  }

  /** An optional boolean. */
  public boolean bool(String key, boolean defaultValue) {
    if (!has(key)) {
      return defaultValue;
    }
    JsonNode v = node.get(key);
    if (!v.isBoolean()) {
      throw error(key, "true or false", v);
    }
    return v.booleanValue();
  }

  /** An optional choice among the given enum constants, written in lower case. */
  @SafeVarargs
  public final <E extends Enum<E>> E choice(String key, E defaultValue, E... allowed) {
    if (!has(key)) {
      return defaultValue;
    }
    JsonNode v = node.get(key);
    if (v.isTextual()) {
      for (E e : allowed) {
        if (e.name().toLowerCase(Locale.ROOT).equals(v.textValue())) {
          return e;
        }
      }
    }
    StringBuilder names = new StringBuilder();
    for (E e : allowed) {
      names.append(names.length() == 0 ? "" : "|").append(e.name().toLowerCase(Locale.ROOT));
    }
    throw error(key, names.toString(), v);
  }

  /**
   * An optional fill: a number or [R,G,B] in [0, 255]; with {@code imageFills}, also {@code random}
   * or {@code mean}.
   */
  public Fill fill(String key, Fill defaultValue, boolean imageFills) {
    if (!has(key)) {
      return defaultValue;
    }
    JsonNode v = node.get(key);
    String expected = "a value in [0, 255] or [R,G,B]" + (imageFills ? " or random or mean" : "");
    if (v.isTextual() && imageFills) {
      switch (v.textValue()) {
        case "random":
          return Fill.RANDOM;
        case "mean":
          return Fill.MEAN;
        default:
          throw error(key, expected, v);
      }
    }
    try {
      if (v.isNumber()) {
        return Fill.constant(v.asDouble());
      }
      if (v.isArray() && v.size() == 3 && allNumbers(v)) {
        return Fill.constant(v.get(0).asDouble(), v.get(1).asDouble(), v.get(2).asDouble());
      }
    } catch (IllegalArgumentException e) {
      throw error(key, expected, v);
    }
    throw error(key, expected, v);
  }

  /** A list of exactly {@code length} numbers, each in [min, max]; the default when absent. */
  public double[] numbers(String key, int length, double[] defaultValue, double min, double max) {
    if (!has(key)) {
      return defaultValue == null ? null : defaultValue.clone();
    }
    JsonNode v = node.get(key);
    String expected = length + " numbers in [" + min + ", " + max + "]";
    if (!v.isArray() || v.size() != length || !allNumbers(v)) {
      throw error(key, expected, v);
    }
    double[] out = new double[length];
    for (int i = 0; i < length; i++) {
      out[i] = v.get(i).asDouble();
      if (!(out[i] >= min && out[i] <= max)) {
        throw error(key, expected, v);
      }
    }
    return out;
  }

  /** A rows x cols matrix of finite numbers, given as a list of rows; the default when absent. */
  public double[][] matrix(String key, int rows, int cols, double[][] defaultValue) {
    if (!has(key)) {
      return defaultValue == null ? null : Arrays.stream(defaultValue).map(double[]::clone).toArray(double[][]::new);
    }
    JsonNode v = node.get(key);
    String expected = "a " + rows + "x" + cols + " matrix given as a list of rows";
    if (!v.isArray() || v.size() != rows) {
      throw error(key, expected, v);
    }
    double[][] out = new double[rows][cols];
    for (int r = 0; r < rows; r++) {
      JsonNode row = v.get(r);
      if (!row.isArray() || row.size() != cols || !allNumbers(row)) {
        throw error(key, expected, v);
      }
      for (int c = 0; c < cols; c++) {
        out[r][c] = row.get(c).asDouble();
        if (!Double.isFinite(out[r][c])) {
          throw error(key, expected, v);
        }
      }
    }
    return out;
  }

  /** An optional string. */
  public String text(String key, String defaultValue) {
    if (!has(key)) {
      return defaultValue;
    }
    JsonNode v = node.get(key);
    if (!v.isTextual()) {
      throw error(key, "a string", v);
    }
    return v.textValue();
  }

  /** A required parameter's JSON value as given, for ops that read structured data (tables) themselves. */
  public JsonNode node(String key) {
    return require(key).deepCopy();
  }

  /** A required nested transform, in any form {@link TransformJson#read} accepts. */
  public Transform<?> transform(String key) {
    JsonNode v = require(key);
    try {
      return registry.json().read(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(op + ": parameter '" + key + "': " + e.getMessage(), e);
    }
  }

  /** A required non-empty list of nested transforms. */
  public List<Transform<?>> transforms(String key) {
    JsonNode v = require(key);
    if (!v.isArray() || v.isEmpty()) {
      throw error(key, "a non-empty list of ops", v);
    }
    List<Transform<?>> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      try {
        out.add(registry.json().read(v.get(i)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(op + ": parameter '" + key + "' item " + i + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  /** An error for a parameter whose value is invalid for a reason the accessors cannot check alone. */
  public IllegalArgumentException invalid(String key, String expected) {
    return error(key, expected, node.get(key));
  }

  /** Fails if a parameter was given that no accessor asked for. */
  public void done() {
    Set<String> unknown = new TreeSet<>();
    node.fieldNames().forEachRemaining(k -> {
      if (!read.contains(k)) {
        unknown.add(k);
      }
    });
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(op + ": unknown parameter" + (unknown.size() > 1 ? "s " : " ")
          + String.join(", ", unknown) + (read.isEmpty() ? " (it takes none)" : " (known: " + String.join(", ", read) + ")"));
    }
  }

  private JsonNode require(String key) {
    if (!has(key)) {
      throw new IllegalArgumentException(op + ": missing required parameter '" + key + "'");
    }
    return node.get(key);
  }

  private double checkNumber(String key, JsonNode v, double min, double max) {
    String expected = "a number in [" + fmt(min) + ", " + fmt(max) + "]";
    if (!v.isNumber()) {
      throw error(key, expected, v);
    }
    double d = v.asDouble();
    if (!(d >= min && d <= max)) {
      throw error(key, expected, v);
    }
    return d;
  }

  private static boolean allNumbers(JsonNode array) {
    for (JsonNode e : array) {
      if (!e.isNumber()) {
        return false;
      }
    }
    return true;
  }

  private IllegalArgumentException error(String key, String expected, JsonNode got) {
    return new IllegalArgumentException(op + ": parameter '" + key + "' must be " + expected + ", got "
        + (got == null ? "nothing" : got.isTextual() ? "'" + got.textValue() + "'" : got.toString()));
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
