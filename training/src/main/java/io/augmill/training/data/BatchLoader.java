package io.augmill.training.data;

import io.augmill.ops.policy.Seeds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Streams one epoch of a source as {@link HostBatch}es. A producer thread reads records (through a
 * shuffle buffer when training), hands each batch's records to {@code threads} decoder threads, and
 * queues finished batches up to {@code prefetch} ahead of the consumer. Records keep their order
 * whatever the thread count, and per-image randomness (random crop, flip) comes from
 * {@code (seed, key, epoch)}, so a run is reproducible with any number of threads.
 */
public final class BatchLoader implements Iterator<HostBatch>, AutoCloseable {

  private static final Object END = new Object();

  private final BlockingQueue<Object> queue;
  private final ExecutorService decoders;
  private final Thread producer;
  private final RecordStream records;
  private Object next;

  private BatchLoader(Builder b) throws IOException {
    this.queue = new ArrayBlockingQueue<>(Math.max(1, b.prefetch));
    this.decoders = Executors.newFixedThreadPool(Math.max(1, b.threads), daemon("augmill-decode"));
    this.records = b.source.open(b.epoch, b.shuffle);
    Iterator<EncodedRecord> ordered = b.shuffle == null ? records : new ShuffleBuffer<>(records, b.shuffleBuffer, b.shuffle);
    this.producer = daemon("augmill-batches").newThread(() -> produce(b, ordered));
    producer.start();
  }

  /** A builder; source, batch size, shape and normalisation are required. */
  public static Builder builder() {
    return new Builder();
  }

  private void produce(Builder b, Iterator<EncodedRecord> records) {
    try {
      long emitted = 0;
      while (records.hasNext() && (b.limit <= 0 || emitted < b.limit)) {
        List<EncodedRecord> chunk = new ArrayList<>(b.batchSize);
        while (chunk.size() < b.batchSize && records.hasNext()) {
          chunk.add(records.next());
        }
        if (chunk.size() < b.batchSize && b.dropLast) {
          break;
        }
        queue.put(assemble(b, chunk));
        emitted++;
      }
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      offerFailure(e);
    } finally {
      this.records.close();
    }
  }

  private void offerFailure(RuntimeException e) {
    try {
      queue.clear();
      queue.put(e);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }

  private HostBatch assemble(Builder b, List<EncodedRecord> chunk) throws InterruptedException {
    ImageShape shape = b.shape;
    int volume = shape.volume();
    float[] images = new float[chunk.size() * volume];
    int[] labels = new int[chunk.size()];
    List<Future<?>> pending = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      int slot = i;
      EncodedRecord rec = chunk.get(i);
      pending.add(decoders.submit(() -> {
        DecodedImage im = rec.decode();
        if (!ImageShape.of(im).equals(shape)) {
          throw new DataLoadException(im.key() + ": image is " + ImageShape.of(im) + " but this run's images are " + shape);
        }
        labels[slot] = im.label();
        Pixels.toNormalisedChw(im, b.normalization, b.cropPadding, b.hflip,
            new SplittableRandom(Seeds.mix(b.seed, im.key(), b.epoch)), images, slot * volume);
      }));
    }
    for (Future<?> f : pending) {
      try {
        f.get();
      } catch (ExecutionException e) {
        Throwable c = e.getCause();
        throw c instanceof RuntimeException r ? r : new DataLoadException(c.getMessage(), c);
      }
    }
    return new HostBatch(images, labels, chunk.size(), shape.channels(), shape.height(), shape.width());
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DataLoadException("interrupted while waiting for a batch", e);
      }
    }
    if (next instanceof RuntimeException e) {
      next = END;
      throw e;
    }
    return next != END;
  }

  @Override
  public HostBatch next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    HostBatch out = (HostBatch) next;
    next = null;
    return out;
  }

  @Override
  public void close() {
    producer.interrupt();
    records.close();
    decoders.shutdownNow();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** Settings for {@link BatchLoader}. */
  public static final class Builder {
    private ImageSource source;
    private int batchSize;
    private ImageShape shape;
    private Normalization normalization;
    private int epoch;
    private SplittableRandom shuffle;
    private int shuffleBuffer = 10_000;
    private int threads = 2;
    private int prefetch = 4;
    private boolean dropLast;
    private long limit;
    private int cropPadding;
    private boolean hflip;
    private long seed;

    private Builder() {}

    /** The records to stream. */
    public Builder setSource(ImageSource source) {
      this.source = source;
      return this;
    }

    /** Images per batch (≥ 1). */
    public Builder setBatchSize(int batchSize) {
      if (batchSize < 1) {
        throw new IllegalArgumentException("--batch-size must be >= 1, got " + batchSize);
      }
      this.batchSize = batchSize;
      return this;
    }

    /** The size all images must have. */
    public Builder setShape(ImageShape shape) {
      this.shape = shape;
      return this;
    }

    /** The normalisation, with as many channels as the images. */
    public Builder setNormalization(Normalization normalization) {
      this.normalization = normalization;
      return this;
    }

    /** The 0-based epoch (selects the variant and the per-image randomness). */
    public Builder optEpoch(int epoch) {
      this.epoch = epoch;
      return this;
    }

    /** Shuffle with this generator (training); none keeps storage order (evaluation). */
    public Builder optShuffle(SplittableRandom rng, int bufferSize) {
      this.shuffle = rng;
      this.shuffleBuffer = bufferSize;
      return this;
    }

    /** Decoder threads (≥ 1). */
    public Builder optThreads(int threads) {
      this.threads = threads;
      return this;
    }

    /** Batches to prepare ahead (≥ 1). */
    public Builder optPrefetch(int prefetch) {
      this.prefetch = prefetch;
      return this;
    }

    /** Drop a final batch smaller than the batch size (training). */
    public Builder optDropLast(boolean dropLast) {
      this.dropLast = dropLast;
      return this;
    }

    /** Stop after this many batches (0 = all). */
    public Builder optLimit(long batches) {
      this.limit = batches;
      return this;
    }

    /**
     * Online augmentation: random crop after zero-padding by {@code padding} pixels (0 = off) and a
     * horizontal flip with probability 1/2, drawn per image from {@code (seed, key, epoch)}.
     */
    public Builder optAugment(int padding, boolean hflip, long seed) {
      if (padding < 0) {
        throw new IllegalArgumentException("--random-crop must be >= 0, got " + padding);
      }
      this.cropPadding = padding;
      this.hflip = hflip;
      this.seed = seed;
      return this;
    }

    /**
     * Starts streaming.
     *
     * @throws IOException when the source cannot be opened
     */
    public BatchLoader build() throws IOException {
      if (source == null || shape == null || normalization == null || batchSize < 1) {
        throw new IllegalStateException("a BatchLoader needs a source, a batch size, a shape and a normalisation");
      }
      if (normalization.channels() != shape.channels()) {
        throw new IllegalArgumentException("normalisation has " + normalization.channels()
            + " channels but the images have " + shape.channels());
      }
      return new BatchLoader(this);
    }
  }
}
