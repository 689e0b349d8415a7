package io.augmill.pipeline.preprocess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.RejectedRecord;
import io.augmill.datasets.source.SourceRecord;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.policy.Policy;
import io.augmill.ops.spec.TransformJson;
import io.augmill.pipeline.image.ElementCoders;
import io.augmill.pipeline.image.ImageAugmenter;
import io.augmill.pipeline.image.ImageDecoder;
import io.augmill.pipeline.image.ImageEncoder;
import io.augmill.pipeline.image.Pixels;
import io.augmill.pipeline.runner.JobSummary;
import io.augmill.pipeline.shard.RunFiles;
import io.augmill.pipeline.shard.RunSegment;
import io.augmill.pipeline.shard.ShardAssignment;
import io.augmill.pipeline.shard.ShardPlan;
import io.augmill.pipeline.stats.ChannelStats;
import io.augmill.pipeline.stats.MergeStats;
import io.augmill.pipeline.stats.StatsAccumulator;
import io.augmill.pipeline.testing.TestInputs;
import io.augmill.pipeline.testing.TestPipelines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.FlatMapElements;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.Sum;
import org.apache.beam.sdk.transforms.windowing.FixedWindows;
import org.apache.beam.sdk.transforms.windowing.Window;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.joda.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** The fused Process step: decode → augment → encode per input, statistics and counts per bundle. */
class ProcessImagesTest {

  static final long MAX_PIXELS = 5000;
  static final long SEED = 11;
  static final int VARIANTS = 3;

  @TempDir
  Path tmp;

  /** Flips, and fails a variant's ops or its encoding now and then. */
  static Policy flipFailOrUnencodable() {
    return TestInputs.policy("[{op: random_hflip}, {op: random_apply, p: 0.25, args: {op: {op: fail}}},"
        + " {op: random_apply, p: 0.25, args: {op: {op: unencodable}}}]");
  }

  @Test
  void decodesAugmentsAndEncodesEachInputAndRejectsWithEveryReason() throws Throwable {
    Policy policy = flipFailOrUnencodable();
    List<SourceRecord> inputs = new ArrayList<>(TestInputs.valid(12));
    inputs.addAll(TestInputs.rejectedKinds());

    // Expected outcome of every (key, variant), from the same stages outside Beam.
    List<String> examples = new ArrayList<>();
    List<String> rejected = new ArrayList<>(List.of("bad/empty:null:empty", "bad/undecodable:null:undecodable",
        "bad/unsupported-depth:null:unsupported-depth", "bad/too-large:null:too-large",
        "bad/unreadable:null:unreadable"));
    StatsAccumulator stats = new StatsAccumulator();
    for (SourceRecord in : TestInputs.valid(12)) {
      Mat decoded = ImageDecoder.decode(in, MAX_PIXELS);
      stats.add(Pixels.of(decoded));
      examples.add(in.key() + "#0:" + Arrays.hashCode(ImageCodec.encode(decoded, ImageCodec.Format.PNG, 95)) + ":[]");
      for (int v = 1; v <= VARIANTS; v++) {
        Policy.Result r;
        try {
          r = policy.augment(decoded, SEED, in.key(), v);
        } catch (IllegalStateException e) {
          rejected.add(in.key() + ":" + v + ":augment-failed");
          continue;
        }
        if (r.image().type() != CvType.CV_8UC1 && r.image().type() != CvType.CV_8UC3) {
          rejected.add(in.key() + ":" + v + ":encode-failed");
        } else {
          examples.add(in.key() + "#" + v + ":" + Arrays.hashCode(ImageCodec.encode(r.image(), ImageCodec.Format.PNG, 95))
              + ":" + TransformJson.specsToJson(r.applied()));
        }
        r.image().release();
      }
      decoded.release();
    }
    assertThat(rejected).anyMatch(s -> s.endsWith("augment-failed")).anyMatch(s -> s.endsWith("encode-failed"));
    ChannelStats expectedStats = new MergeStats.MergeFn().extractOutput(stats);
    int augmentedVariants = examples.size() + (int) rejected.stream().filter(s -> s.endsWith("encode-failed")).count();

    ShardPlan shards = ShardPlan.of(tmp.toString(), "train", 3);
    ProcessImages process = ProcessImages.of(MAX_PIXELS, ImageAugmenter.of(policy, SEED, VARIANTS, true),
        ImageEncoder.as(ImageCodec.Format.PNG, 95), shards);
    TestPipelines.run(getClass(), "process", p -> {
      PCollectionTuple out = p.apply(Create.of(inputs).withCoder(ElementCoders.SourceRecordCoder.of()))
          .apply("Process", process);
      PAssert.that(out.get(ProcessImages.RUNS).apply("Describe", FlatMapElements.into(TypeDescriptors.strings())
              .via((KV<Integer, RunSegment> segment) -> RunFiles.examples(segment).stream()
                  .map(e -> e.key() + "#" + e.variant() + ":" + Arrays.hashCode(e.encoded()) + ":" + e.augmentParams()
                      + (ShardAssignment.shardOf(e.key(), (int) e.variant(), 3) == segment.getKey() ? "" : " in shard "
                          + segment.getKey()))
                  .toList())))
          .containsInAnyOrder(examples);
      PAssert.that(out.get(ProcessImages.REJECTED).apply("Reasons", MapElements.into(TypeDescriptors.strings())
              .via((RejectedRecord r) -> r.key() + ":" + r.variant() + ":" + r.reason())))
          .containsInAnyOrder(rejected);
      PAssert.thatSingleton(out.get(ProcessImages.INPUTS).apply("CountInputs", Sum.longsGlobally()))
          .isEqualTo((long) inputs.size());
      PAssert.thatSingleton(out.get(ProcessImages.STATS).apply("Stats", new MergeStats())).isEqualTo(expectedStats);
      PipelineResult result = p.run();
      result.waitUntilFinish();
      Map<String, Long> counters = JobSummary.counters(result);
      assertThat(counters).containsEntry("read", (long) inputs.size()).containsEntry("decoded", 12L)
          .containsEntry("augmented", (long) augmentedVariants).containsEntry("rejected.too-large", 1L)
          .containsEntry("rejected.encode-failed", rejected.stream().filter(s -> s.endsWith("encode-failed")).count());
      assertThat(counters.get("bytes.read")).isEqualTo(inputs.stream().mapToLong(r -> r.data().length).sum());
    });
  }

