package io.augmill.datasets.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import io.augmill.datasets.testing.Examples;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.testing.TestImages;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Core;
import org.opencv.core.Mat;

class ExampleCodecTest {

  private static Descriptor example;

  /** The messages of example_subset.proto, built with protobuf-java's descriptor API as protoc would. */
  @BeforeAll
  static void buildDescriptors() throws Exception {
    FileDescriptorProto file = FileDescriptorProto.newBuilder()
        .setName("example_subset.proto").setPackage("tensorflow").setSyntax("proto3")
        .addMessageType(list("BytesList", Type.TYPE_BYTES))
        .addMessageType(list("FloatList", Type.TYPE_FLOAT))
        .addMessageType(list("Int64List", Type.TYPE_INT64))
        .addMessageType(DescriptorProto.newBuilder().setName("Feature")
            .addOneofDecl(OneofDescriptorProto.newBuilder().setName("kind"))
            .addField(msgField("bytes_list", 1, ".tensorflow.BytesList").setOneofIndex(0))
            .addField(msgField("float_list", 2, ".tensorflow.FloatList").setOneofIndex(0))
            .addField(msgField("int64_list", 3, ".tensorflow.Int64List").setOneofIndex(0)))
        .addMessageType(DescriptorProto.newBuilder().setName("Features")
            .addField(msgField("feature", 1, ".tensorflow.Features.FeatureEntry").setLabel(Label.LABEL_REPEATED))
            .addNestedType(DescriptorProto.newBuilder().setName("FeatureEntry")
                .setOptions(MessageOptions.newBuilder().setMapEntry(true))
                .addField(FieldDescriptorProto.newBuilder().setName("key").setNumber(1).setType(Type.TYPE_STRING)
                    .setLabel(Label.LABEL_OPTIONAL))
                .addField(msgField("value", 2, ".tensorflow.Feature"))))
        .addMessageType(DescriptorProto.newBuilder().setName("Example")
            .addField(msgField("features", 1, ".tensorflow.Features")))
        .build();
    example = FileDescriptor.buildFrom(file, new FileDescriptor[0]).findMessageTypeByName("Example");
  }

  private static DescriptorProto list(String name, Type type) {
    return DescriptorProto.newBuilder().setName(name).addField(FieldDescriptorProto.newBuilder().setName("value")
        .setNumber(1).setType(type).setLabel(Label.LABEL_REPEATED)).build();
  }

  private static FieldDescriptorProto.Builder msgField(String name, int number, String typeName) {
    return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setType(Type.TYPE_MESSAGE)
        .setTypeName(typeName).setLabel(Label.LABEL_OPTIONAL);
  }

  @Test
  void roundTripsEveryField() throws Exception {
    ImageExample e = Examples.raw(7);
    assertThat(ExampleCodec.decode(ExampleCodec.encode(e))).isEqualTo(e);
  }

  @Test
  void encodingIsDeterministic() {
    assertThat(ExampleCodec.encode(Examples.raw(3))).isEqualTo(ExampleCodec.encode(Examples.raw(3)));
  }

  @Test
  void protobufRuntimeParsesEveryFeatureWeWrite() throws Exception {
    ImageExample e = Examples.raw(5);
    DynamicMessage m = DynamicMessage.parseFrom(example, ExampleCodec.encode(e));
    Map<String, Message> features = featureMap(m);
    assertThat(features.keySet()).containsExactlyInAnyOrderElementsOf(ExampleCodec.FEATURES);
    assertThat(bytesValue(features.get("image/encoded"))).isEqualTo(e.encoded());
    assertThat(new String(bytesValue(features.get("image/format")), StandardCharsets.US_ASCII)).isEqualTo("raw");
    assertThat(new String(bytesValue(features.get("image/key")), StandardCharsets.UTF_8)).isEqualTo(e.key());
    assertThat(new String(bytesValue(features.get("augment/params")), StandardCharsets.UTF_8)).isEqualTo(e.augmentParams());
    assertThat(intValue(features.get("image/height"))).isEqualTo(3);
    assertThat(intValue(features.get("image/width"))).isEqualTo(4);
    assertThat(intValue(features.get("image/channels"))).isEqualTo(3);
    assertThat(intValue(features.get("image/class/label"))).isEqualTo(5);
    assertThat(intValue(features.get("image/variant"))).isEqualTo(1);
  }

