package io.augmill.pipeline.shard;

import io.augmill.datasets.example.ExampleCodec;
import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.ShardInfo;
import io.augmill.datasets.shard.ShardName;
import io.augmill.datasets.shard.ShardWriter;
import io.augmill.pipeline.image.PipelineMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.stream.Stream;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.Reshuffle;
import org.apache.beam.sdk.transforms.windowing.BoundedWindow;
import org.apache.beam.sdk.transforms.windowing.GlobalWindow;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;

/**
 * The WriteShards step: serializes each record as a {@code tf.train.Example}, routes it to the shard
 * {@link ShardAssignment#shardOf} picks, and writes every non-empty shard
 * ({@code <split>-SSSSS-of-NNNNN.tfrecord} and its {@code .idx}) with records in {@link ShardEntry#ORDER}. The
 * output is one {@code (shard index, ShardInfo)} per non-empty shard; the Manifest step writes the empty ones.
 *
 * <p>It is an external merge sort in three steps:
 * <ol>
 *   <li>{@code SortRuns}, in the workers that made the records: each worker appends its records to a spill
 *       file and keeps only their keys and places in memory; every {@link #RUN_BYTES} (and at the end of a
 *       bundle) it sorts them by shard and shard order and writes them as a run file into
 *       {@link #SCRATCH_DIRECTORY}. Only each shard's segment of a run (file, offset, length) travels on:
 *       records never cross a shuffle, and sorting is spread over the workers like the rest of the per-record
 *       work.</li>
 *   <li>{@code GroupRuns} gathers each shard's segments, and {@code Spread} hands the shards to the workers in
 *       turn (a runner's hash partitioning would give some workers several shards and others none: on Flink,
 *       2 workers and 4 shards it gives 3 and 1, 8 workers and 16 shards 7 to one of them).</li>
 *   <li>{@code MergeRuns} merges a shard's segments into its file, holding at most
 *       {@link #MERGE_BUFFER_BYTES} of them at a time.</li>
 * </ol>
 * Memory per worker is bounded by a run's index and the merge's buffers, whatever the dataset's size, on every
 * runner (the DirectRunner no longer holds every record of the job in memory). The
 * scratch folder is removed by {@link #deleteScratch} once the manifest is written.
 */
public final class WriteShards extends PTransform<PCollection<ImageExample>, PCollection<KV<Integer, ShardInfo>>> {

  private static final long serialVersionUID = 1L;

  /** The folder inside the output directory that holds run files while a job runs. */
  public static final String SCRATCH_DIRECTORY = ".augmill-runs";

  /**
   * Serialized bytes of records in one run. They wait in a spill file, not in memory (only their keys and places
   * do), so runs can be large and few.
   */
  public static final long RUN_BYTES = 512L << 20;

  /** Read buffers of one shard's merge, shared by its segments. */
  public static final int MERGE_BUFFER_BYTES = 32 << 20;

  private final String directory;
  private final String split;
  private final int shards;
  private final long runBytes;

  private WriteShards(String directory, String split, int shards, long runBytes) {
    this.directory = directory;
    this.split = split;
    this.shards = shards;
    this.runBytes = runBytes;
  }

  /**
   * Writes shards.
   *
   * @param directory the output directory (reachable by every worker)
   * @param split the split name in the file names
   * @param shards the shard count, at least 1
   */
  public static WriteShards to(String directory, String split, int shards) {
    new ShardName(split, 0, shards);
    return new WriteShards(directory, split, shards, RUN_BYTES);
  }

  /** The same step with another run buffer (tests use a small one to make many runs). */
  WriteShards withRunBytes(long bytes) {
    return new WriteShards(directory, split, shards, bytes);
  }

