package io.augmill.datasets.stream;

import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.ShardReader;
import io.augmill.ops.policy.Seeds;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Streams the records of a list of shards for one training epoch, the way tf.data's
 * {@code interleave + shuffle + prefetch} does: the shard order is shuffled with the seed, reader
 * threads take shards in that order and push decoded records into a bounded prefetch queue, and the
 * consumer draws records at random from a bounded shuffle buffer. At most
 * {@code shuffleBuffer + prefetch + readerThreads} records are held at once.
 *
 * <p>With one reader thread the output order is a pure function of (shards, seed, epoch, buffer size);
 * with more threads shards interleave as they are read. {@link #close()} stops the readers early (e.g.
 * after a fixed number of steps). Reading errors surface from {@link #next()} as
 * {@link UncheckedIOException}s naming the shard and record.
 */
public final class ShardStream implements Iterator<ImageExample>, AutoCloseable {

  /** Name prefix of the reader threads. */
  public static final String THREAD_NAME = "augmill-shard-reader";

  private static final Object END = new Object();

  private final BlockingQueue<Object> queue;
  private final List<Thread> readers = new ArrayList<>();
  private final List<ImageExample> buffer;
  private final int bufferSize;
  private final SplittableRandom rng;
  private final AtomicLong recordsRead = new AtomicLong();
  private volatile boolean closed;
  private int runningReaders;
  private ImageExample pending;

  private ShardStream(Builder b) {
    List<Path> order = new ArrayList<>(b.shards);
    if (b.shuffle) {
      SplittableRandom shardRng = new SplittableRandom(Seeds.mix(b.seed, "shard-order", b.epoch));
      for (int i = order.size() - 1; i > 0; i--) {
        Collections.swap(order, i, shardRng.nextInt(i + 1));
      }
    }
    this.bufferSize = b.shuffle ? Math.max(1, b.shuffleBuffer) : 1;
    this.buffer = new ArrayList<>(bufferSize);
    this.rng = new SplittableRandom(Seeds.mix(b.seed, "shuffle-buffer", b.epoch));
    this.queue = new ArrayBlockingQueue<>(Math.max(1, b.prefetch));
    ConcurrentLinkedQueue<Path> work = new ConcurrentLinkedQueue<>(order);
    int threads = Math.max(1, Math.min(b.readerThreads, Math.max(1, order.size())));
    runningReaders = threads;
    for (int t = 0; t < threads; t++) {
      Thread thread = new Thread(() -> readShards(work, b.verifyChecksums), THREAD_NAME + "-" + t);
      thread.setDaemon(true);
      readers.add(thread);
    }
    readers.forEach(Thread::start);
  }

  /** Starts a builder for {@code shards} (read in this order when shuffling is off). */
  public static Builder builder(List<Path> shards) {
    return new Builder(shards);
  }

  private void readShards(ConcurrentLinkedQueue<Path> work, boolean verify) {
    try {
      Path shard;
      while (!closed && (shard = work.poll()) != null) {
        try (ShardReader reader = ShardReader.open(shard, verify)) {
          ImageExample e;
          while (!closed && (e = reader.next()) != null) {
            recordsRead.incrementAndGet();
            if (!put(e)) {
              return;
            }
          }
        }
      }
    } catch (IOException e) {
      put(new UncheckedIOException(e.getMessage(), e));
    } catch (RuntimeException e) {
      put(e);
    } finally {
      put(END);
    }
  }

  /** Offers with a timeout so a closed stream never leaves a reader blocked; false once closed. */
  private boolean put(Object item) {
    try {
      while (!closed) {
        if (queue.offer(item, 50, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  private Object take() {
    try {
      return queue.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for shard records", e);
    }
  }

  /** Moves records from the queue into the shuffle buffer until it is full or the readers are done. */
  private void fill() {
    while (buffer.size() < bufferSize && runningReaders > 0) {
      Object item = take();
      if (item == END) {
        runningReaders--;
      } else if (item instanceof RuntimeException e) {
        close();
        throw e;
      } else {
        buffer.add((ImageExample) item);
      }
    }
  }

  @Override
  public boolean hasNext() {
    if (pending != null) {
      return true;
    }
    if (closed) {
      return false;
    }
    fill();
    if (buffer.isEmpty()) {
      return false;
    }
    int i = bufferSize == 1 ? 0 : rng.nextInt(buffer.size());
    int last = buffer.size() - 1;
    Collections.swap(buffer, i, last);
    pending = buffer.remove(last);
    return true;
  }

  @Override
  public ImageExample next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ImageExample e = pending;
    pending = null;
    return e;
  }

  /** Records read from shards so far (delivered or still buffered). */
  public long recordsRead() {
    return recordsRead.get();
  }

  /** Stops the reader threads, waits briefly for them and drops buffered records. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    queue.clear();
    buffer.clear();
    pending = null;
    for (Thread t : readers) {
      t.interrupt();
    }
    for (Thread t : readers) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Options of a {@link ShardStream}; every option has a default. */
  public static final class Builder {
    private final List<Path> shards;
    private long seed;
    private int epoch;
    private boolean shuffle = true;
    private int shuffleBuffer = 10_000;
    private int readerThreads = 2;
    private int prefetch = 1_024;
    private boolean verifyChecksums = true;

    private Builder(List<Path> shards) {
      if (shards.isEmpty()) {
        throw new IllegalArgumentException("shards: at least one shard file is needed");
      }
      this.shards = List.copyOf(shards);
    }

    /** Seed of shard order and shuffle buffer (default 0). */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Epoch index, mixed into the seed so each epoch gets a different order (default 0). */
    public Builder optEpoch(int epoch) {
      this.epoch = epoch;
      return this;
    }

    /** Whether to shuffle shard order and records (default true); off reads shards in the given order. */
    public Builder optShuffle(boolean shuffle) {
      this.shuffle = shuffle;
      return this;
    }

    /** Records held for shuffling, at least 1 (default 10 000). */
    public Builder optShuffleBuffer(int records) {
      if (records < 1) {
        throw new IllegalArgumentException("shuffle buffer must be at least 1 record, got " + records);
      }
      this.shuffleBuffer = records;
      return this;
    }

    /** Reader threads, 1 to 64 (default 2; 1 gives a deterministic order). */
    public Builder optReaderThreads(int threads) {
      if (threads < 1 || threads > 64) {
        throw new IllegalArgumentException("reader threads must be in [1, 64], got " + threads);
      }
      this.readerThreads = threads;
      return this;
    }

    /** Records the readers may queue ahead of the consumer, at least 1 (default 1024). */
    public Builder optPrefetch(int records) {
      if (records < 1) {
        throw new IllegalArgumentException("prefetch must be at least 1 record, got " + records);
      }
      this.prefetch = records;
      return this;
    }

    /** Whether to check payload CRCs (default true). */
    public Builder optVerifyChecksums(boolean verify) {
      this.verifyChecksums = verify;
      return this;
    }

    /** Starts the reader threads. */
    public ShardStream build() {
      return new ShardStream(this);
    }
  }
}
