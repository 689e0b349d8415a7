package io.augmill.pipeline.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.Manifest;
import io.augmill.datasets.shard.RejectedLog;
import io.augmill.datasets.shard.RejectedRecord;
import io.augmill.datasets.shard.ShardInfo;
import io.augmill.datasets.shard.ShardWriter;
import io.augmill.datasets.source.SourceRecord;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.policy.Policy;
import io.augmill.ops.spec.TransformJson;
import io.augmill.pipeline.image.ImageDecoder;
import io.augmill.pipeline.image.ElementCoders;
import io.augmill.pipeline.image.Pixels;
import io.augmill.pipeline.shard.ManifestTemplate;
import io.augmill.pipeline.shard.ShardAssignment;
import io.augmill.pipeline.testing.ShardFiles;
import io.augmill.pipeline.testing.TestInputs;
import io.augmill.pipeline.testing.TestPipelines;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.Mat;

class PreprocessImagesTest {

  static final long MAX_PIXELS = 5000;
  static final long SEED = 7;
  static final int VARIANTS = 2;
  static final int SHARDS = 3;

  @TempDir
  Path out;

  static List<SourceRecord> inputs() {
    List<SourceRecord> all = new ArrayList<>(TestInputs.valid(15));
    all.addAll(TestInputs.rejectedKinds());
    return all;
  }

  static ManifestTemplate template(Path dir, Policy policy, boolean keepOriginal) {
    return new ManifestTemplate(dir.toString(), "train", SHARDS, List.of("a", "b", "c"), "png",
        policy.toJson().toString(), SEED, VARIANTS, keepOriginal, "test:inline", "test-version");
  }

