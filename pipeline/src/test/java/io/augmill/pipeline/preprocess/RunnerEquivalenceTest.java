package io.augmill.pipeline.preprocess;

import static org.assertj.core.api.Assertions.assertThat;

import io.augmill.datasets.source.SourceRecord;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.policy.Policy;
import io.augmill.pipeline.image.ElementCoders;
import io.augmill.pipeline.runner.RunnerChoice;
import io.augmill.pipeline.testing.ShardFiles;
import io.augmill.pipeline.testing.TestInputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.transforms.Create;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The same input, policy, seed and shard count give byte-identical files on every runner and parallelism. */
class RunnerEquivalenceTest {

  @TempDir
  Path tmp;

  static void preprocess(RunnerChoice runner, Path out, List<SourceRecord> inputs, Policy policy) {
    PipelineOptions options = PipelineOptionsFactory.create();
    runner.configure(options);
    Pipeline p = Pipeline.create(options);
    p.apply(Create.of(inputs).withCoder(ElementCoders.SourceRecordCoder.of()))
        .apply(PreprocessImages.of(policy, ImageCodec.Format.PNG, 95, PreprocessImagesTest.MAX_PIXELS,
            PreprocessImagesTest.template(out, policy, true)));
    assertThat(p.run().waitUntilFinish()).isEqualTo(PipelineResult.State.DONE);
  }

  @Test
  void directAndEmbeddedFlinkAtParallelismOneAndTwoWriteIdenticalBytes() throws Exception {
    List<SourceRecord> inputs = new ArrayList<>(TestInputs.valid(24));
    inputs.addAll(TestInputs.rejectedKinds());
    Policy policy = TestInputs.flipAndSometimesFail();
    Map<String, TreeMap<String, byte[]>> outputs = new TreeMap<>();
    for (RunnerChoice runner : List.of(RunnerChoice.direct(2), RunnerChoice.flinkLocal(1), RunnerChoice.flinkLocal(2))) {
      String name = runner.runner() + "-" + runner.parallelism();
      Path out = tmp.resolve(name);
      preprocess(runner, out, inputs, policy);
      outputs.put(name, ShardFiles.contents(out));
    }
    TreeMap<String, byte[]> reference = outputs.get("direct-2");
    assertThat(reference.keySet()).contains("manifest.json", "rejected/train.jsonl",
        "train-00000-of-00003.tfrecord", "train-00002-of-00003.tfrecord.idx");
    for (var e : outputs.entrySet()) {
      assertThat(e.getValue().keySet()).as(e.getKey()).isEqualTo(reference.keySet());
      for (String file : reference.keySet()) {
        assertThat(e.getValue().get(file)).as(e.getKey() + ": " + file).isEqualTo(reference.get(file));
      }
    }
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void embeddedFlinkWithPipelinedExchangesFinishesWhenManyInputsAreRejected() throws Exception {
    // Far more rejected records than the network buffers between two steps hold: with every exchange
    // pipelined, a rejected stream that the manifest step read only after the shards would stall the job.
    List<SourceRecord> inputs = new ArrayList<>(TestInputs.valid(6));
    for (int i = 0; i < 6000; i++) {
      String key = String.format("bad/%05d", i);
      inputs.add(SourceRecord.encoded(key, 0, key + ".png", ("not an image, number " + i).getBytes()));
    }
    Policy policy = TestInputs.flipAndSometimesFail();
    preprocess(RunnerChoice.direct(2), tmp.resolve("direct"), inputs, policy);
    preprocess(RunnerChoice.flinkLocal(2), tmp.resolve("flink"), inputs, policy);
    TreeMap<String, byte[]> direct = ShardFiles.contents(tmp.resolve("direct"));
    TreeMap<String, byte[]> flink = ShardFiles.contents(tmp.resolve("flink"));
    assertThat(flink.keySet()).isEqualTo(direct.keySet());
    for (String file : direct.keySet()) {
      assertThat(flink.get(file)).as(file).isEqualTo(direct.get(file));
    }
    assertThat(new String(direct.get("rejected/train.jsonl")).lines()).hasSizeGreaterThanOrEqualTo(6000);
  }
}
