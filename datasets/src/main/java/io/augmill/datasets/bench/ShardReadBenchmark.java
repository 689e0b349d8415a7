package io.augmill.datasets.bench;

import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.ShardName;
import io.augmill.datasets.shard.ShardReader;
import io.augmill.datasets.shard.ShardWriter;
import io.augmill.datasets.source.SyntheticShapes;
import io.augmill.datasets.stream.ShardStream;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.policy.Seeds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.opencv.core.Mat;

/**
 * Measures shard reading speed on 32x32 RGB images and prints the figures the README quotes:
 * <ul>
 *   <li>raw codec, one thread: read + both CRCs + Example decode, records/s (target 50 000), against a
 *       plain sequential read of the same bytes (the I/O ceiling) measured in the same run;</li>
 *   <li>PNG codec, two threads: read + CRCs + Example decode + PNG decode to a Mat, images/s (target
 *       10 000), against the same work on one thread;</li>
 *   <li>{@link ShardStream} with two reader threads and a 10 000-record shuffle buffer, raw codec.</li>
 * </ul>
 * Each figure is the best of several timed passes after a warm-up pass; files are in the page cache;
 * OpenCV's internal thread pool is switched off.
 * Usage: {@code ShardReadBenchmark [RAW_RECORDS [PNG_RECORDS [PASSES]]]} (defaults 50000, 20000, 5).
 */
public final class ShardReadBenchmark {

  private static final int SIDE = 32;

  private ShardReadBenchmark() {}

