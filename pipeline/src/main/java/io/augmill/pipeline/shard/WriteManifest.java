package io.augmill.pipeline.shard;

import io.augmill.datasets.shard.Manifest;
import io.augmill.datasets.shard.RejectedLog;
import io.augmill.datasets.shard.RejectedRecord;
import io.augmill.datasets.shard.ShardInfo;
import io.augmill.datasets.shard.ShardName;
import io.augmill.datasets.shard.ShardWriter;
import io.augmill.ops.spec.TransformJson;
import io.augmill.pipeline.stats.ChannelStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;
import org.apache.beam.sdk.values.TupleTag;

/**
 * The Manifest step: once every shard is written, writes the empty shards (so the set always has
 * {@code N} files), {@code rejected/<split>.jsonl} (sorted by key, then variant) and
 * {@code manifest.json} with the counts, and fails the job if
 * {@code inputs × per-input ≠ records + rejected.inputs × per-input + rejected.variants}.
 * Its input is a tuple of the written shards, the input count, the rejected records and the statistics.
 */
public final class WriteManifest extends PTransform<PCollectionTuple, PCollection<String>> {

  private static final long serialVersionUID = 1L;

  /** Written shards, from {@link WriteShards}. */
  public static final TupleTag<KV<Integer, ShardInfo>> SHARDS = new TupleTag<>("shards") {};
  /** The number of inputs read (one element). */
  public static final TupleTag<Long> INPUTS = new TupleTag<>("inputs") {};
  /** Every rejected input and variant. */
  public static final TupleTag<RejectedRecord> REJECTED = new TupleTag<>("rejected") {};
  /** The input statistics (one element). */
  public static final TupleTag<ChannelStats> STATS = new TupleTag<>("stats") {};

  /** Order of {@code rejected/*.jsonl}: key, whole inputs before variants, variant, reason. */
  public static final Comparator<RejectedRecord> REJECTED_ORDER = Comparator.comparing(RejectedRecord::key)
      .thenComparing(RejectedRecord::variant, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(RejectedRecord::reason)
      .thenComparing(RejectedRecord::source);

  private final ManifestTemplate template;

  private WriteManifest(ManifestTemplate template) {
    this.template = template;
  }

  /** Writes the manifest described by {@code template}. */
  public static WriteManifest of(ManifestTemplate template) {
    return new WriteManifest(template);
  }

  @Override
  public PCollection<String> expand(PCollectionTuple input) {
    PCollectionView<List<KV<Integer, ShardInfo>>> shards = input.get(SHARDS).apply("ShardsView", View.asList());
    PCollectionView<Long> inputs = input.get(INPUTS).apply("InputsView", View.asSingleton());
    PCollectionView<List<RejectedRecord>> rejected = input.get(REJECTED).apply("RejectedView", View.asList());
    PCollectionView<ChannelStats> stats = input.get(STATS).apply("StatsView", View.asSingleton());
    return input.getPipeline()
        .apply("Trigger", Create.of(template.directory()))
        .apply("WriteManifestFile", ParDo.of(new ManifestFn(template, shards, inputs, rejected, stats))
            .withSideInputs(shards, inputs, rejected, stats));
  }

  /** Writes the final files from the side inputs. */
  static final class ManifestFn extends DoFn<String, String> {

    private static final long serialVersionUID = 1L;
    private final ManifestTemplate t;
    private final PCollectionView<List<KV<Integer, ShardInfo>>> shardsView;
    private final PCollectionView<Long> inputsView;
    private final PCollectionView<List<RejectedRecord>> rejectedView;
    private final PCollectionView<ChannelStats> statsView;

    ManifestFn(ManifestTemplate t, PCollectionView<List<KV<Integer, ShardInfo>>> shardsView,
        PCollectionView<Long> inputsView, PCollectionView<List<RejectedRecord>> rejectedView,
        PCollectionView<ChannelStats> statsView) {
      this.t = t;
      this.shardsView = shardsView;
      this.inputsView = inputsView;
      this.rejectedView = rejectedView;
      this.statsView = statsView;
    }

    @ProcessElement
    public void process(ProcessContext c) throws IOException {
      Path dir = Path.of(t.directory());
      List<ShardInfo> shards = allShards(dir, c.sideInput(shardsView));
      List<RejectedRecord> rejected = new ArrayList<>(c.sideInput(rejectedView));
      rejected.sort(REJECTED_ORDER);
      writeRejected(dir.resolve(RejectedLog.DIRECTORY).resolve(t.split() + ".jsonl"), rejected);
      long records = shards.stream().mapToLong(ShardInfo::records).sum();
      Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, t.split(), records, t.classes(), t.codec(),
          TransformJson.JSON.readTree(t.policyJson()), t.seed(), t.variants(), t.keepOriginal(), t.source(),
          t.toolVersion(), shards, c.sideInput(inputsView), summarise(rejected), c.sideInput(statsView).toJson());
      List<String> problems = manifest.countProblems();
      if (!problems.isEmpty()) {
        throw new IllegalStateException(dir + ": record counts do not add up: " + String.join("; ", problems));
      }
      manifest.write(dir.resolve(Manifest.FILE_NAME));
      try {
        WriteShards.deleteScratch(dir);
      } catch (IOException e) {
        // The shard set is complete; the driver removes the run files again after the job and reports failure.
      }
      c.output(manifest.toJson());
    }

    private List<ShardInfo> allShards(Path dir, List<KV<Integer, ShardInfo>> written) throws IOException {
      Map<Integer, ShardInfo> byIndex = new HashMap<>();
      written.forEach(kv -> byIndex.put(kv.getKey(), kv.getValue()));
      List<ShardInfo> out = new ArrayList<>();
      for (int i = 0; i < t.shards(); i++) {
        ShardInfo info = byIndex.get(i);
        if (info == null) {
          try (ShardWriter empty = ShardWriter.create(dir, new ShardName(t.split(), i, t.shards()))) {
            info = empty.finish();
          }
        }
        out.add(info);
      }
      return out;
    }

    private static void writeRejected(Path file, List<RejectedRecord> rejected) throws IOException {
      try (RejectedLog log = RejectedLog.create(file)) {
        for (RejectedRecord r : rejected) {
          log.write(r);
        }
      }
    }

    private static Manifest.Rejected summarise(List<RejectedRecord> rejected) {
      long inputs = 0;
      long variants = 0;
      Map<String, Long> byReason = new TreeMap<>();
      for (RejectedRecord r : rejected) {
        if (r.variant() == null) {
          inputs++;
        } else {
          variants++;
        }
        Manifest.count(byReason, r.reason(), 1);
      }
      return new Manifest.Rejected(inputs, variants, byReason);
    }
  }
}