  @Test
  void decodesWhatTheProtobufRuntimeWritesIncludingExtraFeatures() throws Exception {
    ImageExample e = Examples.raw(2);
    DynamicMessage parsed = DynamicMessage.parseFrom(example, ExampleCodec.encode(e));
    DynamicMessage.Builder features = ((DynamicMessage) parsed.getField(example.findFieldByName("features"))).toBuilder();
    var entryField = features.getDescriptorForType().findFieldByName("feature");
    Descriptor entryType = entryField.getMessageType();
    Descriptor featureType = entryType.findFieldByName("value").getMessageType();
    Descriptor floatList = featureType.findFieldByName("float_list").getMessageType();
    DynamicMessage extra = DynamicMessage.newBuilder(entryType)
        .setField(entryType.findFieldByName("key"), "image/object/score")
        .setField(entryType.findFieldByName("value"), DynamicMessage.newBuilder(featureType)
            .setField(featureType.findFieldByName("float_list"), DynamicMessage.newBuilder(floatList)
                .addRepeatedField(floatList.findFieldByName("value"), 0.5f).build()).build())
        .build();
    features.addRepeatedField(entryField, extra);
    byte[] bytes = parsed.toBuilder().setField(example.findFieldByName("features"), features.build()).build().toByteArray();
    assertThat(ExampleCodec.decode(bytes)).isEqualTo(e);
    assertThat((float[]) ExampleCodec.parseFeatures(bytes).get("image/object/score")).containsExactly(0.5f);
  }

  @Test
  void acceptsUnpackedInt64Lists() throws Exception {
    // Int64List {value: 42} written unpacked (tag 1, varint), as proto2 writers may.
    ByteArrayOutputStream list = new ByteArrayOutputStream();
    CodedOutputStream c = CodedOutputStream.newInstance(list);
    c.writeInt64(1, 42);
    c.flush();
    byte[] encoded = ExampleCodec.encode(Examples.raw(0));
    Map<String, Object> f = ExampleCodec.parseFeatures(replaceLabel(encoded, list.toByteArray()));
    assertThat((long[]) f.get("image/class/label")).containsExactly(42);
  }

  /** Rebuilds an Example with image/class/label's int64_list body replaced by {@code listBody}. */
  private static byte[] replaceLabel(byte[] encoded, byte[] listBody) throws Exception {
    DynamicMessage parsed = DynamicMessage.parseFrom(example, encoded);
    Map<String, Message> map = featureMap(parsed);
    DynamicMessage.Builder features = DynamicMessage.newBuilder(example.findFieldByName("features").getMessageType());
    var entryField = features.getDescriptorForType().findFieldByName("feature");
    Descriptor entryType = entryField.getMessageType();
    Descriptor featureType = entryType.findFieldByName("value").getMessageType();
    for (var en : map.entrySet()) {
      Message value = en.getValue();
      if (en.getKey().equals("image/class/label")) {
        var int64 = featureType.findFieldByName("int64_list");
        value = DynamicMessage.newBuilder(featureType)
            .setField(int64, DynamicMessage.parseFrom(int64.getMessageType(), listBody)).build();
      }
      features.addRepeatedField(entryField, DynamicMessage.newBuilder(entryType)
          .setField(entryType.findFieldByName("key"), en.getKey())
          .setField(entryType.findFieldByName("value"), value).build());
    }
    return DynamicMessage.newBuilder(example).setField(example.findFieldByName("features"), features.build())
        .build().toByteArray();
  }

  @Test
  void missingFeatureIsNamed() throws Exception {
    byte[] encoded = ExampleCodec.encode(Examples.raw(1));
    DynamicMessage parsed = DynamicMessage.parseFrom(example, encoded);
    var featuresField = example.findFieldByName("features");
    DynamicMessage.Builder features = ((DynamicMessage) parsed.getField(featuresField)).toBuilder();
    var entryField = features.getDescriptorForType().findFieldByName("feature");
    List<?> entries = (List<?>) features.getField(entryField);
    features.clearField(entryField);
    for (Object o : entries) {
      DynamicMessage entry = (DynamicMessage) o;
      if (!entry.getField(entry.getDescriptorForType().findFieldByName("key")).equals("image/variant")) {
        features.addRepeatedField(entryField, entry);
      }
    }
    byte[] without = parsed.toBuilder().setField(featuresField, features.build()).build().toByteArray();
    assertThatThrownBy(() -> ExampleCodec.decode(without)).isInstanceOfSatisfying(ExampleFormatException.class, e -> {
      assertThat(e.reason()).isEqualTo(ExampleFormatException.MISSING_FEATURE);
      assertThat(e.getMessage()).contains("image/variant");
    });
  }

