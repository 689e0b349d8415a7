package io.augmill.datasets.source;

import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.ShardIndex;
import io.augmill.datasets.shard.ShardReader;
import io.augmill.datasets.shard.ShardRecordException;
import io.augmill.datasets.shard.ShardSet;
import io.augmill.datasets.tfrecord.TFRecordException;
import io.augmill.ops.image.ImageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * An Augmill shard set (or any directory of TFRecord files of the same Example features) read back as
 * a source: the split's shards in name order, each splittable by record range through its
 * {@code .idx} file (or a scan when there is none). Keys are the records' {@code image/key}; class names
 * come from the manifest when there is one. A malformed record stops the read with a
 * {@link DatasetFormatException} naming the shard, byte offset and record index.
 */
public final class TFRecordSource implements DataSource {

  private static final long serialVersionUID = 1L;

  private final String description;
  private final String split;
  private final List<String> files;
  private final long[] counts;
  private final List<String> classes;

  /** @throws IOException naming the directory when it holds no shards of the split */
  public TFRecordSource(String description, Path dir, String split) throws IOException {
    this.description = description;
    this.split = split;
    ShardSet set = ShardSet.open(dir);
    List<Path> shards = set.shards(split);
    if (shards.isEmpty()) {
      throw new IOException(dir + ": no " + split + "-*.tfrecord shards");
    }
    files = new ArrayList<>();
    counts = new long[shards.size()];
    for (int i = 0; i < shards.size(); i++) {
      files.add(shards.get(i).toAbsolutePath().toString());
      try {
        counts[i] = ShardIndex.of(shards.get(i)).size();
      } catch (TFRecordException e) {
        throw new DatasetFormatException(e.file(), e.offset(), e.recordIndex(), e.reason() + ": " + e.getMessage());
      }
    }
    classes = set.classes();
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public String split() {
    return split;
  }

  @Override
  public List<String> classes() {
    return classes;
  }

  @Override
  public long count() {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }

  @Override
  public List<SourceSplit> splits(int desired) {
    DataSource.requirePositive(desired);
    int perFile = Math.max(1, (desired + files.size() - 1) / files.size());
    List<SourceSplit> out = new ArrayList<>();
    long keyBase = 0;
    for (int i = 0; i < files.size(); i++) {
      out.addAll(DataSource.ranges(files.get(i), counts[i], perFile, keyBase));
      keyBase += counts[i];
    }
    return out;
  }

  @Override
  public RecordIterator read(SourceSplit split) throws IOException {
    if (!files.contains(split.file())) {
      throw new IllegalArgumentException("split " + split + " does not belong to " + description);
    }
    Path file = Path.of(split.file());
    ShardReader reader = ShardReader.open(file, ShardIndex.of(file), (int) split.first(), (int) split.end(), true);
    String name = file.getFileName().toString();
    return new RecordIterator() {
      SourceRecord pending;
      boolean done;

      @Override
      public boolean hasNext() {
        if (pending == null && !done) {
          long index = reader.recordIndex();
          try {
            ImageExample e = reader.next();
            if (e == null) {
              done = true;
            } else {
              pending = toRecord(e, name + "#" + index);
            }
          } catch (TFRecordException e) {
            throw new DatasetFormatException(e.file(), e.offset(), e.recordIndex(), e.reason());
          } catch (ShardRecordException e) {
            throw new DatasetFormatException(e.file(), e.offset(), e.recordIndex(), e.reason() + ": "
                + e.getCause().getMessage());
          } catch (IOException e) {
            throw new UncheckedIOException(file + ": read failed at record " + index, e);
          }
        }
        return pending != null;
      }

      @Override
      public SourceRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        SourceRecord r = pending;
        pending = null;
        return r;
      }

      @Override
      public void close() {
        try {
          reader.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private static SourceRecord toRecord(ImageExample e, String location) {
    int label = (int) e.label();
    if (e.format() == ImageCodec.Format.RAW) {
      return SourceRecord.pixels(e.key(), label, -1, location, e.encoded(), e.width(), e.height(), e.channels());
    }
    return SourceRecord.encoded(e.key(), label, location, e.encoded());
  }
}
