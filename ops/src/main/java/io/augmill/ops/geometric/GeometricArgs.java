package io.augmill.ops.geometric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.augmill.ops.Border;
import io.augmill.ops.Fill;
import io.augmill.ops.Interpolation;
import io.augmill.ops.spec.Args;

/** Reading and writing the arguments the geometric ops share (sizes, interp, border, fill). */
final class GeometricArgs {

  /** Largest width, height, offset or padding accepted, in pixels. */
  static final int MAX_SIDE = 1 << 15;

  private GeometricArgs() {}

  /** A required size, {@code N} (square) or {@code [W,H]}; returns {width, height}. */
  static int[] size(Args args, String key) {
    String expected = "a size N or [W,H] of integers in [1, " + MAX_SIDE + "]";
    if (!args.has(key)) {
      args.integer(key, 1, MAX_SIDE);
    }
    try {
      int n = args.integer(key, 1, MAX_SIDE);
      return new int[] {n, n};
    } catch (IllegalArgumentException notOneNumber) {
      double[] wh;
      try {
        wh = args.numbers(key, 2, null, 1, MAX_SIDE);
      } catch (IllegalArgumentException notTwoNumbers) {
        throw args.invalid(key, expected);
      }
      if (wh[0] != Math.rint(wh[0]) || wh[1] != Math.rint(wh[1])) {
        throw args.invalid(key, expected);
      }
      return new int[] {(int) wh[0], (int) wh[1]};
    }
  }

  /** The JSON form of a size: {@code N} when square, else {@code [W,H]}. */
  static Object sizeJson(int width, int height) {
    return width == height ? (Object) width : new int[] {width, height};
  }

  /** {@code interp=nearest|bilinear|bicubic}. */
  static Interpolation interp(Args args, Interpolation defaultValue) {
    return args.choice("interp", defaultValue, Interpolation.NEAREST, Interpolation.BILINEAR, Interpolation.BICUBIC);
  }

  /** {@code border=constant|reflect|replicate}. */
  static Border border(Args args, Border defaultValue) {
    return args.choice("border", defaultValue, Border.CONSTANT, Border.REFLECT, Border.REPLICATE);
  }

  /** {@code fill=V|[R,G,B]}. */
  static Fill fill(Args args, Fill defaultValue) {
    return args.fill("fill", defaultValue, false);
  }

  /** A constant fill as JSON, integral values written as integers: {@code 128} or {@code [1,2,3]}. */
  static JsonNode fillJson(Fill fill) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    double[] v = fill.values();
    if (v.length == 1) {
      return number(v[0]);
    }
    var array = f.arrayNode();
    for (double d : v) {
      array.add(number(d));
    }
    return array;
  }

  private static JsonNode number(double d) {
    return d == Math.rint(d) ? JsonNodeFactory.instance.numberNode((int) d) : JsonNodeFactory.instance.numberNode(d);
  }
}
