package io.augmill.pipeline.image;

import io.augmill.datasets.shard.RejectedRecord;
import io.augmill.datasets.source.SourceRecord;
import io.augmill.ops.image.OpenCv;
import io.augmill.ops.image.UnsupportedImageException;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.opencv.core.Mat;

/**
 * The Decode step of the stats job: turns source inputs into grey or RGB pixels with
 * {@link ImageDecoder}, and every input it cannot use into a {@link RejectedRecord} with the reason.
 * (The preprocess job decodes inside its fused Process step instead, so that decoded pixels never
 * cross a step boundary.)
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
      Mat image;
      try {
        image = ImageDecoder.decode(in, maxPixels);
      } catch (UnsupportedImageException e) {
        PipelineMetrics.rejected(e.reason()).inc();
        out.get(REJECTED).output(new RejectedRecord(in.key(), in.location(), null, e.reason(), e.getMessage()));
        return;
      }
      try {
        decoded.inc();
        out.get(DECODED).output(new DecodedImage(in.key(), in.location(), in.label(), Pixels.of(image)));
      } finally {
        image.release();
      }
    }
  }
}
