package io.augmill.pipeline.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.RejectedRecord;
import io.augmill.datasets.source.SourceRecord;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.policy.Policy;
import io.augmill.ops.testing.TestImages;
import io.augmill.pipeline.testing.TestInputs;
import io.augmill.pipeline.testing.TestPipelines;
import java.util.ArrayList;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/** The Decode, Augment and Encode steps one by one, with TestPipeline, Create and PAssert. */
class ImageStepsTest {

  @Test
  void decodeSendsEachBadInputToRejectedWithItsReason() throws Throwable {
    List<SourceRecord> inputs = new ArrayList<>(TestInputs.valid(5));
    inputs.addAll(TestInputs.rejectedKinds());
    TestPipelines.run(getClass(), "decode", p -> {
      PCollectionTuple out = p.apply(Create.of(inputs).withCoder(ElementCoders.SourceRecordCoder.of()))
          .apply(DecodeImages.withMaxPixels(5000));
      PAssert.that(out.get(DecodeImages.DECODED).apply("Describe", MapElements.into(TypeDescriptors.strings())
              .via((DecodedImage d) -> d.key() + ":" + d.pixels().width() + "x" + d.pixels().height() + "x" + d.pixels().channels())))
          .containsInAnyOrder("test/0000:8x6x3", "test/0001:9x7x1", "test/0002:10x8x3", "test/0003:11x6x3", "test/0004:12x7x1");
      PAssert.that(out.get(DecodeImages.REJECTED).apply("Reasons", MapElements.into(TypeDescriptors.strings())
              .via((RejectedRecord r) -> r.key() + ":" + r.reason() + ":" + r.variant())))
          .containsInAnyOrder("bad/empty:empty:null", "bad/undecodable:undecodable:null",
              "bad/unsupported-depth:unsupported-depth:null", "bad/too-large:too-large:null",
              "bad/unreadable:unreadable:null");
      p.run().waitUntilFinish();
    });
  }

  @Test
  void decodeDropsAlphaFromRawRgba() {
    byte[] rgba = {10, 20, 30, (byte) 255, 40, 50, 60, 0};
    Pixels p = DecodeImages.decode(new SourceRecord("k", 0, -1, "x", rgba, true, 2, 1, 4, null, null), 100);
    assertThat(p.channels()).isEqualTo(3);
    assertThat(p.data()).containsExactly(10, 20, 30, 40, 50, 60);
  }

  @Test
  void augmentDrawsFromSeedKeyAndVariantAndKeepsTheOriginalAsVariantZero() throws Throwable {
    Policy policy = TestInputs.policy("[{op: random_hflip}, {op: random_vflip}]");
    Mat image = TestImages.noise(6, 5, 3, 9);
    DecodedImage in = new DecodedImage("img/1", "img/1.png", 2, Pixels.of(image));
    List<String> expected = new ArrayList<>();
    expected.add("0:" + java.util.Arrays.hashCode(Pixels.of(image).data()) + ":[]");
    for (int v = 1; v <= 3; v++) {
      Policy.Result r = policy.augment(image, 42, "img/1", v);
      expected.add(v + ":" + java.util.Arrays.hashCode(Pixels.of(r.image()).data()) + ":"
          + io.augmill.ops.spec.TransformJson.specsToJson(r.applied()));
    }
    TestPipelines.run(getClass(), "augment", p -> {
      PCollectionTuple out = p.apply(Create.of(in).withCoder(ElementCoders.DecodedImageCoder.of()))
          .apply(AugmentImages.of(policy, 42, 3, true));
      PAssert.that(out.get(AugmentImages.AUGMENTED).apply(MapElements.into(TypeDescriptors.strings())
              .via((AugmentedImage a) -> a.variant() + ":" + java.util.Arrays.hashCode(a.pixels().data()) + ":" + a.params())))
          .containsInAnyOrder(expected);
      PAssert.that(out.get(AugmentImages.REJECTED)).empty();
      p.run().waitUntilFinish();
    });
    assertThat(AugmentImages.of(policy, 0, 3, true).recordsPerInput()).isEqualTo(4);
  }

  @Test
  void augmentRejectsOnlyTheVariantsWhoseOpsThrow() throws Throwable {
    Policy policy = TestInputs.policy("{op: fail}");
    DecodedImage in = new DecodedImage("img/2", "img/2.png", 0, Pixels.of(TestImages.noise(4, 4, 1, 1)));
    TestPipelines.run(getClass(), "augment-fail", p -> {
      PCollectionTuple out = p.apply(Create.of(in).withCoder(ElementCoders.DecodedImageCoder.of()))
          .apply(AugmentImages.of(policy, 0, 2, true));
      PAssert.that(out.get(AugmentImages.AUGMENTED).apply("Variants", MapElements.into(TypeDescriptors.integers())
          .via(AugmentedImage::variant))).containsInAnyOrder(0);
      PAssert.that(out.get(AugmentImages.REJECTED).apply("Reasons", MapElements.into(TypeDescriptors.strings())
              .via((RejectedRecord r) -> r.variant() + ":" + r.reason())))
          .containsInAnyOrder("1:augment-failed", "2:augment-failed");
      p.run().waitUntilFinish();
    });
  }

  /** Smooth colour ramps, which JPEG keeps close (unlike noise or one-pixel lines). */
  static Mat smoothGradient(int width, int height) {
    byte[] px = new byte[width * height * 3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int i = (y * width + x) * 3;
        px[i] = (byte) (40 + 8 * x);
        px[i + 1] = (byte) (60 + 10 * y);
        px[i + 2] = (byte) (100 + 3 * (x + y));
      }
    }
    return TestImages.fromPixels(px, width, height, 3);
  }

  @Test
  void encodeWritesEachCodecAsAShardRecord() throws Throwable {
    Mat image = smoothGradient(16, 12);
    AugmentedImage a = new AugmentedImage("img/3", "img/3.png", 1, 2, Pixels.of(image), "[{\"op\":\"hflip\"}]");
    for (ImageCodec.Format format : ImageCodec.Format.values()) {
      TestPipelines.run(getClass(), "encode-" + format, p -> {
        PCollection<ImageExample> out = p.apply(Create.of(a).withCoder(ElementCoders.AugmentedImageCoder.of()))
            .apply(EncodeImages.as(format, 90)).get(EncodeImages.ENCODED);
        PAssert.thatSingleton(out).satisfies(e -> {
          assertThat(e.key()).isEqualTo("img/3");
          assertThat(e.variant()).isEqualTo(2);
          assertThat(e.label()).isEqualTo(1);
          assertThat(e.format()).isEqualTo(format);
          assertThat(e.width()).isEqualTo(16);
          assertThat(e.height()).isEqualTo(12);
          assertThat(e.augmentParams()).isEqualTo("[{\"op\":\"hflip\"}]");
          Mat back = e.decode();
          if (format == ImageCodec.Format.JPEG) {
            assertThat(TestImages.psnr(back, a.pixels().toMat())).as("jpeg q90 PSNR").isGreaterThan(35);
          } else {
            assertThat(TestImages.maxAbsDiff(back, a.pixels().toMat())).as(format.specName()).isZero();
          }
          return null;
        });
        p.run().waitUntilFinish();
      });
    }
  }
}
