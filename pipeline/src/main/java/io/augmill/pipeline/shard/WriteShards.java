package io.augmill.pipeline.shard;

import io.augmill.datasets.shard.ShardInfo;
import io.augmill.datasets.shard.ShardName;
import io.augmill.datasets.shard.ShardWriter;
import io.augmill.pipeline.image.PipelineMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * The WriteShards step: writes every non-empty shard ({@code <split>-SSSSS-of-NNNNN.tfrecord} and its
 * {@code .idx}) from the sorted runs that {@link RunWriter}s made of the job's records, with records in
 * {@link ShardEntry#ORDER}. The output is one {@code (shard index, ShardInfo)} per non-empty shard; the Manifest
 * step writes the empty ones.
 *
 * <p>Shards are written by an external merge sort:
 * <ol>
 *   <li>The workers that make the records write them as sorted runs (a {@link RunWriter} per bundle, inside the
 *       Process step): each record is spilled to a file as it comes, with only its key and place kept in memory,
 *       and every {@link ShardPlan#runBytes} (or 16 384 records) they are sorted by shard and shard order into a run file in
 *       {@link #SCRATCH_DIRECTORY}. Only each shard's segment of a run (file, offset, length) leaves the worker:
 *       records never cross a shuffle, and sorting is spread over the workers like the rest of the per-record
 *       work.</li>
 *   <li>{@code GroupRuns} gathers each shard's segments, and {@code Spread} hands the shards to the workers in
 *       turn (a runner's hash partitioning would give some workers several shards and others none: on Flink,
 *       2 workers and 4 shards it gives 3 and 1, 8 workers and 16 shards 7 to one of them).</li>
 *   <li>{@code MergeRuns} merges a shard's segments into its file, at most 128 at a time (more are merged in
 *       passes through intermediate runs) with {@link #MERGE_BUFFER_BYTES} of read buffers between them.</li>
 * </ol>
 * Memory per worker is bounded by a run's index (at most 16 384 records), the merge's buffers and the 128
 * records it holds, whatever the dataset's size; disk use is about twice the shard set's size while it runs. The
 * scratch folder is removed by {@link #deleteScratch} once the manifest is written.
 */
public final class WriteShards
    extends PTransform<PCollection<KV<Integer, RunSegment>>, PCollection<KV<Integer, ShardInfo>>> {

  private static final long serialVersionUID = 1L;

  /** The folder inside the output directory that holds run files while a job runs. */
  public static final String SCRATCH_DIRECTORY = ".augmill-runs";

  /**
   * Read buffers of one shard's merge, shared by the (at most 128) segments it reads at once; a shard of more
   * runs is merged in passes through intermediate runs.
   */
  public static final int MERGE_BUFFER_BYTES = 8 << 20;

  private final ShardPlan plan;

  private WriteShards(ShardPlan plan) {
    this.plan = plan;
  }

  /** Writes the shards of {@code plan} from its runs' segments. */
  public static WriteShards of(ShardPlan plan) {
    return new WriteShards(plan);
  }

  /** Removes the run files a job left in {@code directory} (all of them, on success or failure). */
  public static void deleteScratch(Path directory) throws IOException {
    Path scratch = ShardPlan.scratch(directory);
    if (!Files.isDirectory(scratch)) {
      return;
    }
    try (Stream<Path> runs = Files.list(scratch)) {
      for (Path run : (Iterable<Path>) runs::iterator) {
        Files.deleteIfExists(run);
      }
    }
    Files.deleteIfExists(scratch);
  }

  @Override
  public PCollection<KV<Integer, ShardInfo>> expand(PCollection<KV<Integer, RunSegment>> segments) {
    return segments
        .apply("GroupRuns", GroupByKey.create())
        .apply("Spread", Reshuffle.of())
        .apply("MergeRuns", ParDo.of(new MergeRunsFn(plan)));
  }

  /** Merges one shard's segments into its file. */
  static final class MergeRunsFn extends DoFn<KV<Integer, Iterable<RunSegment>>, KV<Integer, ShardInfo>> {

    private static final long serialVersionUID = 1L;
    private final ShardPlan plan;
    private final Counter written = PipelineMetrics.counter(PipelineMetrics.WRITTEN);
    private final Counter bytesWritten = PipelineMetrics.counter(PipelineMetrics.BYTES_WRITTEN);

    MergeRunsFn(ShardPlan plan) {
      this.plan = plan;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<RunSegment>> shard, OutputReceiver<KV<Integer, ShardInfo>> out)
        throws IOException {
      List<RunSegment> segments = new ArrayList<>();
      shard.getValue().forEach(segments::add);
      try (ShardWriter writer = ShardWriter.create(Path.of(plan.directory()),
          new ShardName(plan.split(), shard.getKey(), plan.shards()))) {
        RunFile.merge(segments, plan.scratch(), MERGE_BUFFER_BYTES, r -> writer.writeSerialized(r.payload()));
        ShardInfo info = writer.finish();
        written.inc(writer.records());
        bytesWritten.inc(writer.bytes());
        out.output(KV.of(shard.getKey(), info));
      }
    }
  }
}