  @Test
  void statisticsAreExactAcrossImagesLargerThanTheReusedBuffer() throws Throwable {
    // A 1700x1700 RGB image (8.7 MB) is copied into a buffer of its own; the small images around it reuse one.
    int side = 1700;
    byte[] big = new byte[side * side * 3];
    for (int i = 0; i < big.length; i++) {
      big[i] = (byte) (i * 31 + i / 7);
    }
    assertThat(big.length).isGreaterThan(ProcessImages.ProcessFn.REUSED_BUFFER_BYTES);
    List<SourceRecord> inputs = new ArrayList<>(TestInputs.valid(3));
    inputs.add(SourceRecord.pixels("big", 0, -1, "big.bin", big, side, side, 3));
    inputs.addAll(TestInputs.valid(4).subList(3, 4));
    StatsAccumulator expected = new StatsAccumulator();
    for (SourceRecord in : inputs) {
      Mat m = ImageDecoder.decode(in, Long.MAX_VALUE);
      expected.add(Pixels.of(m));
      m.release();
    }
    ChannelStats expectedStats = new MergeStats.MergeFn().extractOutput(expected);
    ProcessImages process = ProcessImages.of(Long.MAX_VALUE, ImageAugmenter.of(TestInputs.policy("{op: identity}"), 0, 1,
        false), ImageEncoder.as(ImageCodec.Format.RAW, 95), ShardPlan.of(tmp.toString(), "train", 1));
    TestPipelines.run(getClass(), "big", p -> {
      PCollectionTuple out = p.apply(Create.of(inputs).withCoder(ElementCoders.SourceRecordCoder.of()))
          .apply("Process", process);
      PAssert.thatSingleton(out.get(ProcessImages.STATS).apply("Stats", new MergeStats())).isEqualTo(expectedStats);
      PAssert.that(out.get(ProcessImages.RUNS).apply("Keys", FlatMapElements.into(TypeDescriptors.strings())
          .via((KV<Integer, RunSegment> segment) -> RunFiles.examples(segment).stream().map(ImageExample::key).toList())))
          .containsInAnyOrder("test/0000", "test/0001", "test/0002", "big", "test/0003");
      p.run().waitUntilFinish();
    });
  }

  @Test
  void refusesInputOutsideTheGlobalWindow() throws Throwable {
    ProcessImages process = ProcessImages.of(MAX_PIXELS, ImageAugmenter.of(flipFailOrUnencodable(), 0, 1, false),
        ImageEncoder.as(ImageCodec.Format.RAW, 95), ShardPlan.of(tmp.toString(), "train", 1));
    TestPipelines.run(getClass(), "windowed", p -> {
      PCollection<SourceRecord> windowed = p.apply(Create.of(TestInputs.valid(1)).withCoder(ElementCoders.SourceRecordCoder.of()))
          .apply(Window.into(FixedWindows.of(Duration.standardMinutes(1))));
      assertThatThrownBy(() -> windowed.apply(process)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("global window");
      p.enableAbandonedNodeEnforcement(false);
    });
  }
}