  @Test
  void everyInputIsWrittenOrRejectedAndShardsFollowTheAssignment() throws Throwable {
    Policy policy = TestInputs.flipAndSometimesFail();
    List<SourceRecord> inputs = inputs();
    TestPipelines.run(getClass(), "preprocess", p -> {
      PCollection<String> manifestJson = p.apply(Create.of(inputs).withCoder(ElementCoders.SourceRecordCoder.of()))
          .apply(PreprocessImages.of(policy, ImageCodec.Format.PNG, 95, MAX_PIXELS, template(out, policy, true)));
      PAssert.thatSingleton(manifestJson).satisfies(json -> {
        assertThat(json).contains("\"format_version\" : 1").contains("\"split\" : \"train\"");
        return null;
      });
      p.run().waitUntilFinish();
    });

    // Expected outcome per (key, variant), from the same policy and seeds, outside Beam.
    Map<String, Mat> expectedImages = new HashMap<>();
    Set<String> failedVariants = new HashSet<>();
    for (SourceRecord in : TestInputs.valid(15)) {
      Mat decoded = ImageDecoder.decode(in, MAX_PIXELS);
      expectedImages.put(in.key() + "#0", decoded);
      for (int v = 1; v <= VARIANTS; v++) {
        try {
          expectedImages.put(in.key() + "#" + v, policy.augment(decoded, SEED, in.key(), v).image());
        } catch (IllegalStateException e) {
          failedVariants.add(in.key() + "#" + v);
        }
      }
    }
    assertThat(failedVariants).as("the test policy should fail some variants").isNotEmpty();

    Manifest manifest = Manifest.read(out.resolve(Manifest.FILE_NAME));
    assertThat(manifest.countProblems()).isEmpty();
    assertThat(manifest.inputs()).isEqualTo(20);
    assertThat(manifest.records()).isEqualTo(expectedImages.size());
    assertThat(manifest.rejected().inputs()).isEqualTo(5);
    assertThat(manifest.rejected().variants()).isEqualTo(failedVariants.size());
    assertThat(manifest.rejected().byReason()).containsEntry("empty", 1L).containsEntry("undecodable", 1L)
        .containsEntry("unsupported-depth", 1L).containsEntry("too-large", 1L).containsEntry("unreadable", 1L)
        .containsEntry("augment-failed", (long) failedVariants.size());
    assertThat(manifest.stats().path("images").asLong()).isEqualTo(15);
    assertThat(manifest.shards()).hasSize(SHARDS);

    Set<String> seen = new HashSet<>();
    for (int s = 0; s < SHARDS; s++) {
      ShardInfo info = manifest.shards().get(s);
      Path file = out.resolve(info.file());
      assertThat(info.file()).isEqualTo(String.format("train-%05d-of-%05d.tfrecord", s, SHARDS));
      assertThat(ShardWriter.sha256(file)).isEqualTo(info.sha256());
      List<ImageExample> records = ShardFiles.records(file);
      assertThat(records).hasSize((int) info.records());
      String previous = "";
      for (ImageExample e : records) {
        String id = e.key() + "#" + e.variant();
        String order = e.key() + "#" + (char) ('0' + e.variant());
        assertThat(order).as("records ordered by key, then variant").isGreaterThan(previous);
        previous = order;
        assertThat(ShardAssignment.shardOf(e.key(), (int) e.variant(), SHARDS)).isEqualTo(s);
        assertThat(seen.add(id)).as("written once: " + id).isTrue();
        Mat written = e.decode();
        Pixels want = Pixels.of(expectedImages.get(id));
        assertThat(Pixels.of(written).data()).as(id).isEqualTo(want.data());
        written.release();
        List<?> params = TransformJson.specsFromJson(TransformJson.JSON.readTree(e.augmentParams()));
        if (e.variant() == 0) {
          assertThat(params).isEmpty();
        }
      }
    }
    assertThat(seen).isEqualTo(expectedImages.keySet());

    List<RejectedRecord> rejected = RejectedLog.read(out.resolve("rejected/train.jsonl"));
    assertThat(rejected).hasSize(5 + failedVariants.size());
    Map<String, String> wholeInputs = new TreeMap<>();
    rejected.stream().filter(r -> r.variant() == null).forEach(r -> wholeInputs.put(r.key(), r.reason()));
    assertThat(wholeInputs).containsExactlyEntriesOf(new TreeMap<>(Map.of("bad/empty", "empty",
        "bad/undecodable", "undecodable", "bad/unsupported-depth", "unsupported-depth",
        "bad/too-large", "too-large", "bad/unreadable", "unreadable")));
    rejected.stream().filter(r -> r.variant() != null)
        .forEach(r -> assertThat(failedVariants).contains(r.key() + "#" + r.variant()));
  }

  @Test
  void shardsWithoutRecordsAreStillWritten() throws Throwable {
    Policy policy = TestInputs.policy("{op: identity}");
    TestPipelines.run(getClass(), "empty-shards", p -> {
      PCollection<String> manifestJson = p.apply(Create.of(TestInputs.valid(1)).withCoder(ElementCoders.SourceRecordCoder.of()))
          .apply(PreprocessImages.of(policy, ImageCodec.Format.RAW, 95, MAX_PIXELS,
              new ManifestTemplate(out.toString(), "test", 4, List.of(), "raw", policy.toJson().toString(), 0, 1,
                  false, "test:inline", "v")));
      PAssert.thatSingleton(manifestJson).satisfies(json -> {
        assertThat(json).contains("\"records\" : 1");
        return null;
      });
      p.run().waitUntilFinish();
    });
    Manifest manifest = Manifest.read(out.resolve(Manifest.FILE_NAME));
    assertThat(manifest.shards()).extracting(ShardInfo::records).containsExactlyInAnyOrder(1L, 0L, 0L, 0L);
    for (int s = 0; s < 4; s++) {
      assertThat(out.resolve(String.format("test-%05d-of-00004.tfrecord", s))).exists();
      assertThat(out.resolve(String.format("test-%05d-of-00004.tfrecord.idx", s))).exists();
    }
    assertThat(Files.readAllLines(out.resolve("rejected/test.jsonl"))).isEmpty();
  }
}