  /** Runs the benchmark in a temporary directory, which it deletes afterwards. */
  public static void main(String[] args) throws Exception {
    int rawCount = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    int pngCount = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    // OpenCV's own thread pool is off, so the benchmark's worker threads do all the work and their
    // CPU time is the whole cost (32x32 images gain nothing from OpenCV's internal parallelism).
    io.augmill.ops.image.OpenCv.load();
    org.opencv.core.Core.setNumThreads(1);
    Path dir = Files.createTempDirectory("augmill-bench-");
    try {
      System.out.printf(Locale.ROOT, "machine: %d available processors, Java %s%n",
          Runtime.getRuntime().availableProcessors(), Runtime.version());
      List<Path> raw = writeRaw(dir.resolve("raw"), rawCount, 8);
      List<Path> png = writePng(dir.resolve("png"), pngCount, 4);

      double ceiling = best(passes, () -> plainRead(raw));
      double rawRate = best(passes, () -> readAll(raw, false));
      System.out.printf(Locale.ROOT, "raw 32x32, 1 thread: %,.0f records/s (target 50,000: %.2fx); plain byte read of the"
          + " same files: %,.0f records/s (reader reaches %.0f%% of it)%n", rawRate, rawRate / 50_000, ceiling,
          100 * rawRate / ceiling);

      double png1 = best(passes, () -> decodeAll(png, 1));
      CPU_NANOS.set(0);
      DECODED.set(0);
      double png2 = best(passes, () -> decodeAll(png, 2));
      double perCpuSecond = DECODED.get() / (CPU_NANOS.get() / 1e9);
      System.out.printf(Locale.ROOT, "png 32x32 decoded, 2 threads: %,.0f images/s (target 10,000: %.2fx); 1 thread: "
          + "%,.0f images/s (2-thread speed-up %.2fx)%n", png2, png2 / 10_000, png1, png2 / png1);
      System.out.printf(Locale.ROOT, "png 32x32 decoded per CPU-second of the worker threads: %,.0f (so 2 unshared cores"
          + " would give about %,.0f images/s; wall-clock figures above suffer when other processes share the cores)%n",
          perCpuSecond, 2 * perCpuSecond);

      double stream = best(passes, () -> stream(raw));
      System.out.printf(Locale.ROOT, "ShardStream raw, 2 readers, 10k shuffle buffer: %,.0f records/s%n", stream);
    } finally {
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Work that returns how many records it handled. */
  private interface Pass {
    long run() throws Exception;
  }

  /** Records per second of the fastest of {@code passes} timed runs, after one warm-up run. */
  private static double best(int passes, Pass pass) throws Exception {
    pass.run();
    double best = 0;
    for (int i = 0; i < passes; i++) {
      long start = System.nanoTime();
      long n = pass.run();
      double rate = n / ((System.nanoTime() - start) / 1e9);
      best = Math.max(best, rate);
    }
    return best;
  }

  private static List<Path> writeRaw(Path dir, int count, int shards) throws IOException {
    SplittableRandom rng = new SplittableRandom(1);
    List<Path> out = new ArrayList<>();
    int perShard = (count + shards - 1) / shards;
    for (int s = 0; s < shards; s++) {
      ShardName name = new ShardName("train", s, shards);
      try (ShardWriter w = ShardWriter.create(dir, name)) {
        for (int i = s * perShard; i < Math.min(count, (s + 1) * perShard); i++) {
          byte[] px = new byte[SIDE * SIDE * 3];
          rng.nextBytes(px);
          w.write(new ImageExample(String.format(Locale.ROOT, "bench/train/%06d", i), i % 10, 0,
              ImageCodec.Format.RAW, SIDE, SIDE, 3, px, "[]"));
        }
        w.finish();
      }
      out.add(dir.resolve(name.fileName()));
    }
    return out;
  }

  /** PNG records of synthetic shapes: 1000 distinct images, repeated under distinct keys. */
  private static List<Path> writePng(Path dir, int count, int shards) throws IOException {
    List<byte[]> images = new ArrayList<>();
    for (int i = 0; i < Math.min(1000, count); i++) {
      byte[] px = SyntheticShapes.render(Seeds.forImage(7, "bench/" + i, 0), i % 10, SIDE);
      Mat m = ImageCodec.fromRaw(px, SIDE, SIDE, 3);
      images.add(ImageCodec.encode(m, ImageCodec.Format.PNG, 95));
      m.release();
    }
    List<Path> out = new ArrayList<>();
    int perShard = (count + shards - 1) / shards;
    for (int s = 0; s < shards; s++) {
      ShardName name = new ShardName("train", s, shards);
      try (ShardWriter w = ShardWriter.create(dir, name)) {
        for (int i = s * perShard; i < Math.min(count, (s + 1) * perShard); i++) {
          w.write(new ImageExample(String.format(Locale.ROOT, "bench/train/%06d", i), i % 10, 0,
              ImageCodec.Format.PNG, SIDE, SIDE, 3, images.get(i % images.size()), "[]"));
        }
        w.finish();
      }
      out.add(dir.resolve(name.fileName()));
    }
    return out;
  }

  private static long plainRead(List<Path> shards) throws IOException {
    long bytes = 0;
    byte[] buf = new byte[1 << 16];
    for (Path p : shards) {
      try (InputStream in = Files.newInputStream(p)) {
        int n;
        while ((n = in.read(buf)) > 0) {
          bytes += n;
        }
      }
    }
    long perRecord = Files.size(shards.get(0)) / countRecords(shards.get(0));
    return bytes / perRecord;
  }

  private static long countRecords(Path shard) throws IOException {
    return Files.readAllLines(shard.resolveSibling(shard.getFileName() + ShardName.INDEX_EXTENSION)).size();
  }

  private static long readAll(List<Path> shards, boolean decode) throws IOException {
    long n = 0;
    long checksum = 0;
    for (Path p : shards) {
      try (ShardReader r = ShardReader.open(p)) {
        ImageExample e;
        while ((e = r.next()) != null) {
          checksum += e.encoded()[e.encoded().length - 1] + e.label();
          if (decode) {
            e.decode().release();
          }
          n++;
        }
      }
    }
    if (checksum == Long.MIN_VALUE) {
      System.out.println("unreachable");
    }
    return n;
  }

  private static final java.util.concurrent.atomic.AtomicLong CPU_NANOS = new java.util.concurrent.atomic.AtomicLong();
  private static final java.util.concurrent.atomic.AtomicLong DECODED = new java.util.concurrent.atomic.AtomicLong();

  private static long decodeAll(List<Path> shards, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      AtomicInteger next = new AtomicInteger();
      List<Future<Long>> parts = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        parts.add(pool.submit(() -> {
          java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
          long cpuStart = cpu.getCurrentThreadCpuTime();
          long n = 0;
          int i;
          while ((i = next.getAndIncrement()) < shards.size()) {
            n += readAll(List.of(shards.get(i)), true);
          }
          CPU_NANOS.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
          DECODED.addAndGet(n);
          return n;
        }));
      }
      long n = 0;
      for (Future<Long> f : parts) {
        n += f.get();
      }
      return n;
    } finally {
      pool.shutdown();
    }
  }

  private static long stream(List<Path> shards) {
    long n = 0;
    try (ShardStream s = ShardStream.builder(shards).optReaderThreads(2).optShuffleBuffer(10_000).optSeed(1).build()) {
      while (s.hasNext()) {
        s.next();
        n++;
      }
    }
    return n;
  }
}
