package io.augmill.datasets.example;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.augmill.ops.image.ImageCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes {@link ImageExample}s as serialized {@code tf.train.Example} messages and decodes them back.
 *
 * <p>Hand-coded on protobuf-java's {@link CodedOutputStream}/{@link CodedInputStream} rather than
 * generated from {@code example_subset.proto}: the build needs no {@code protoc} binary (none is
 * available offline here), features are always written in sorted key order so identical records give
 * identical bytes (generated map serialization does not promise an order), and decoding goes straight
 * to the record without an intermediate message tree, which keeps shard reading fast. The wire format
 * is the one the proto file describes; the interop tests parse it with Python's protobuf runtime.
 *
 * <p>Decoding accepts packed and unpacked int64 lists and ignores features it does not know (other
 * tools may add some), but every feature in {@link #FEATURES} must be present with exactly one value.
 */
public final class ExampleCodec {

  /** Feature: encoded image bytes. */
  public static final String ENCODED = "image/encoded";
  /** Feature: {@code png}, {@code jpeg} or {@code raw}. */
  public static final String FORMAT = "image/format";
  /** Feature: height in pixels. */
  public static final String HEIGHT = "image/height";
  /** Feature: width in pixels. */
  public static final String WIDTH = "image/width";
  /** Feature: channel count. */
  public static final String CHANNELS = "image/channels";
  /** Feature: class index. */
  public static final String LABEL = "image/class/label";
  /** Feature: stable source key. */
  public static final String KEY = "image/key";
  /** Feature: 0-based variant index. */
  public static final String VARIANT = "image/variant";
  /** Feature: JSON of the ops applied. */
  public static final String PARAMS = "augment/params";

  /** Every feature written, in the (sorted) order written. */
  public static final List<String> FEATURES =
      List.of(PARAMS, CHANNELS, LABEL, ENCODED, FORMAT, HEIGHT, KEY, VARIANT, WIDTH);

  private static final int BYTES_LIST = 1;
  private static final int FLOAT_LIST = 2;
  private static final int INT64_LIST = 3;

  private ExampleCodec() {}

  private static int tag(int field, int wireType) {
    return (field << 3) | wireType;
  }

  /** Serializes {@code e} as a {@code tf.train.Example}; the same record always gives the same bytes. */
  public static byte[] encode(ImageExample e) {
    byte[][] keys = new byte[FEATURES.size()][];
    byte[][] values = new byte[FEATURES.size()][];
    for (int i = 0; i < FEATURES.size(); i++) {
      String name = FEATURES.get(i);
      keys[i] = name.getBytes(StandardCharsets.UTF_8);
      values[i] = switch (name) {
        case PARAMS -> e.augmentParams().getBytes(StandardCharsets.UTF_8);
        case ENCODED -> e.encoded();
        case FORMAT -> e.format().specName().getBytes(StandardCharsets.US_ASCII);
        case KEY -> e.key().getBytes(StandardCharsets.UTF_8);
        default -> null;
      };
    }
    long[] ints = new long[FEATURES.size()];
    ints[1] = e.channels();
    ints[2] = e.label();
    ints[5] = e.height();
    ints[7] = e.variant();
    ints[8] = e.width();

    int[] featureSizes = new int[FEATURES.size()];
    int[] entrySizes = new int[FEATURES.size()];
    int featuresSize = 0;
    for (int i = 0; i < FEATURES.size(); i++) {
      int listSize = values[i] != null
          ? CodedOutputStream.computeByteArraySize(1, values[i])
          : CodedOutputStream.computeTagSize(1) + CodedOutputStream.computeUInt32SizeNoTag(
              CodedOutputStream.computeInt64SizeNoTag(ints[i])) + CodedOutputStream.computeInt64SizeNoTag(ints[i]);
      featureSizes[i] = listSize;
      int featureMsg = CodedOutputStream.computeTagSize(1) + CodedOutputStream.computeUInt32SizeNoTag(listSize) + listSize;
      int entry = CodedOutputStream.computeByteArraySize(1, keys[i])
          + CodedOutputStream.computeTagSize(2) + CodedOutputStream.computeUInt32SizeNoTag(featureMsg) + featureMsg;
      entrySizes[i] = entry;
      featuresSize += CodedOutputStream.computeTagSize(1) + CodedOutputStream.computeUInt32SizeNoTag(entry) + entry;
    }
    int total = CodedOutputStream.computeTagSize(1) + CodedOutputStream.computeUInt32SizeNoTag(featuresSize) + featuresSize;
    byte[] out = new byte[total];
    CodedOutputStream o = CodedOutputStream.newInstance(out);
    try {
      o.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      o.writeUInt32NoTag(featuresSize);
      for (int i = 0; i < FEATURES.size(); i++) {
        o.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        o.writeUInt32NoTag(entrySizes[i]);
        o.writeByteArray(1, keys[i]);
        int listSize = featureSizes[i];
        o.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
        o.writeUInt32NoTag(CodedOutputStream.computeTagSize(1) + CodedOutputStream.computeUInt32SizeNoTag(listSize) + listSize);
        if (values[i] != null) {
          o.writeTag(BYTES_LIST, WireFormat.WIRETYPE_LENGTH_DELIMITED);
          o.writeUInt32NoTag(listSize);
          o.writeByteArray(1, values[i]);
        } else {
          o.writeTag(INT64_LIST, WireFormat.WIRETYPE_LENGTH_DELIMITED);
          o.writeUInt32NoTag(listSize);
          o.writeTag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED);
          o.writeUInt32NoTag(CodedOutputStream.computeInt64SizeNoTag(ints[i]));
          o.writeInt64NoTag(ints[i]);
        }
      }
      o.checkNoSpaceLeft();
    } catch (IOException ex) {
      throw new IllegalStateException("Example size computed wrongly for " + e.key(), ex);
    }
    return out;
  }

  /**
   * Parses a serialized {@code tf.train.Example} into a record.
   *
   * @throws ExampleFormatException when the bytes are not an Example, or a feature in {@link #FEATURES}
   *     is missing, of the wrong kind, has other than one value, or holds an invalid value
   */
  public static ImageExample decode(byte[] payload) throws ExampleFormatException {
    Map<String, Object> features = parseFeatures(payload);
    String key = utf8(features, KEY);
    try {
      ImageCodec.Format format = ImageCodec.Format.parse(ascii(features, FORMAT));
      if (!ascii(features, FORMAT).equals(format.specName())) {
        throw new IllegalArgumentException("image/format must be png, jpeg or raw, got '" + ascii(features, FORMAT) + "'");
      }
      return new ImageExample(key, int64(features, LABEL), int64(features, VARIANT), format,
          intFeature(features, HEIGHT), intFeature(features, WIDTH), intFeature(features, CHANNELS),
          bytes(features, ENCODED), utf8(features, PARAMS));
    } catch (IllegalArgumentException ex) {
      throw new ExampleFormatException(ExampleFormatException.INVALID_FEATURE, ex.getMessage(), ex);
    }
  }

  /**
   * Parses the feature map of a serialized Example: name to {@code byte[]} (bytes_list), {@code long[]}
   * (int64_list) or {@code float[]} (float_list), each holding every value of the list.
   *
   * @throws ExampleFormatException when the bytes are not a well-formed Example
   */
  public static Map<String, Object> parseFeatures(byte[] payload) throws ExampleFormatException {
    Map<String, Object> out = new HashMap<>();
    try {
      CodedInputStream in = CodedInputStream.newInstance(payload);
      int tag;
      while ((tag = in.readTag()) != 0) {
        if (tag == tag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
          int limit = in.pushLimit(in.readRawVarint32());
          readFeatures(in, out);
          in.popLimit(limit);
        } else if (!in.skipField(tag)) {
          break;
        }
      }
    } catch (IOException | RuntimeException ex) {
      throw new ExampleFormatException(ExampleFormatException.NOT_AN_EXAMPLE,
          "payload is not a tf.train.Example: " + ex.getMessage(), ex);
    }
    return out;
  }

  private static void readFeatures(CodedInputStream in, Map<String, Object> out) throws IOException {
    int tag;
    while ((tag = in.readTag()) != 0) {
      if (tag != tag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
        in.skipField(tag);
        continue;
      }
      int limit = in.pushLimit(in.readRawVarint32());
      String name = "";
      Object value = null;
      int t;
      while ((t = in.readTag()) != 0) {
        if (t == tag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
          name = in.readStringRequireUtf8();
        } else if (t == tag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
          int l = in.pushLimit(in.readRawVarint32());
          value = readFeature(in);
          in.popLimit(l);
        } else {
          in.skipField(t);
        }
      }
      in.popLimit(limit);
      out.put(name, value);
    }
  }

  private static Object readFeature(CodedInputStream in) throws IOException {
    Object value = null;
    int tag;
    while ((tag = in.readTag()) != 0) {
      int field = WireFormat.getTagFieldNumber(tag);
      if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        in.skipField(tag);
        continue;
      }
      int limit = in.pushLimit(in.readRawVarint32());
      value = switch (field) {
        case BYTES_LIST -> readBytesList(in);
        case INT64_LIST -> readInt64List(in);
        case FLOAT_LIST -> readFloatList(in);
        default -> {
          in.skipRawBytes(in.getBytesUntilLimit());
          yield null;
        }
      };
      in.popLimit(limit);
    }
    return value;
  }

  private static BytesValues readBytesList(CodedInputStream in) throws IOException {
    BytesValues values = new BytesValues();
    int tag;
    while ((tag = in.readTag()) != 0) {
      if (tag == tag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
        values.add(in.readByteArray());
      } else {
        in.skipField(tag);
      }
    }
    return values;
  }

  private static long[] readInt64List(CodedInputStream in) throws IOException {
    long[] values = new long[0];
    int tag;
    while ((tag = in.readTag()) != 0) {
      if (tag == tag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
        int limit = in.pushLimit(in.readRawVarint32());
        while (in.getBytesUntilLimit() > 0) {
          values = append(values, in.readInt64());
        }
        in.popLimit(limit);
      } else if (tag == tag(1, WireFormat.WIRETYPE_VARINT)) {
        values = append(values, in.readInt64());
      } else {
        in.skipField(tag);
      }
    }
    return values;
  }

  private static float[] readFloatList(CodedInputStream in) throws IOException {
    float[] values = new float[0];
    int tag;
    while ((tag = in.readTag()) != 0) {
      if (tag == tag(1, WireFormat.WIRETYPE_LENGTH_DELIMITED)) {
        int limit = in.pushLimit(in.readRawVarint32());
        while (in.getBytesUntilLimit() > 0) {
          float[] grown = java.util.Arrays.copyOf(values, values.length + 1);
          grown[values.length] = in.readFloat();
          values = grown;
        }
        in.popLimit(limit);
      } else if (tag == tag(1, WireFormat.WIRETYPE_FIXED32)) {
        float[] grown = java.util.Arrays.copyOf(values, values.length + 1);
        grown[values.length] = in.readFloat();
        values = grown;
      } else {
        in.skipField(tag);
      }
    }
    return values;
  }

  private static long[] append(long[] values, long v) {
    long[] grown = java.util.Arrays.copyOf(values, values.length + 1);
    grown[values.length] = v;
    return grown;
  }

  private static Object require(Map<String, Object> features, String name) throws ExampleFormatException {
    if (!features.containsKey(name)) {
      throw new ExampleFormatException(ExampleFormatException.MISSING_FEATURE, "missing feature " + name, null);
    }
    Object v = features.get(name);
    if (v == null) {
      throw new ExampleFormatException(ExampleFormatException.INVALID_FEATURE, "feature " + name + " has no value list", null);
    }
    return v;
  }

  private static byte[] bytes(Map<String, Object> features, String name) throws ExampleFormatException {
    Object v = require(features, name);
    if (!(v instanceof BytesValues b)) {
      throw new ExampleFormatException(ExampleFormatException.INVALID_FEATURE, "feature " + name + " must be a bytes_list, found " + kind(v), null);
    }
    if (b.size() != 1) {
      throw new ExampleFormatException(ExampleFormatException.INVALID_FEATURE, "feature " + name + " must hold exactly one value, found " + b.size(), null);
    }
    return b.get(0);
  }

  private static String utf8(Map<String, Object> features, String name) throws ExampleFormatException {
    return new String(bytes(features, name), StandardCharsets.UTF_8);
  }

  private static String ascii(Map<String, Object> features, String name) throws ExampleFormatException {
    return new String(bytes(features, name), StandardCharsets.US_ASCII);
  }

  private static long int64(Map<String, Object> features, String name) throws ExampleFormatException {
    Object v = require(features, name);
    if (!(v instanceof long[] l)) {
      throw new ExampleFormatException(ExampleFormatException.INVALID_FEATURE, "feature " + name + " must be an int64_list, found " + kind(v), null);
    }
    if (l.length != 1) {
      throw new ExampleFormatException(ExampleFormatException.INVALID_FEATURE, "feature " + name + " must hold exactly one value, found " + l.length, null);
    }
    return l[0];
  }

  private static int intFeature(Map<String, Object> features, String name) throws ExampleFormatException {
    long v = int64(features, name);
    if (v < 0 || v > Integer.MAX_VALUE) {
      throw new ExampleFormatException(ExampleFormatException.INVALID_FEATURE, "feature " + name + " out of range: " + v, null);
    }
    return (int) v;
  }

  private static String kind(Object v) {
    return v instanceof BytesValues ? "bytes_list" : v instanceof long[] ? "int64_list" : "float_list";
  }

  /** The values of a bytes_list feature. */
  public static final class BytesValues extends java.util.ArrayList<byte[]> {
    private static final long serialVersionUID = 1L;
  }
}