  @Test
  void wrongKindOrCountIsInvalid() throws Exception {
    ByteArrayOutputStream list = new ByteArrayOutputStream();
    CodedOutputStream c = CodedOutputStream.newInstance(list);
    c.writeInt64(1, 1);
    c.writeInt64(1, 2);
    c.flush();
    byte[] twoLabels = replaceLabel(ExampleCodec.encode(Examples.raw(0)), list.toByteArray());
    assertThatThrownBy(() -> ExampleCodec.decode(twoLabels)).isInstanceOfSatisfying(ExampleFormatException.class, e -> {
      assertThat(e.reason()).isEqualTo(ExampleFormatException.INVALID_FEATURE);
      assertThat(e.getMessage()).contains("image/class/label").contains("exactly one value");
    });
  }

  @Test
  void garbageIsNotAnExample() {
    byte[] garbage = "this is not protobuf at all, just text".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> ExampleCodec.decode(garbage)).isInstanceOfSatisfying(ExampleFormatException.class,
        e -> assertThat(e.reason()).isIn(ExampleFormatException.NOT_AN_EXAMPLE, ExampleFormatException.MISSING_FEATURE));
    byte[] truncated = java.util.Arrays.copyOf(ExampleCodec.encode(Examples.raw(1)), 40);
    assertThatThrownBy(() -> ExampleCodec.decode(truncated)).isInstanceOfSatisfying(ExampleFormatException.class,
        e -> assertThat(e.reason()).isEqualTo(ExampleFormatException.NOT_AN_EXAMPLE));
  }

  @Test
  void pngRecordDecodesToTheImageItWasMadeFrom() {
    Mat chart = TestImages.chart(16, 12);
    ImageExample e = ImageExample.of("k", 1, 0, chart, ImageCodec.Format.PNG, 95, "[]");
    assertThat(e.width()).isEqualTo(16);
    assertThat(e.height()).isEqualTo(12);
    Mat back = e.decode();
    Mat diff = new Mat();
    Core.absdiff(chart, back, diff);
    assertThat(Core.norm(diff, Core.NORM_INF)).isZero();
  }

  @Test
  void rawSizeMismatchIsRejectedAtConstruction() {
    assertThatThrownBy(() -> new ImageExample("k", 0, 0, ImageCodec.Format.RAW, 2, 2, 3, new byte[5], "[]"))
        .hasMessageContaining("k").hasMessageContaining("5 bytes");
  }

  private static Map<String, Message> featureMap(Message m) {
    Message features = (Message) m.getField(example.findFieldByName("features"));
    var entryField = features.getDescriptorForType().findFieldByName("feature");
    Map<String, Message> out = new java.util.HashMap<>();
    for (Object o : (List<?>) features.getField(entryField)) {
      Message entry = (Message) o;
      out.put((String) entry.getField(entry.getDescriptorForType().findFieldByName("key")),
          (Message) entry.getField(entry.getDescriptorForType().findFieldByName("value")));
    }
    return out;
  }

  private static byte[] bytesValue(Message feature) {
    Message list = (Message) feature.getField(feature.getDescriptorForType().findFieldByName("bytes_list"));
    List<?> values = (List<?>) list.getField(list.getDescriptorForType().findFieldByName("value"));
    assertThat(values).hasSize(1);
    return ((ByteString) values.get(0)).toByteArray();
  }

  private static long intValue(Message feature) {
    Message list = (Message) feature.getField(feature.getDescriptorForType().findFieldByName("int64_list"));
    List<?> values = (List<?>) list.getField(list.getDescriptorForType().findFieldByName("value"));
    assertThat(values).hasSize(1);
    return (Long) values.get(0);
  }
}
