package io.augmill.pipeline.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.RejectedRecord;
import io.augmill.datasets.source.SourceRecord;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.image.OpenCv;
import io.augmill.ops.image.UnsupportedImageException;
import io.augmill.ops.policy.Policy;
import io.augmill.ops.spec.TransformJson;
import io.augmill.ops.testing.TestImages;
import io.augmill.pipeline.testing.TestInputs;
import io.augmill.pipeline.testing.TestPipelines;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.util.SerializableUtils;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The image stages one by one: the stats job's Decode step (TestPipeline, Create, PAssert) and the
 * decoder, augmenter and encoder the preprocess job's Process step composes.
 */
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
    Mat m = ImageDecoder.decode(new SourceRecord("k", 0, -1, "x", rgba, true, 2, 1, 4, null, null), 100);
    Pixels p = Pixels.of(m);
    m.release();
    assertThat(p.channels()).isEqualTo(3);
    assertThat(p.data()).containsExactly(10, 20, 30, 40, 50, 60);
  }

  @Test
  void decodeRejectsRawPixelsWithoutAreaOrWithAnOddChannelCount() {
    SourceRecord noArea = new SourceRecord("k", 0, -1, "batch.bin#3", new byte[0], true, 0, 5, 3, null, null);
    assertThat(catchThrowableOfType(UnsupportedImageException.class, () -> ImageDecoder.decode(noArea, 100))
        .reason()).isEqualTo(RejectReasons.BAD_RAW);
    SourceRecord twoChannels = new SourceRecord("k", 0, -1, "batch.bin#4", new byte[4], true, 2, 1, 2, null, null);
    UnsupportedImageException e = catchThrowableOfType(UnsupportedImageException.class,
        () -> ImageDecoder.decode(twoChannels, 100));
    assertThat(e.reason()).isEqualTo(UnsupportedImageException.UNSUPPORTED_CHANNELS);
    assertThat(e.getMessage()).contains("batch.bin#4").contains("expected grey, RGB or RGBA");
  }

  /** Runs the augmenter on one image; returns "variant:pixel hash:params" per variant and the rejections. */
  static List<String> augmentAll(ImageAugmenter augmenter, String key, Mat image, List<RejectedRecord> rejected) {
    List<String> out = new ArrayList<>();
    int produced = augmenter.augment(key, key + ".png", image,
        (v, img, params) -> out.add(v + ":" + Arrays.hashCode(Pixels.of(img).data()) + ":" + params), rejected::add);
    assertThat(produced).isEqualTo(out.size());
    return out;
  }

  @Test
  void augmentDrawsFromSeedKeyAndVariantAndKeepsTheOriginalAsVariantZero() throws Exception {
    Policy policy = TestInputs.policy("[{op: random_hflip}, {op: random_vflip}]");
    Mat image = TestImages.noise(6, 5, 3, 9);
    byte[] before = Pixels.of(image).data();
    List<String> expected = new ArrayList<>();
    expected.add("0:" + Arrays.hashCode(Pixels.of(image).data()) + ":[]");
    for (int v = 1; v <= 3; v++) {
      Policy.Result r = policy.augment(image, 42, "img/1", v);
      expected.add(v + ":" + Arrays.hashCode(Pixels.of(r.image()).data()) + ":"
          + TransformJson.specsToJson(r.applied()));
    }
    ImageAugmenter augmenter = ImageAugmenter.of(policy, 42, 3, true);
    List<RejectedRecord> rejected = new ArrayList<>();
    assertThat(augmentAll(augmenter, "img/1", image, rejected)).containsExactlyElementsOf(expected);
    assertThat(rejected).isEmpty();
    assertThat(Pixels.of(image).data()).as("input not mutated").isEqualTo(before);
    assertThat(augmenter.recordsPerInput()).isEqualTo(4);
    assertThat(ImageAugmenter.of(policy, 42, 3, false).recordsPerInput()).isEqualTo(3);

    // Shipped to a worker, it rebuilds the policy from JSON and draws the same variants.
    ImageAugmenter shipped = SerializableUtils.clone(augmenter);
    assertThat(augmentAll(shipped, "img/1", image, new ArrayList<>())).containsExactlyElementsOf(expected);
    assertThatThrownBy(() -> ImageAugmenter.of(policy, 0, 0, false)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("variants must be at least 1, got 0");
  }

  @Test
  void augmentRejectsOnlyTheVariantsWhoseOpsThrow() {
    Policy policy = TestInputs.policy("{op: fail}");
    Mat image = TestImages.noise(4, 4, 1, 1);
    List<RejectedRecord> rejected = new ArrayList<>();
    List<String> produced = augmentAll(ImageAugmenter.of(policy, 0, 2, true), "img/2", image, rejected);
    assertThat(produced).hasSize(1).allMatch(s -> s.startsWith("0:"));
    assertThat(rejected).extracting(r -> r.key() + ":" + r.variant() + ":" + r.reason())
        .containsExactly("img/2:1:augment-failed", "img/2:2:augment-failed");
    assertThat(rejected.get(0).message()).contains("img/2.png variant 1").contains("deliberate test failure");
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
  void encodeWritesEachCodecAsAShardRecord() {
    Mat image = smoothGradient(16, 12);
    for (ImageCodec.Format format : ImageCodec.Format.values()) {
      ImageExample e = ImageEncoder.as(format, 90).encode("img/3", 1, 2, image, "[{\"op\":\"hflip\"}]");
      assertThat(e.key()).isEqualTo("img/3");
      assertThat(e.variant()).isEqualTo(2);
      assertThat(e.label()).isEqualTo(1);
      assertThat(e.format()).isEqualTo(format);
      assertThat(e.width()).isEqualTo(16);
      assertThat(e.height()).isEqualTo(12);
      assertThat(e.channels()).isEqualTo(3);
      assertThat(e.augmentParams()).isEqualTo("[{\"op\":\"hflip\"}]");
      Mat back = e.decode();
      if (format == ImageCodec.Format.JPEG) {
        assertThat(TestImages.psnr(back, image)).as("jpeg q90 PSNR").isGreaterThan(35);
      } else {
        assertThat(TestImages.maxAbsDiff(back, image)).as(format.specName()).isZero();
      }
      back.release();
    }
  }

  @Test
  void encodeRefusesImagesThatAreNotEightBitGreyOrRgbAndBadQualities() {
    OpenCv.load(); // this test makes a Mat before any step has loaded the natives
    Mat deep = new Mat(4, 4, CvType.CV_16UC3);
    assertThatThrownBy(() -> ImageEncoder.as(ImageCodec.Format.PNG, 95).encode("k", 0, 0, deep, "[]"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unsupported image type");
    assertThatThrownBy(() -> ImageEncoder.as(ImageCodec.Format.JPEG, 101))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jpeg quality must be in [1, 100], got 101");
  }
}
