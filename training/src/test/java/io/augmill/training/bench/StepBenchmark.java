package io.augmill.training.bench;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import io.augmill.training.data.DecodedImage;
import io.augmill.training.data.ImageSource;
import io.augmill.training.data.InMemorySource;
import io.augmill.training.TestShards;
import io.augmill.training.data.ShardSource;
import io.augmill.training.loss.SoftTargetCrossEntropy;
import io.augmill.training.mix.Targets;
import io.augmill.training.model.Architecture;
import io.augmill.training.model.Initialization;
import io.augmill.training.model.ResNets;
import io.augmill.training.optim.ScheduledOptimizer;
import io.augmill.training.optim.Sgd;
import io.augmill.training.run.DjlEnvironment;
import io.augmill.training.run.ProgressSink;
import io.augmill.training.run.TrainConfig;
import io.augmill.training.run.TrainingRun;
import io.augmill.training.schedule.ConstantSchedule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Step-time benchmark for the trainer (run by {@code training/bench/bench.sh}, not a unit test).
 * Modes: {@code tensor} (a plain DJL loop on one fixed in-memory batch, the counterpart of the
 * PyTorch reference loop), {@code memory} (the full trainer over decoded images held in memory) and
 * {@code shards} (the full trainer streaming the same images from a PNG shard set it writes first).
 * Prints one JSON line.
 */
public final class StepBenchmark {

  private StepBenchmark() {}

  /** {@code MODE BATCH STEPS WARMUP THREADS}. */
  public static void main(String[] args) throws Exception {
    String mode = args[0];
    int batch = Integer.parseInt(args[1]);
    int steps = Integer.parseInt(args[2]);
    int warmup = Integer.parseInt(args[3]);
    int threads = Integer.parseInt(args[4]);
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    System.setProperty("org.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils", "error");
    DjlEnvironment.configure(threads);
    List<Double> times = mode.equals("tensor") ? tensor(batch, steps + warmup) : trainer(mode, batch, steps + warmup, threads);
    List<Double> timed = times.subList(warmup, times.size());
    double mean = timed.stream().mapToDouble(d -> d).average().orElse(Double.NaN);
    double min = timed.stream().mapToDouble(d -> d).min().orElse(Double.NaN);
    double[] sorted = timed.stream().mapToDouble(d -> d).sorted().toArray();
    double median = (sorted[(sorted.length - 1) / 2] + sorted[sorted.length / 2]) / 2;
    System.out.println(String.format(Locale.ROOT,
        "{\"impl\": \"djl-%s\", \"threads\": %d, \"batch\": %d, \"steps\": %d, \"ms_per_step\": %.1f, \"ms_median\": %.1f, "
            + "\"ms_min\": %.1f, \"peak_rss_mb\": %d}",
        mode, threads, batch, timed.size(), 1000 * mean, 1000 * median, 1000 * min, peakRssMb()));
    System.exit(0);
  }

  private static List<Double> tensor(int batch, int total) {
    List<Double> times = new ArrayList<>();
    Sgd sgd = new Sgd(new ScheduledOptimizer.Settings(new ConstantSchedule(0.1), 5e-4, 0, false), 0.9, false);
    try (Model model = Model.newInstance("bench")) {
      model.setBlock(ResNets.build(Architecture.RESNET20, 10, 0).block());
      DefaultTrainingConfig tc = new DefaultTrainingConfig(new SoftTargetCrossEntropy()).optOptimizer(sgd)
          .optInitializer(Initialization.KAIMING.initializer(), Parameter.Type.WEIGHT);
      try (Trainer trainer = model.newTrainer(tc)) {
        trainer.initialize(new Shape(1, 3, 32, 32));
        sgd.bind(model.getBlock().getParameters());
        NDManager m = trainer.getManager();
        NDArray x = m.randomNormal(new Shape(batch, 3, 32, 32));
        int[] labels = new int[batch];
        SplittableRandom rng = new SplittableRandom(0);
        for (int i = 0; i < batch; i++) {
          labels[i] = rng.nextInt(10);
        }
        NDArray t = m.create(Targets.smoothedOneHot(labels, 10, 0), new Shape(batch, 10));
        for (int s = 0; s < total; s++) {
          long t0 = System.nanoTime();
          sgd.setStep(s);
          // The scope closes the gradient handles DJL creates per parameter on every step (see TrainingRun).
          try (NDScope scope = new NDScope(); NDManager step = m.newSubManager()) {
            scope.suppressNotUsedWarning();
            // A per-step copy keeps every intermediate array in the step's manager (freed each step).
            NDArray xs = x.duplicate();
            xs.attach(step);
            try (GradientCollector gc = trainer.newGradientCollector()) {
              gc.zeroGradients();
              NDArray z = trainer.forward(new NDList(xs)).singletonOrThrow();
              NDArray loss = SoftTargetCrossEntropy.crossEntropy(t, z);
              gc.backward(loss);
              loss.getFloat();
            }
            trainer.step();
          }
          times.add((System.nanoTime() - t0) / 1e9);
        }
      }
    }
    return times;
  }

  private static List<Double> trainer(String mode, int batch, int total, int threads) throws Exception {
    ImageSource source;
    if (mode.equals("memory") || mode.equals("shards")) {
      SplittableRandom rng = new SplittableRandom(0);
      List<DecodedImage> images = new ArrayList<>();
      for (int i = 0; i < batch * total; i++) {
        byte[] px = new byte[32 * 32 * 3];
        for (int j = 0; j < px.length; j++) {
          px[j] = (byte) rng.nextInt(256);
        }
        images.add(new DecodedImage("b" + i, i % 10, 32, 32, 3, px));
      }
      source = new InMemorySource(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), images, null);
      if (mode.equals("shards")) {
        Path dir = TestShards.write(Files.createTempDirectory("augmill-bench-shards"), (InMemorySource) source, 1, 4, true,
            new double[] {0.5, 0.5, 0.5}, new double[] {0.25, 0.25, 0.25});
        source = ShardSource.open(dir);
      }
    } else {
      throw new IllegalArgumentException("mode must be tensor, memory or shards, got " + mode);
    }
    Path out = Files.createTempDirectory("augmill-bench");
    TrainConfig cfg = new TrainConfig();
    cfg.output = out.resolve("run").toString();
    cfg.model = "resnet20";
    cfg.epochs = 1;
    cfg.batchSize = batch;
    cfg.stepsPerEpoch = total;
    cfg.schedule = "constant";
    cfg.threads = threads;
    cfg.loaderThreads = 1;
    cfg.mean = new double[] {0.5, 0.5, 0.5};
    cfg.std = new double[] {0.25, 0.25, 0.25};
    List<Double> times = new ArrayList<>();
    long[] last = {0};
    ProgressSink timer = new ProgressSink() {
      @Override
      public void epochStarted(int epoch, int epochs, long steps) {
        last[0] = System.nanoTime();
      }

      @Override
      public void stepDone(long stepInEpoch, double loss, double imagesPerSecond) {
        long now = System.nanoTime();
        times.add((now - last[0]) / 1e9);
        last[0] = now;
      }
    };
    ImageSource data = source;
    try (data; TrainingRun run = TrainingRun.start(cfg, data, null, timer)) {
      run.run();
    }
    return times;
  }

  private static long peakRssMb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
        }
      }
    } catch (java.io.IOException e) {
      return -1;
    }
    return -1;
  }
}
