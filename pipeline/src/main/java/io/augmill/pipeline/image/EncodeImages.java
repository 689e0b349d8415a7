package io.augmill.pipeline.image;

import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.RejectedRecord;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.image.OpenCv;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.opencv.core.Mat;

/**
 * The Encode step: encodes each variant as PNG, JPEG or raw HWC bytes, as the shard record
 * ({@link ImageExample}) it becomes. A variant the encoder
 * refuses becomes a {@link RejectedRecord} record with reason {@code encode-failed}.
 */
public final class EncodeImages extends PTransform<PCollection<AugmentedImage>, PCollectionTuple> {

  private static final long serialVersionUID = 1L;

  /** Encoded variants. */
  public static final TupleTag<ImageExample> ENCODED = new TupleTag<>("encoded") {};
  /** Rejected variants. */
  public static final TupleTag<RejectedRecord> REJECTED = new TupleTag<>("rejected") {};

  private final ImageCodec.Format format;
  private final int jpegQuality;

  private EncodeImages(ImageCodec.Format format, int jpegQuality) {
    this.format = format;
    this.jpegQuality = jpegQuality;
  }

  /**
   * Encodes in a format.
   *
   * @param format PNG, JPEG or RAW
   * @param jpegQuality 1-100 (JPEG only, but validated always)
   */
  public static EncodeImages as(ImageCodec.Format format, int jpegQuality) {
    if (jpegQuality < 1 || jpegQuality > 100) {
      throw new IllegalArgumentException("jpeg quality must be in [1, 100], got " + jpegQuality);
    }
    return new EncodeImages(format, jpegQuality);
  }

  @Override
  public PCollectionTuple expand(PCollection<AugmentedImage> input) {
    PCollectionTuple out = input.apply("EncodeImage", ParDo.of(new EncodeFn(format, jpegQuality))
        .withOutputTags(ENCODED, TupleTagList.of(REJECTED)));
    out.get(ENCODED).setCoder(ElementCoders.ImageExampleCoder.of());
    return out;
  }

  /** Encodes one variant. */
  static final class EncodeFn extends DoFn<AugmentedImage, ImageExample> {

    private static final long serialVersionUID = 1L;
    private final ImageCodec.Format format;
    private final int jpegQuality;

    EncodeFn(ImageCodec.Format format, int jpegQuality) {
      this.format = format;
      this.jpegQuality = jpegQuality;
    }

    @Setup
    public void setup() {
      OpenCv.load();
    }

    @ProcessElement
    public void process(@Element AugmentedImage in, MultiOutputReceiver out) {
      Pixels p = in.pixels();
      byte[] bytes;
      try {
        bytes = encode(p);
      } catch (RuntimeException e) {
        PipelineMetrics.rejected(RejectReasons.ENCODE_FAILED).inc();
        out.get(REJECTED).output(new RejectedRecord(in.key(), in.location(), in.variant(), RejectReasons.ENCODE_FAILED,
            in.location() + " variant " + in.variant() + ": " + format.specName() + " encoding failed: " + e.getMessage()));
        return;
      }
      out.get(ENCODED).output(new ImageExample(in.key(), in.label(), in.variant(), format, p.height(), p.width(),
          p.channels(), bytes, in.params()));
    }

    private byte[] encode(Pixels p) {
      if (format == ImageCodec.Format.RAW) {
        return p.data();
      }
      Mat image = p.toMat();
      try {
        return ImageCodec.encode(image, format, jpegQuality);
      } finally {
        image.release();
      }
    }
  }
}
