package io.augmill.training.bench;

import io.augmill.datasets.source.DataSource;
import io.augmill.datasets.source.RecordIterator;
import io.augmill.datasets.source.SourceRecord;
import io.augmill.datasets.source.Sources;
import io.augmill.training.TestShards;
import io.augmill.training.data.DecodedImage;
import io.augmill.training.data.InMemorySource;
import io.augmill.training.data.Pixels;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;

/**
 * Writes an unaugmented PNG shard set (one variant, manifest with per-channel stats) from a dataset
 * {@code SRC}, for benchmarks and trainer demos on machines without the Beam pipeline built. Not a
 * replacement for {@code augmill preprocess}: no policy, everything in memory.
 *
 * <p>Arguments: {@code SRC SPLIT OUT [SHARDS] [LIMIT]}.
 */
public final class WriteShards {

  private WriteShards() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    DataSource src = Sources.open(args[0], args[1]);
    Path out = Path.of(args[2]);
    int shards = args.length > 3 ? Integer.parseInt(args[3]) : 4;
    long limit = args.length > 4 ? Long.parseLong(args[4]) : Long.MAX_VALUE;
    List<DecodedImage> images = new ArrayList<>();
    try (RecordIterator it = src.readAll()) {
      while (it.hasNext() && images.size() < limit) {
        SourceRecord r = it.next();
        Mat m = r.decode();
        images.add(Pixels.fromMat(m, r.key(), r.label()));
        m.release();
      }
    }
    int c = images.get(0).channels();
    double[] sum = new double[c];
    double[] sq = new double[c];
    long n = 0;
    for (DecodedImage im : images) {
      byte[] p = im.pixels();
      for (int j = 0; j < p.length; j++) {
        double v = (p[j] & 0xff) / 255.0;
        sum[j % c] += v;
        sq[j % c] += v * v;
      }
      n += (long) im.height() * im.width();
    }
    double[] mean = new double[c];
    double[] std = new double[c];
    for (int k = 0; k < c; k++) {
      mean[k] = sum[k] / n;
      std[k] = Math.sqrt(sq[k] / n - mean[k] * mean[k]);
    }
    List<String> classes = src.classes();
    if (classes.isEmpty()) {
      int max = images.stream().mapToInt(DecodedImage::label).max().orElse(0);
      classes = new ArrayList<>();
      for (int i = 0; i <= max; i++) {
        classes.add(Integer.toString(i));
      }
    }
    TestShards.write(out, new InMemorySource(classes, images, null), args[1], 1, shards, true, mean, std, false);
    System.out.println(out + ": " + images.size() + " records, " + classes.size() + " classes");
  }
}
