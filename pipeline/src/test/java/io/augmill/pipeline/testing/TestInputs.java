package io.augmill.pipeline.testing;

import io.augmill.datasets.source.SourceRecord;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.policy.Policy;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.TransformJson;
import io.augmill.ops.testing.TestImages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;

/** Small inputs for pipeline tests: valid images of every kind plus one of each rejection. */
public final class TestInputs {

  private TestInputs() {}

  /** A policy from inline YAML (a bare transform). */
  public static Policy policy(String yaml) {
    try {
      return new Policy("test", "", OpRegistry.builtin().json().read(TransformJson.YAML.readTree(yaml)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A policy that flips at random and fails about a third of the variants. */
  public static Policy flipAndSometimesFail() {
    return policy("[{op: random_hflip}, {op: random_vflip}, {op: random_apply, p: 0.3, args: {op: {op: fail}}}]");
  }

  /** {@code count} valid inputs: PNG colour and grey, JPEG, raw RGB and raw grey, sizes varying. */
  public static List<SourceRecord> valid(int count) {
    List<SourceRecord> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String key = String.format("test/%04d", i);
      int w = 8 + i % 5;
      int h = 6 + i % 3;
      int label = i % 3;
      switch (i % 5) {
        case 0 -> out.add(SourceRecord.encoded(key, label, key + ".png", png(TestImages.noise(w, h, 3, i))));
        case 1 -> out.add(SourceRecord.encoded(key, label, key + ".png", png(TestImages.noise(w, h, 1, i))));
        case 2 -> out.add(SourceRecord.encoded(key, label, key + ".jpg",
            ImageCodec.encode(TestImages.noise(w, h, 3, i), ImageCodec.Format.JPEG, 90)));
        case 3 -> out.add(SourceRecord.pixels(key, label, -1, "batch.bin#" + i, TestImages.pixels(TestImages.noise(w, h, 3, i)), w, h, 3));
        default -> out.add(SourceRecord.pixels(key, label, -1, "idx#" + i, TestImages.pixels(TestImages.noise(w, h, 1, i)), w, h, 1));
      }
    }
    return out;
  }

  /**
   * One input per rejection reason the Decode step knows, keyed {@code bad/<reason>}: zero-byte,
   * undecodable, 16-bit PNG, a 100x100 image (too large for a 5000-pixel limit) and a source failure.
   */
  public static List<SourceRecord> rejectedKinds() {
    Mat deep = new Mat(4, 4, CvType.CV_16UC3, new Scalar(1000, 2000, 3000));
    MatOfByte deepPng = new MatOfByte();
    Imgcodecs.imencode(".png", deep, deepPng);
    return List.of(
        SourceRecord.encoded("bad/empty", 0, "bad/empty.png", new byte[0]),
        SourceRecord.encoded("bad/undecodable", 0, "bad/undecodable.png", "not an image".getBytes()),
        SourceRecord.encoded("bad/unsupported-depth", 0, "bad/deep.png", deepPng.toArray()),
        SourceRecord.encoded("bad/too-large", 0, "bad/large.png", png(TestImages.noise(100, 100, 3, 7))),
        SourceRecord.failed("bad/unreadable", 0, "bad/missing.png", "unreadable", "bad/missing.png: no such file"));
  }

  /** PNG bytes of an RGB or grey Mat. */
  public static byte[] png(Mat image) {
    return ImageCodec.encode(image, ImageCodec.Format.PNG, 95);
  }
}
