package io.augmill.training.data;

import com.fasterxml.jackson.databind.JsonNode;
import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.Manifest;
import io.augmill.datasets.shard.ShardSet;
import io.augmill.datasets.stream.ShardStream;
import io.augmill.ops.image.ImageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.opencv.core.Mat;

/**
 * An Augmill shard set as an {@link ImageSource}, streamed with the datasets module's
 * {@link ShardStream} (one reader thread, so the order is a function of the seed alone).
 *
 * <p>Variants: a set with {@code K} records per input ({@code variants}, plus one when
 * {@code keep_original}, whose original is variant 0) yields variant {@code e mod K} in epoch
 * {@code e}, so every epoch sees each input once. Other variants are read and skipped. Classes,
 * {@code K} and per-epoch counts come from the manifest; a set without one (written by another tool)
 * is counted in one pass at open, with classes named by their label ({@code "0"}, {@code "1"}, ...).
 * Normalisation comes from the manifest's {@code stats.mean}/{@code stats.std} (0–1 scale) when present.
 */
public final class ShardSource implements ImageSource {

  private final Path dir;
  private final List<Path> shards;
  private final List<String> classes;
  private final List<Long> variants;
  private final TreeMap<Long, Long> perVariant;
  private final Normalization normalization;

  private ShardSource(Path dir, List<Path> shards, List<String> classes, TreeMap<Long, Long> perVariant,
      Normalization normalization) {
    this.dir = dir;
    this.shards = shards;
    this.classes = classes;
    this.perVariant = perVariant;
    this.variants = new ArrayList<>(perVariant.keySet());
    this.normalization = normalization;
  }

  /**
   * Opens a shard set directory.
   *
   * @throws IOException naming the directory when it holds no shards, or a shard or record when the
   *     counting pass (sets without a manifest) hits a bad one
   */
  public static ShardSource open(Path dir) throws IOException {
    ShardSet set = ShardSet.open(dir);
    Optional<Manifest> manifest = set.manifest();
    List<Path> shards = manifest.map(m -> set.shards(m.split())).orElse(set.shards());
    if (shards.isEmpty()) {
      throw new IOException(dir + ": no shards of split '" + manifest.get().split() + "' (the manifest's split)");
    }
    TreeMap<Long, Long> perVariant = new TreeMap<>();
    List<String> classes;
    if (manifest.isPresent() && manifest.get().rejected().variants() == 0 && !manifest.get().classes().isEmpty()) {
      Manifest m = manifest.get();
      long k = Math.max(1, m.recordsPerInput());
      for (long v = 0; v < k; v++) {
        perVariant.put(v, m.records() / k);
      }
      classes = m.classes();
    } else {
      long maxLabel = count(shards, perVariant);
      classes = manifest.map(Manifest::classes).filter(c -> !c.isEmpty()).orElseGet(() -> {
        List<String> names = new ArrayList<>();
        for (long i = 0; i <= maxLabel; i++) {
          names.add(Long.toString(i));
        }
        return names;
      });
    }
    if (perVariant.isEmpty()) {
      throw new IOException(dir + ": the shards hold no records");
    }
    return new ShardSource(dir, shards, classes, perVariant, manifest.flatMap(ShardSource::stats).orElse(null));
  }

  private static long count(List<Path> shards, TreeMap<Long, Long> perVariant) throws IOException {
    long maxLabel = -1;
    try (ShardStream s = ShardStream.builder(shards).optShuffle(false).optReaderThreads(1).build()) {
      while (s.hasNext()) {
        ImageExample e = s.next();
        perVariant.merge(e.variant(), 1L, Long::sum);
        maxLabel = Math.max(maxLabel, e.label());
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    return maxLabel;
  }

  private static Optional<Normalization> stats(Manifest m) {
    JsonNode mean = m.stats().path("mean");
    JsonNode std = m.stats().path("std");
    if (!mean.isArray() || !std.isArray() || mean.size() != std.size() || mean.isEmpty()) {
      return Optional.empty();
    }
    double scale = "0-255".equals(m.stats().path("scale").asText("0-1")) ? 255.0 : 1.0;
    double[] mu = new double[mean.size()];
    double[] sd = new double[std.size()];
    for (int i = 0; i < mu.length; i++) {
      mu[i] = mean.get(i).asDouble() / scale;
      sd[i] = std.get(i).asDouble() / scale;
    }
    try {
      return Optional.of(new Normalization(mu, sd));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The variant index epoch {@code epoch} reads. */
  public long variantOf(int epoch) {
    return variants.get(Math.floorMod(epoch, variants.size()));
  }

  @Override
  public List<String> classes() {
    return classes;
  }

  @Override
  public long size(int epoch) {
    return perVariant.get(variantOf(epoch));
  }

  @Override
  public RecordStream open(int epoch, RandomGenerator rng) {
    List<Path> order = new ArrayList<>(shards);
    if (rng != null) {
      Collections.shuffle(order, new java.util.Random(rng.nextLong()));
    }
    long variant = variantOf(epoch);
    ShardStream stream = ShardStream.builder(order).optShuffle(false).optReaderThreads(1).build();
    int k = classes.size();
    return new RecordStream() {
      private EncodedRecord next;

      @Override
      public boolean hasNext() {
        try {
          while (next == null && stream.hasNext()) {
            ImageExample e = stream.next();
            if (e.variant() == variant) {
              next = record(e, k);
            }
          }
        } catch (UncheckedIOException e) {
          throw new DataLoadException(dir + ": " + e.getMessage(), e);
        }
        return next != null;
      }

      @Override
      public EncodedRecord next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        EncodedRecord out = next;
        next = null;
        return out;
      }

      @Override
      public void close() {
        stream.close();
      }
    };
  }

  private static EncodedRecord record(ImageExample e, int classes) {
    if (e.label() < 0 || e.label() >= classes) {
      throw new DataLoadException(e.key() + ": label " + e.label() + " outside [0, " + classes + ") (the manifest's classes)");
    }
    int label = (int) e.label();
    return new EncodedRecord() {
      @Override
      public String key() {
        return e.key();
      }

      @Override
      public DecodedImage decode() {
        if (e.format() == ImageCodec.Format.RAW) {
          return new DecodedImage(e.key(), label, e.height(), e.width(), e.channels(), e.encoded());
        }
        Mat m;
        try {
          m = e.decode();
        } catch (RuntimeException ex) {
          throw new DataLoadException(e.key() + ": " + ex.getMessage(), ex);
        }
        try {
          return Pixels.fromMat(m, e.key(), label);
        } finally {
          m.release();
        }
      }
    };
  }

  @Override
  public Optional<Normalization> normalization() {
    return Optional.ofNullable(normalization);
  }

  @Override
  public String describe() {
    return dir.toString();
  }
}
