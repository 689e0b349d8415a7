package io.augmill.datasets.source;

import io.augmill.ops.image.ImageSamples;
import io.augmill.ops.image.UnsupportedImageException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lets commands such as {@code augmill preview --input cifar10:DIR} take example images from any dataset
 * source (its train split, or its test split when it has no train split). Picks {@code count} records by reservoir sampling with the seed, so it streams
 * the source once and holds only the chosen records; records that fail to decode are passed over.
 */
public final class DatasetSamples implements ImageSamples {

  @Override
  public boolean accepts(String source) {
    return Sources.isDataset(source);
  }

  @Override
  public List<Sample> take(String source, int count, long seed) throws IOException {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, got " + count);
    }
    DataSource data;
    try {
      data = Sources.open(source, "train");
    } catch (IOException noTrain) {
      // A shard set or folder may hold only a test split; preview whatever split is there.
      try {
        data = Sources.open(source, "test");
      } catch (IOException | RuntimeException noTest) {
        throw noTrain;
      }
    }
    SplittableRandom rng = new SplittableRandom(seed);
    List<SourceRecord> chosen = new ArrayList<>();
    long seen = 0;
    try (RecordIterator it = data.readAll()) {
      while (it.hasNext()) {
        SourceRecord r = it.next();
        if (r.failed()) {
          continue;
        }
        seen++;
        if (chosen.size() < count) {
          chosen.add(r);
        } else {
          long j = rng.nextLong(seen);
          if (j < count) {
            chosen.set((int) j, r);
          }
        }
      }
    }
    List<Sample> out = new ArrayList<>();
    for (SourceRecord r : chosen) {
      try {
        String label = r.label() >= 0 && r.label() < data.classes().size() ? data.classes().get(r.label())
            : r.label() >= 0 ? Integer.toString(r.label()) : "";
        out.add(new Sample(r.key(), label, r.decode()));
      } catch (UnsupportedImageException e) {
        // An undecodable record is not an example image; the others still are.
      }
    }
    if (out.isEmpty()) {
      throw new IOException(source + ": no decodable images");
    }
    return out;
  }
}