  /** Removes the run files a job left in {@code directory} (all of them, on success or failure). */
  public static void deleteScratch(Path directory) throws IOException {
    Path scratch = directory.resolve(SCRATCH_DIRECTORY);
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
  public PCollection<KV<Integer, ShardInfo>> expand(PCollection<ImageExample> input) {
    return input
        .apply("SortRuns", ParDo.of(new SortRunsFn(directory, shards, runBytes)))
        .setCoder(KvCoder.of(VarIntCoder.of(), RunSegment.CODER))
        .apply("GroupRuns", GroupByKey.create())
        .apply("Spread", Reshuffle.of())
        .apply("MergeRuns", ParDo.of(new MergeRunsFn(directory, split, shards)));
  }

  /** Collects records into run files, emitting each shard's segment of each run. */
  static final class SortRunsFn extends DoFn<ImageExample, KV<Integer, RunSegment>> {

    private static final long serialVersionUID = 1L;
    private final String directory;
    private final int shards;
    private final long runBytes;
    private transient RunFile.Builder run;

    SortRunsFn(String directory, int shards, long runBytes) {
      this.directory = directory;
      this.shards = shards;
      this.runBytes = runBytes;
    }

    @ProcessElement
    public void process(@Element ImageExample e, OutputReceiver<KV<Integer, RunSegment>> out) throws IOException {
      if (run == null) {
        run = new RunFile.Builder(Path.of(directory).resolve(SCRATCH_DIRECTORY));
      }
      int variant = (int) e.variant();
      run.add(ShardAssignment.shardOf(e.key(), variant, shards), e.key(), variant, ExampleCodec.encode(e));
      if (run.bytes() >= runBytes || run.records() >= RunFile.MAX_RUN_RECORDS) {
        finishRun().forEach(out::output);
      }
    }

    @FinishBundle
    public void finishBundle(FinishBundleContext c) throws IOException {
      for (KV<Integer, RunSegment> segment : finishRun()) {
        c.output(segment, BoundedWindow.TIMESTAMP_MIN_VALUE, GlobalWindow.INSTANCE);
      }
    }

    /** Cleans up after a failed bundle. */
    @Teardown
    public void teardown() throws IOException {
      if (run != null) {
        run.close();
        run = null;
      }
    }

    private List<KV<Integer, RunSegment>> finishRun() throws IOException {
      if (run == null) {
        return List.of();
      }
      try (RunFile.Builder finishing = run) {
        run = null;
        return finishing.finish();
      }
    }
  }

  /** Merges one shard's segments into its file. */
  static final class MergeRunsFn extends DoFn<KV<Integer, Iterable<RunSegment>>, KV<Integer, ShardInfo>> {

    private static final long serialVersionUID = 1L;
    private static final Comparator<RunFile.SegmentReader> BY_CURRENT =
        Comparator.comparing(RunFile.SegmentReader::current, ShardEntry.ORDER);
    private final String directory;
    private final String split;
    private final int shards;
    private final Counter written = PipelineMetrics.counter(PipelineMetrics.WRITTEN);
    private final Counter bytesWritten = PipelineMetrics.counter(PipelineMetrics.BYTES_WRITTEN);

    MergeRunsFn(String directory, String split, int shards) {
      this.directory = directory;
      this.split = split;
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<RunSegment>> shard, OutputReceiver<KV<Integer, ShardInfo>> out)
        throws IOException {
      List<RunSegment> segments = new ArrayList<>();
      shard.getValue().forEach(segments::add);
      int bufferBytes = Math.max(4096, MERGE_BUFFER_BYTES / Math.max(1, segments.size()));
      PriorityQueue<RunFile.SegmentReader> heads = new PriorityQueue<>(Math.max(1, segments.size()), BY_CURRENT);
      for (RunSegment s : segments) {
        RunFile.SegmentReader reader = new RunFile.SegmentReader(s, bufferBytes);
        if (reader.advance()) {
          heads.add(reader);
        }
      }
      try (ShardWriter writer = ShardWriter.create(Path.of(directory), new ShardName(split, shard.getKey(), shards))) {
        while (!heads.isEmpty()) {
          RunFile.SegmentReader next = heads.poll();
          writer.writeSerialized(next.current().payload());
          if (next.advance()) {
            heads.add(next);
          }
        }
        ShardInfo info = writer.finish();
        written.inc(writer.records());
        bytesWritten.inc(writer.bytes());
        out.output(KV.of(shard.getKey(), info));
      }
    }
  }
}
