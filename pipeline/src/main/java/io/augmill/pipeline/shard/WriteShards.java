package io.augmill.pipeline.shard;

import io.augmill.datasets.example.ExampleCodec;
import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.ShardInfo;
import io.augmill.datasets.shard.ShardName;
import io.augmill.datasets.shard.ShardWriter;
import io.augmill.pipeline.image.PipelineMetrics;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.GroupByKey;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.KV;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptor;
import org.apache.beam.sdk.values.TypeDescriptors;

/**
 * The WriteShards step: serializes each record as a {@code tf.train.Example}, sends it to the shard
 * {@link ShardAssignment#shardOf} picks, and writes every non-empty shard
 * ({@code <split>-SSSSS-of-NNNNN.tfrecord} and its {@code .idx}) with records ordered by key, then
 * variant. The output is one {@code (shard index, ShardInfo)} per non-empty shard; the Manifest step
 * writes the empty ones.
 *
 * <p>A shard's records are first appended to a spill file next to the output and only their keys and
 * offsets are kept and sorted in memory, so memory grows with the number of records in a shard (tens of
 * bytes each), not with their size.
 */
public final class WriteShards extends PTransform<PCollection<ImageExample>, PCollection<KV<Integer, ShardInfo>>> {

  private static final long serialVersionUID = 1L;

  private final String directory;
  private final String split;
  private final int shards;

  private WriteShards(String directory, String split, int shards) {
    this.directory = directory;
    this.split = split;
    this.shards = shards;
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
    return new WriteShards(directory, split, shards);
  }

  @Override
  public PCollection<KV<Integer, ShardInfo>> expand(PCollection<ImageExample> input) {
    int count = shards;
    return input
        .apply("Serialize", MapElements
            .into(TypeDescriptors.kvs(TypeDescriptors.integers(), TypeDescriptor.of(ShardEntry.class)))
            .via((ImageExample e) -> KV.of(ShardAssignment.shardOf(e.key(), (int) e.variant(), count),
                new ShardEntry(e.key(), (int) e.variant(), ExampleCodec.encode(e)))))
        .setCoder(KvCoder.of(VarIntCoder.of(), ShardEntry.CODER))
        .apply("GroupByShard", GroupByKey.create())
        .apply("WriteShard", ParDo.of(new WriteShardFn(directory, split, shards)));
  }

  /** Where one record sits in the spill file. */
  private record Spilled(String key, int variant, long offset, int length) {}

  private static final Comparator<Spilled> BY_KEY_AND_VARIANT = Comparator.comparing(Spilled::key)
      .thenComparingInt(Spilled::variant);

  /** Writes one shard from its grouped records. */
  static final class WriteShardFn extends DoFn<KV<Integer, Iterable<ShardEntry>>, KV<Integer, ShardInfo>> {

    private static final long serialVersionUID = 1L;
    private final String directory;
    private final String split;
    private final int shards;
    private final Counter written = PipelineMetrics.counter(PipelineMetrics.WRITTEN);
    private final Counter bytesWritten = PipelineMetrics.counter(PipelineMetrics.BYTES_WRITTEN);

    WriteShardFn(String directory, String split, int shards) {
      this.directory = directory;
      this.split = split;
      this.shards = shards;
    }

    @ProcessElement
    public void process(@Element KV<Integer, Iterable<ShardEntry>> shard, OutputReceiver<KV<Integer, ShardInfo>> out)
        throws IOException {
      Path dir = Path.of(directory);
      Files.createDirectories(dir);
      ShardName name = new ShardName(split, shard.getKey(), shards);
      Path spill = Files.createTempFile(dir, "." + name.fileName(), ".spill");
      try {
        List<Spilled> index = spill(shard.getValue(), spill);
        index.sort(BY_KEY_AND_VARIANT);
        orderDuplicatesByPayload(index, spill);
        ShardInfo info = write(dir, name, spill, index);
        out.output(KV.of(shard.getKey(), info));
      } finally {
        Files.deleteIfExists(spill);
      }
    }

    private static List<Spilled> spill(Iterable<ShardEntry> entries, Path spill) throws IOException {
      List<Spilled> index = new ArrayList<>();
      long offset = 0;
      try (OutputStream file = Files.newOutputStream(spill);
          DataOutputStream data = new DataOutputStream(new BufferedOutputStream(file, 1 << 16))) {
        for (ShardEntry e : entries) {
          byte[] payload = e.payload();
          data.write(payload);
          index.add(new Spilled(e.key(), e.variant(), offset, payload.length));
          offset += payload.length;
        }
      }
      return index;
    }

    /**
     * Orders each run of records with the same key and variant (a source that repeats a key) by
     * {@link ShardEntry#payloadHash}. Only such runs are hashed, so the common case of unique keys
     * never reads a payload twice.
     */
    private static void orderDuplicatesByPayload(List<Spilled> index, Path spill) throws IOException {
      int start = 0;
      while (start < index.size()) {
        int end = start + 1;
        while (end < index.size() && BY_KEY_AND_VARIANT.compare(index.get(start), index.get(end)) == 0) {
          end++;
        }
        if (end - start > 1) {
          sortByPayloadHash(index.subList(start, end), spill);
        }
        start = end;
      }
    }

    private static void sortByPayloadHash(List<Spilled> run, Path spill) throws IOException {
      Map<Spilled, Long> hashes = new IdentityHashMap<>();
      try (RandomAccessFile in = new RandomAccessFile(spill.toFile(), "r")) {
        for (Spilled s : run) {
          hashes.put(s, ShardEntry.payloadHash(read(in, s)));
        }
      }
      run.sort(Comparator.comparingLong(hashes::get));
    }

    private static byte[] read(RandomAccessFile in, Spilled s) throws IOException {
      byte[] payload = new byte[s.length()];
      in.seek(s.offset());
      in.readFully(payload);
      return payload;
    }

    private ShardInfo write(Path dir, ShardName name, Path spill, List<Spilled> index) throws IOException {
      try (RandomAccessFile in = new RandomAccessFile(spill.toFile(), "r");
          ShardWriter writer = ShardWriter.create(dir, name)) {
        for (Spilled s : index) {
          writer.writeSerialized(read(in, s));
        }
        ShardInfo info = writer.finish();
        written.inc(writer.records());
        bytesWritten.inc(writer.bytes());
        return info;
      }
    }
  }
}
