package io.augmill.pipeline.preprocess;

import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.RejectedRecord;
import io.augmill.datasets.source.SourceRecord;
import io.augmill.ops.image.OpenCv;
import io.augmill.ops.image.UnsupportedImageException;
import io.augmill.pipeline.image.ImageAugmenter;
import io.augmill.pipeline.image.ImageDecoder;
import io.augmill.pipeline.image.ImageEncoder;
import io.augmill.pipeline.image.PipelineMetrics;
import io.augmill.pipeline.image.RejectReasons;
import io.augmill.pipeline.shard.RunSegment;
import io.augmill.pipeline.shard.RunWriter;
import io.augmill.pipeline.shard.ShardPlan;
import io.augmill.pipeline.stats.StatsAccumulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindows;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TupleTag;
import org.apache.beam.sdk.values.TupleTagList;
import org.opencv.core.Mat;

/**
 * The Process step: Decode → Augment → Encode (and the input statistics) for each input, fused in one
 * {@code DoFn} ({@code DecodeAugmentEncode}) that composes {@link ImageDecoder}, {@link ImageAugmenter}
 * and {@link ImageEncoder}, and hands the encoded records to a {@link RunWriter}, which sorts them into run
 * files for {@link io.augmill.pipeline.shard.WriteShards}. Decoded and augmented pixels stay in OpenCV Mats
 * inside the step, and encoded records in its run files; only the runs' segments, rejected records and a few
 * small per-bundle summaries leave it.
 *
 * <p>Why one step rather than one per stage: runners move elements between steps through coders
 * wherever they do not chain the steps, and Flink's batch translation never chains a step with several
 * outputs (each of the three stages has a rejected output) nor a step whose output also feeds another
 * branch (the decoded images fed the statistics too). Separate steps serialized every decoded image
 * (562 KB at 500x375) about three times. Encoded records would still cross as many boundaries as the step has
 * outputs (Flink's batch translation sends every element of a step with several outputs to each output's
 * consumer, which keeps the elements of its tag): a CIFAR job's records were serialized and decoded four
 * times. Written to runs inside the step, they cross none.
 *
 * <p>Outputs: {@link #RUNS} (the segments of each run written, see {@link RunWriter}), {@link #REJECTED} (whole
 * inputs with variant null, and single variants with reason {@code augment-failed} or
 * {@code encode-failed}), and per bundle {@link #INPUTS} (inputs seen) and {@link #STATS} (exact pixel
 * sums of the decoded inputs), which {@code CountInputs} and {@code Stats} add up. Counters are counted
 * locally and reported once per bundle.
 */
public final class ProcessImages extends PTransform<PCollection<SourceRecord>, PCollectionTuple> {

  private static final long serialVersionUID = 1L;

  /** Where the encoded variants, the records of the shard set, sit in the sorted runs: one per shard and run. */
  public static final TupleTag<KV<Integer, RunSegment>> RUNS = new TupleTag<>("runs") {};
  /** Rejected inputs (variant null) and variants. */
  public static final TupleTag<RejectedRecord> REJECTED = new TupleTag<>("rejected") {};
  /** Inputs seen, one partial count per bundle that saw any. */
  public static final TupleTag<Long> INPUTS = new TupleTag<>("inputs") {};
  /** Pixel sums of the decoded inputs, one partial accumulator per bundle that decoded any. */
  public static final TupleTag<StatsAccumulator> STATS = new TupleTag<>("stats") {};

  private final long maxPixels;
  private final ImageAugmenter augmenter;
  private final ImageEncoder encoder;
  private final ShardPlan shards;

  private ProcessImages(long maxPixels, ImageAugmenter augmenter, ImageEncoder encoder, ShardPlan shards) {
    this.maxPixels = maxPixels;
    this.augmenter = augmenter;
    this.encoder = encoder;
    this.shards = shards;
  }

  /**
   * Configures the step.
   *
   * @param maxPixels decode limit on {@code width * height}, at least 1
   * @param augmenter the policy draws per input
   * @param encoder the output codec
   * @param shards where the sorted runs go and which shard each record belongs to
   */
  public static ProcessImages of(long maxPixels, ImageAugmenter augmenter, ImageEncoder encoder, ShardPlan shards) {
    if (maxPixels < 1) {
      throw new IllegalArgumentException("max pixels must be at least 1, got " + maxPixels);
    }
    return new ProcessImages(maxPixels, augmenter, encoder, shards);
  }

  @Override
  public PCollectionTuple expand(PCollection<SourceRecord> input) {
    if (!(input.getWindowingStrategy().getWindowFn() instanceof GlobalWindows)) {
      throw new IllegalArgumentException("Process needs its input in the global window (it emits per-bundle "
          + "summaries there), got " + input.getWindowingStrategy().getWindowFn());
    }
    PCollectionTuple out = input.apply("DecodeAugmentEncode",
        ParDo.of(new ProcessFn(maxPixels, augmenter, encoder, shards))
            .withOutputTags(RUNS, TupleTagList.of(REJECTED).and(INPUTS).and(STATS)));
    out.get(RUNS).setCoder(KvCoder.of(VarIntCoder.of(), RunSegment.CODER));
    out.get(INPUTS).setCoder(VarLongCoder.of());
    out.get(STATS).setCoder(StatsAccumulator.CODER);
    return out;
  }

