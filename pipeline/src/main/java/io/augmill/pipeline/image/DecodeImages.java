package io.augmill.pipeline.image;

import io.augmill.datasets.shard.RejectedRecord;
import io.augmill.datasets.source.SourceRecord;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.image.OpenCv;
import io.augmill.ops.image.UnsupportedImageException;
import java.util.Optional;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * The Decode step: turns source inputs into grey or RGB pixels, and every input it cannot use into a
 * {@link RejectedRecord}: zero-byte ({@code empty}), undecodable, 16-bit or float
 * ({@code unsupported-depth}), an odd channel count ({@code unsupported-channels}), more pixels than
 * the limit ({@code too-large}, checked from the PNG/JPEG/BMP header before decoding), or raw pixels
 * whose length does not match their geometry ({@code bad-raw-pixels}); a record the source could not
 * read is rejected with the source's reason.
 */
public final class DecodeImages extends PTransform<PCollection<SourceRecord>, PCollectionTuple> {

  private static final long serialVersionUID = 1L;

  /** Decoded inputs. */
  public static final TupleTag<DecodedImage> DECODED = new TupleTag<>("decoded") {};
  /** Rejected inputs (variant null). */
  public static final TupleTag<RejectedRecord> REJECTED = new TupleTag<>("rejected") {};

  private final long maxPixels;

  private DecodeImages(long maxPixels) {
    this.maxPixels = maxPixels;
  }

  /**
   * Decodes with a pixel limit.
   *
   * @param maxPixels largest accepted {@code width * height}, at least 1
   */
  public static DecodeImages withMaxPixels(long maxPixels) {
    if (maxPixels < 1) {
      throw new IllegalArgumentException("max pixels must be at least 1, got " + maxPixels);
    }
    return new DecodeImages(maxPixels);
  }

  @Override
  public PCollectionTuple expand(PCollection<SourceRecord> input) {
    PCollectionTuple out = input.apply("DecodeGuarded",
        ParDo.of(new DecodeFn(maxPixels)).withOutputTags(DECODED, TupleTagList.of(REJECTED)));
    out.get(DECODED).setCoder(ElementCoders.DecodedImageCoder.of());
    return out;
  }

  /** Decodes one input or rejects it. */
  static final class DecodeFn extends DoFn<SourceRecord, DecodedImage> {

    private static final long serialVersionUID = 1L;
    private final long maxPixels;
    private final Counter read = PipelineMetrics.counter(PipelineMetrics.READ);
    private final Counter bytesRead = PipelineMetrics.counter(PipelineMetrics.BYTES_READ);
    private final Counter decoded = PipelineMetrics.counter(PipelineMetrics.DECODED);

    DecodeFn(long maxPixels) {
      this.maxPixels = maxPixels;
    }

    @Setup
    public void setup() {
      OpenCv.load();
    }

    @ProcessElement
    public void process(@Element SourceRecord in, MultiOutputReceiver out) {
      read.inc();
      bytesRead.inc(in.data().length);
      try {
        Pixels pixels = decode(in, maxPixels);
        decoded.inc();
        out.get(DECODED).output(new DecodedImage(in.key(), in.location(), in.label(), pixels));
      } catch (UnsupportedImageException e) {
        PipelineMetrics.rejected(e.reason()).inc();
        out.get(REJECTED).output(new RejectedRecord(in.key(), in.location(), null, e.reason(), e.getMessage()));
      }
    }
  }

  /**
   * Applies the guards and decodes one input.
   *
   * @throws UnsupportedImageException with the reason the input is rejected
   */
  public static Pixels decode(SourceRecord in, long maxPixels) {
    String name = in.location();
    if (in.failed()) {
      throw new UnsupportedImageException(in.failureReason(), in.failureMessage());
    }
    if (in.raw()) {
      return fromRaw(in, maxPixels);
    }
    if (in.data().length == 0) {
      throw new UnsupportedImageException(UnsupportedImageException.EMPTY, name + ": zero-byte image");
    }
    Optional<ImageHeader> header = ImageHeader.probe(in.data());
    if (header.isPresent()) {
      ImageHeader h = header.get();
      checkPixels(name, h.width(), h.height(), maxPixels);
      if (h.bitsPerSample() != 8) {
        throw new UnsupportedImageException(UnsupportedImageException.UNSUPPORTED_DEPTH,
            name + ": " + h.bitsPerSample() + "-bit " + h.format() + " (only 8-bit images are supported)");
      }
    }
    Mat image = ImageCodec.decode(in.data(), name);
    try {
      checkPixels(name, image.cols(), image.rows(), maxPixels);
      return Pixels.of(image);
    } finally {
      image.release();
    }
  }

  private static Pixels fromRaw(SourceRecord in, long maxPixels) {
    String name = in.location();
    if (in.width() < 1 || in.height() < 1 || (long) in.width() * in.height() * in.channels() != in.data().length) {
      throw new UnsupportedImageException(RejectReasons.BAD_RAW, name + ": " + in.data().length
          + " raw bytes do not hold " + in.width() + "x" + in.height() + "x" + in.channels() + " pixels");
    }
    checkPixels(name, in.width(), in.height(), maxPixels);
    return switch (in.channels()) {
      case 1, 3 -> new Pixels(in.width(), in.height(), in.channels(), in.data());
      case 4 -> dropAlpha(in.data(), in.width(), in.height());
      default -> throw new UnsupportedImageException(UnsupportedImageException.UNSUPPORTED_CHANNELS,
          name + ": unsupported channel count " + in.channels() + " (expected grey, RGB or RGBA)");
    };
  }

  private static Pixels dropAlpha(byte[] rgba, int width, int height) {
    Mat src = new Mat(height, width, CvType.CV_8UC4);
    src.put(0, 0, rgba);
    Mat rgb = new Mat();
    Imgproc.cvtColor(src, rgb, Imgproc.COLOR_RGBA2RGB);
    try {
      return Pixels.of(rgb);
    } finally {
      src.release();
      rgb.release();
    }
  }

  private static void checkPixels(String name, long width, long height, long maxPixels) {
    if (width * height > maxPixels) {
      throw new UnsupportedImageException(RejectReasons.TOO_LARGE, name + ": " + width + "x" + height
          + " = " + width * height + " pixels exceeds the limit of " + maxPixels + " (--max-pixels)");
    }
  }
}