  /** Decodes, augments and encodes one input at a time, writing runs; sums per bundle. */
  static final class ProcessFn extends DoFn<SourceRecord, KV<Integer, RunSegment>> {

    private static final long serialVersionUID = 1L;
    /**
     * Largest pixel copy kept between images (8 MiB, a 1600x1600 RGB image): one rare huge input
     * (up to {@code --max-pixels}) must not pin hundreds of megabytes for the rest of the job.
     */
    static final int REUSED_BUFFER_BYTES = 8 << 20;
    private final long maxPixels;
    private final ImageAugmenter augmenter;
    private final ImageEncoder encoder;
    private final ShardPlan shards;
    private final Counter readCounter = PipelineMetrics.counter(PipelineMetrics.READ);
    private final Counter bytesReadCounter = PipelineMetrics.counter(PipelineMetrics.BYTES_READ);
    private final Counter decodedCounter = PipelineMetrics.counter(PipelineMetrics.DECODED);
    private final Counter augmentedCounter = PipelineMetrics.counter(PipelineMetrics.AUGMENTED);
    private transient RunWriter runs;
    private transient StatsAccumulator stats;
    private transient long inputs;
    private transient long bytesRead;
    private transient long decoded;
    private transient long augmented;
    /** The statistics' copy of each decoded image, kept up to {@link #REUSED_BUFFER_BYTES}; a multiple of 3 bytes. */
    private transient byte[] pixelBuffer;

    ProcessFn(long maxPixels, ImageAugmenter augmenter, ImageEncoder encoder, ShardPlan shards) {
      this.maxPixels = maxPixels;
      this.augmenter = augmenter;
      this.encoder = encoder;
      this.shards = shards;
    }

    @Setup
    public void setup() {
      OpenCv.load();
      pixelBuffer = new byte[0];
    }

    @StartBundle
    public void startBundle() throws IOException {
      teardown();
      runs = shards.newRunWriter();
      stats = new StatsAccumulator();
      inputs = 0;
      bytesRead = 0;
      decoded = 0;
      augmented = 0;
    }

    @ProcessElement
    public void process(@Element SourceRecord in, MultiOutputReceiver out) {
      inputs++;
      bytesRead += in.data().length;
      Mat image;
      try {
        image = ImageDecoder.decode(in, maxPixels);
      } catch (UnsupportedImageException e) {
        reject(out, new RejectedRecord(in.key(), in.location(), null, e.reason(), e.getMessage()));
        return;
      }
      try {
        decoded++;
        addStats(image);
        augmented += augmenter.augment(in.key(), in.location(), image,
            (variant, augmentedImage, params) -> encode(in, variant, augmentedImage, params, out),
            rejected -> reject(out, rejected));
      } finally {
        image.release();
      }
    }

    private void encode(SourceRecord in, int variant, Mat image, String params, MultiOutputReceiver out) {
      ImageExample example;
      try {
        example = encoder.encode(in.key(), in.label(), variant, image, params);
      } catch (RuntimeException e) {
        reject(out, new RejectedRecord(in.key(), in.location(), variant, RejectReasons.ENCODE_FAILED,
            in.location() + " variant " + variant + ": " + encoder.format().specName() + " encoding failed: "
                + e.getMessage()));
        return;
      }
      try {
        runs.add(example).forEach(out.get(RUNS)::output);
      } catch (IOException e) {
        throw new UncheckedIOException(shards.scratch() + ": cannot write a sorted run: " + e.getMessage(), e);
      }
    }

    private void addStats(Mat image) {
      int length = (int) (image.total() * image.channels());
      byte[] buffer = pixelBuffer;
      if (buffer.length < length) {
        buffer = new byte[(length + 2) / 3 * 3];
        if (buffer.length <= REUSED_BUFFER_BYTES) {
          pixelBuffer = buffer;
        }
      }
      Mat continuous = image.isContinuous() ? image : image.clone();
      try {
        continuous.get(0, 0, buffer);
      } finally {
        if (continuous != image) {
          continuous.release();
        }
      }
      stats.add(buffer, length, image.channels());
    }

    private static void reject(MultiOutputReceiver out, RejectedRecord r) {
      PipelineMetrics.rejected(r.reason()).inc();
      out.get(REJECTED).output(r);
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) throws IOException {
      for (KV<Integer, RunSegment> segment : runs.finish()) {
        c.output(RUNS, segment, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
      if (inputs > 0) {
        c.output(INPUTS, inputs, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
      if (decoded > 0) {
        c.output(STATS, stats, GlobalWindow.INSTANCE.maxTimestamp(), GlobalWindow.INSTANCE);
      }
      readCounter.inc(inputs);
      bytesReadCounter.inc(bytesRead);
      decodedCounter.inc(decoded);
      augmentedCounter.inc(augmented);
    }

    /** Drops the spill file of a bundle that failed before it finished. */
    @Teardown
    public void teardown() throws IOException {
      if (runs != null) {
        runs.close();
        runs = null;
      }
    }
  }
}
