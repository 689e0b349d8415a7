package io.augmill.training.run;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import io.augmill.ops.policy.Seeds;
import io.augmill.training.data.BatchLoader;
import io.augmill.training.data.HostBatch;
import io.augmill.training.data.ImageShape;
import io.augmill.training.data.ImageSource;
import io.augmill.training.data.Normalization;
import io.augmill.training.data.RecordStream;
import io.augmill.training.loss.DistillationLoss;
import io.augmill.training.loss.SoftTargetCrossEntropy;
import io.augmill.training.mix.BatchMixer;
import io.augmill.training.mix.MixParams;
import io.augmill.training.mix.Targets;
import io.augmill.training.model.Architecture;
import io.augmill.training.model.Initialization;
import io.augmill.training.model.Network;
import io.augmill.training.model.ResNets;
import io.augmill.training.optim.AdaBound;
import io.augmill.training.optim.Adam;
import io.augmill.training.optim.ScheduledOptimizer;
import io.augmill.training.optim.Sgd;
import io.augmill.training.report.RunReport;
import io.augmill.training.schedule.LrSchedule;
import io.augmill.training.schedule.Schedules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One training run over a DJL {@link Trainer}: builds the network, optimizer, schedule and batch mixer
 * from a {@link TrainConfig}, trains epoch by epoch, evaluates, and maintains the run directory
 * ({@code config.json}, {@code metrics.csv}, {@code checkpoints/}, {@code model/}, {@code report.html}).
 *
 * <p>Reproducibility: parameters are initialised after seeding libtorch with {@code --seed}; epoch
 * {@code e} reseeds libtorch (dropout) and derives its shuffling and mixing generators from
 * {@code (seed, e)}. A checkpoint therefore needs only parameters, optimizer state and
 * {@link TrainingState}, and a resumed run repeats the uninterrupted one.
 */
public final class TrainingRun implements AutoCloseable {

  private final TrainConfig cfg;
  private final Path runDir;
  private final ImageSource train;
  private final ImageSource val;
  private final ProgressSink progress;
  private final List<String> classes;
  private final ImageShape shape;
  private final Normalization norm;
  private final long stepsPerEpoch;
  private final Device[] devices;
  private final ScheduledOptimizer optimizer;
  private final BatchMixer mixer;
  private final Network network;
  private final Model model;
  private final Trainer trainer;
  private final SoftTargetCrossEntropy loss;
  private final Classifier teacher;
  private final Checkpoints checkpoints;
  private final MetricsLog metrics;
  private TrainingState state = TrainingState.initial();
  private EvalResult lastEval;

  private TrainingRun(TrainConfig cfg, Path runDir, ImageSource train, ImageSource val, ProgressSink progress)
      throws IOException {
    this.cfg = cfg;
    this.runDir = runDir;
    this.train = train;
    this.val = val;
    this.progress = progress;
    validate(cfg);
    this.classes = train.classes();
    if (classes.size() < 2) {
      throw new IllegalArgumentException(train.describe() + ": training needs at least 2 classes, found " + classes.size());
    }
    if (val != null && !val.classes().equals(classes)) {
      throw new IllegalArgumentException("--val " + val.describe() + " has classes " + val.classes()
          + " but --train has " + classes);
    }
    try (RecordStream first = train.open(0, null)) {
      if (!first.hasNext()) {
        throw new IllegalArgumentException(train.describe() + ": no training records");
      }
      this.shape = ImageShape.of(first.next().decode());
    }
    this.norm = resolveNormalization(cfg, train, shape);
    cfg.mean = norm.mean();
    cfg.std = norm.std();
    long available = train.size(0) / cfg.batchSize;
    if (available < 1) {
      throw new IllegalArgumentException("--batch-size " + cfg.batchSize + " is larger than the training set ("
          + train.size(0) + " records)");
    }
    this.stepsPerEpoch = cfg.stepsPerEpoch > 0 ? Math.min(cfg.stepsPerEpoch, available) : available;
    this.devices = DjlEnvironment.devices(cfg.devices);
    if (cfg.batchSize < devices.length) {
      throw new IllegalArgumentException("--batch-size " + cfg.batchSize + " is smaller than the " + devices.length + " devices");
    }
    double baseLr = Schedules.Scaling.parse(cfg.lrScaling).apply(cfg.lr, cfg.batchSize);
    LrSchedule schedule = Schedules.build(cfg.schedule, baseLr, cfg.minLr, cfg.milestones, cfg.decayRate,
        cfg.warmupEpochs, cfg.warmup, cfg.warmupLr, cfg.epochs, stepsPerEpoch);
    this.optimizer = optimizer(cfg, schedule, baseLr);
    this.mixer = BatchMixer.builder().optMixup(cfg.mixup).optCutMix(cfg.cutmix).optRicap(cfg.ricap)
        .optMixProb(cfg.mixProb).optSwitchProb(cfg.mixSwitchProb).build();
    Initialization init = Initialization.parse(cfg.init);
    this.network = ResNets.build(Architecture.parse(cfg.model), classes.size(), cfg.dropout);
    if (cfg.teacher != null) {
      this.teacher = Classifier.load(Path.of(cfg.teacher), devices[0]);
      ModelInfo ti = teacher.info();
      if (!ti.classes().equals(classes)) {
        teacher.close();
        throw new IllegalArgumentException("--teacher " + cfg.teacher + " has " + ti.classes().size()
            + " classes " + ti.classes() + " but the training set has " + classes.size() + " " + classes);
      }
      if (!ti.shape().equals(shape)) {
        teacher.close();
        throw new IllegalArgumentException("--teacher " + cfg.teacher + " takes " + ti.shape() + " images, the training set has " + shape);
      }
      this.loss = new DistillationLoss(cfg.kdTemperature, cfg.kdWeight);
    } else {
      this.teacher = null;
      this.loss = new SoftTargetCrossEntropy();
    }
    Engine engine = DjlEnvironment.engine();
    engine.setRandomSeed(intSeed(cfg.seed, "init", 0));
    this.model = Model.newInstance("augmill", devices[0], "PyTorch");
    model.setBlock(network.block());
    DefaultTrainingConfig tc = new DefaultTrainingConfig(loss)
        .optOptimizer(optimizer)
        .optDevices(devices)
        .optInitializer(init.initializer(), Parameter.Type.WEIGHT);
    this.trainer = model.newTrainer(tc);
    trainer.initialize(new Shape(1, shape.channels(), shape.height(), shape.width()));
    if (cfg.zeroGamma) {
      Initialization.zeroResidualGammas(network);
    }
    optimizer.bind(network.block().getParameters());
    this.checkpoints = new Checkpoints(runDir.resolve("checkpoints"), cfg.keepCheckpoints);
    this.metrics = new MetricsLog(runDir.resolve("metrics.csv"));
  }

  /**
   * Starts a new run in {@code cfg.output}.
   *
   * @param train training records
   * @param val validation records, or null
   * @throws IOException when the run directory cannot be written or already holds a run
   */
  public static TrainingRun start(TrainConfig cfg, ImageSource train, ImageSource val, ProgressSink progress)
      throws IOException {
    if (cfg.output == null) {
      throw new IllegalArgumentException("--output RUN is required");
    }
    Path dir = Path.of(cfg.output);
    if (Files.exists(dir.resolve("config.json"))) {
      throw new IllegalArgumentException("--output " + dir + " already holds a run (use --resume " + dir + " to continue it)");
    }
    Files.createDirectories(dir);
    TrainingRun run = new TrainingRun(cfg, dir, train, val, progress);
    cfg.write(dir.resolve("config.json"));
    return run;
  }

  /**
   * Reopens a run from its newest checkpoint (or from scratch when it has none).
   *
   * @param runDir the run directory
   * @param cfg the run's configuration, normally {@link #config(Path)} of {@code runDir}
   * @param train training records (the config's {@code --train})
   * @param val validation records (the config's {@code --val}), or null
   * @throws IOException when the run's files cannot be read
   */
  public static TrainingRun resume(Path runDir, TrainConfig cfg, ImageSource train, ImageSource val, ProgressSink progress)
      throws IOException {
    TrainingRun run = new TrainingRun(cfg, runDir, train, val, progress);
    Optional<Path> latest = run.checkpoints.latest();
    if (latest.isPresent()) {
      Network scratch = ResNets.build(Architecture.parse(cfg.model), run.classes.size(), cfg.dropout);
      run.state = Checkpoints.load(latest.get(), run.network.block(), scratch.block(), run.optimizer, run.trainer.getManager());
      progress.note("resuming " + runDir + " after epoch " + run.state.epochsDone() + " (step " + run.state.step() + ")");
    }
    run.metrics.truncate(run.state.epochsDone());
    return run;
  }

  /** Reads a run's saved configuration. */
  public static TrainConfig config(Path runDir) throws IOException {
    Path file = runDir.resolve("config.json");
    if (!Files.isRegularFile(file)) {
      throw new IOException(runDir + ": not a run directory (no config.json)");
    }
    return TrainConfig.read(file);
  }

  /** The run's state after the epochs done so far. */
  public TrainingState state() {
    return state;
  }

  /** The validation result of the last epoch, if any. */
  public Optional<EvalResult> lastEval() {
    return Optional.ofNullable(lastEval);
  }

  /** Number of arrays the model's manager holds (parameters, optimizer state, anything attached to it). */
  int liveArrays() {
    return model.getNDManager().getManagedArrays().size();
  }

  /** Trains to the configured number of epochs (or an early stop). */
  public TrainingState run() throws IOException {
    return run(cfg.epochs);
  }

  /**
   * Trains until {@code untilEpoch} epochs are done (at most the configured number), an early stop,
   * or divergence.
   *
   * @throws DivergenceException when the loss becomes NaN or infinite
   * @throws IOException when data or run files cannot be read or written
   */
  public TrainingState run(int untilEpoch) throws IOException {
    int last = Math.min(untilEpoch, cfg.epochs);
    while (state.epochsDone() < last) {
      if (cfg.patience > 0 && state.badEpochs() >= cfg.patience) {
        break;
      }
      runEpoch(state.epochsDone());
      if (cfg.patience > 0 && state.badEpochs() >= cfg.patience) {
        progress.note(String.format(Locale.ROOT, "early stop after epoch %d: no improvement for %d epochs (best epoch %d)",
            state.epochsDone(), state.badEpochs(), state.bestEpoch()));
      }
    }
    return state;
  }

  private void runEpoch(int epoch) throws IOException {
    long start = System.nanoTime();
    DjlEnvironment.engine().setRandomSeed(intSeed(cfg.seed, "torch", epoch));
    SplittableRandom mixRng = new SplittableRandom(Seeds.mix(cfg.seed, "mix", epoch));
    progress.epochStarted(epoch + 1, cfg.epochs, stepsPerEpoch);
    double lossSum = 0;
    long correct = 0;
    long seen = 0;
    long step = state.step();
    double firstLr = optimizer.schedule().at(step);
    try (BatchLoader loader = BatchLoader.builder().setSource(train).setBatchSize(cfg.batchSize).setShape(shape)
        .setNormalization(norm).optEpoch(epoch)
        .optShuffle(new SplittableRandom(Seeds.mix(cfg.seed, "shuffle", epoch)), cfg.shuffleBuffer)
        .optThreads(cfg.loaderThreads).optPrefetch(cfg.prefetch).optDropLast(true).optLimit(stepsPerEpoch)
        .optAugment(cfg.randomCrop, cfg.hflip, cfg.seed).build()) {
      long i = 0;
      while (loader.hasNext()) {
        HostBatch b = loader.next();
        optimizer.setStep(step);
        double[] r = trainStep(b, mixRng);
        if (!Double.isFinite(r[0])) {
          String keep = state.epochsDone() > 0 ? "checkpoints/" + Checkpoints.name(state.epochsDone()) : "none (first epoch)";
          throw new DivergenceException(String.format(Locale.ROOT,
              "training diverged: loss is %s at step %d (epoch %d, batch %d); the last good checkpoint is %s",
              r[0], step, epoch + 1, i + 1, keep));
        }
        lossSum += r[0] * b.size();
        correct += (long) r[1];
        seen += b.size();
        step++;
        i++;
        progress.stepDone(i, r[0], seen / ((System.nanoTime() - start) / 1e9));
      }
    }
    double trainSeconds = (System.nanoTime() - start) / 1e9;
    lastEval = val == null ? null : evaluate(val);
    double score = lastEval != null ? lastEval.top1() : -lossSum / seen;
    boolean best = score > state.bestScore();
    state = new TrainingState(epoch + 1, step, best ? score : state.bestScore(), best ? epoch + 1 : state.bestEpoch(),
        best ? 0 : state.badEpochs() + 1);
    checkpoints.save(network.block(), optimizer, state, best);
    if (best) {
      saveModel(epoch + 1);
    }
    EpochMetrics m = new EpochMetrics(epoch + 1, firstLr, lossSum / seen, (double) correct / seen,
        lastEval == null ? Double.NaN : lastEval.loss(), lastEval == null ? Double.NaN : lastEval.top1(),
        lastEval == null ? Double.NaN : lastEval.top5(), seen / trainSeconds, (System.nanoTime() - start) / 1e9);
    metrics.append(m);
    RunReport.write(runDir, cfg, metrics.read(), optimizer.schedule(), stepsPerEpoch, lastEval, classes);
    progress.epochDone(m, cfg.epochs);
  }

  /** One optimisation step; returns {mean loss, correct count}. */
  private double[] trainStep(HostBatch b, SplittableRandom mixRng) {
    int n = b.size();
    int k = classes.size();
    double lossTotal = 0;
    long correct = 0;
    // DJL's gradient collector and parameter server wrap each parameter's gradient in a new array
    // handle, attached to the parameters' own manager, on every zeroGradients() and step(); nobody
    // closes those handles, so without this scope every step leaked two per parameter.
    try (NDScope stepScope = new NDScope(); NDManager m = trainer.getManager().newSubManager()) {
      stepScope.suppressNotUsedWarning();
      NDArray x = m.create(b.images(), new Shape(n, b.channels(), b.height(), b.width()));
      NDArray t = m.create(Targets.smoothedOneHot(b.labels(), k, cfg.labelSmoothing), new Shape(n, k));
      MixParams p = mixer.sample(mixRng, n, b.height(), b.width());
      NDList mixed = BatchMixer.apply(x, t, p);
      x = mixed.get(0);
      t = mixed.get(1);
      try (GradientCollector gc = trainer.newGradientCollector()) {
        gc.zeroGradients();
        int from = 0;
        for (int d = 0; d < devices.length; d++) {
          int to = (int) ((long) n * (d + 1) / devices.length);
          NDArray xs = slice(x, from, to, n).toDevice(devices[d], false);
          NDArray ts = slice(t, from, to, n).toDevice(devices[d], false);
          NDList labels = new NDList(ts);
          if (teacher != null) {
            labels.add(teacher.logits(xs));
          }
          NDArray z = trainer.forward(new NDList(xs)).singletonOrThrow();
          NDArray l = loss.evaluate(labels, new NDList(z));
          gc.backward(l.mul((float) (to - from) / n));
          lossTotal += l.getFloat() * (to - from);
          correct += z.argMax(1).eq(ts.argMax(1)).countNonzero().getLong();
          from = to;
        }
      }
      trainer.step();
    }
    return new double[] {lossTotal / n, correct};
  }

  private static NDArray slice(NDArray a, int from, int to, int n) {
    return from == 0 && to == n ? a : a.get(new NDIndex("{}:{}", from, to));
  }

  /** Evaluates the current parameters on a source (inference mode, first device). */
  public EvalResult evaluate(ImageSource source) throws IOException {
    return Evaluation.run(x -> trainer.evaluate(new NDList(x)).singletonOrThrow(), trainer.getManager(), source, shape,
        norm, cfg.batchSize, cfg.loaderThreads);
  }

  private void saveModel(int epoch) throws IOException {
    Path tmp = runDir.resolve(".tmp-model");
    Checkpoints.deleteTree(tmp);
    Files.createDirectories(tmp);
    model.save(tmp, "model");
    new ModelInfo(ModelInfo.FORMAT_VERSION, Architecture.parse(cfg.model).cliName(), classes, shape.channels(),
        shape.height(), shape.width(), norm.mean(), norm.std(), cfg.dropout, "model", epoch)
        .write(tmp.resolve(ModelInfo.FILE_NAME));
    Path dir = runDir.resolve("model");
    Checkpoints.deleteTree(dir);
    Files.move(tmp, dir);
  }

  private static ScheduledOptimizer optimizer(TrainConfig cfg, LrSchedule schedule, double baseLr) {
    ScheduledOptimizer.Settings s = new ScheduledOptimizer.Settings(schedule, cfg.weightDecay, cfg.l1, cfg.noBiasDecay);
    ScheduledOptimizer opt = switch (cfg.optimizer.toLowerCase(Locale.ROOT)) {
      case "sgd" -> new Sgd(s, cfg.momentum, cfg.nesterov);
      case "adam" -> new Adam(s, cfg.beta1, cfg.beta2, cfg.adamEpsilon, false);
      case "adamw" -> new Adam(s, cfg.beta1, cfg.beta2, cfg.adamEpsilon, true);
      case "adabound" -> new AdaBound(s, baseLr, cfg.finalLr, cfg.adaboundGamma, cfg.beta1, cfg.beta2, cfg.adamEpsilon);
      default -> throw new IllegalArgumentException("--optimizer must be sgd, adam, adamw or adabound, got '" + cfg.optimizer + "'");
    };
    opt.setClip(cfg.clipGrad);
    return opt;
  }

  private static Normalization resolveNormalization(TrainConfig cfg, ImageSource train, ImageShape shape) throws IOException {
    Normalization n;
    if (cfg.mean != null || cfg.std != null) {
      if (cfg.mean == null || cfg.std == null) {
        throw new IllegalArgumentException("--mean and --std must be given together");
      }
      n = new Normalization(cfg.mean, cfg.std);
    } else {
      Optional<Normalization> stored = train.normalization();
      n = stored.isPresent() ? stored.get() : Normalization.estimate(train, 5000);
    }
    if (n.channels() != shape.channels()) {
      throw new IllegalArgumentException("normalisation has " + n.channels() + " channels but the images have "
          + shape.channels() + " (check --mean/--std)");
    }
    return n;
  }

  private static void validate(TrainConfig cfg) {
    if (cfg.epochs < 1) {
      throw new IllegalArgumentException("--epochs must be >= 1, got " + cfg.epochs);
    }
    if (cfg.batchSize < 1) {
      throw new IllegalArgumentException("--batch-size must be >= 1, got " + cfg.batchSize);
    }
    if (cfg.patience < 0) {
      throw new IllegalArgumentException("--patience must be >= 0, got " + cfg.patience);
    }
    if (cfg.loaderThreads < 1) {
      throw new IllegalArgumentException("--loader-threads must be >= 1, got " + cfg.loaderThreads);
    }
    if (cfg.prefetch < 1) {
      throw new IllegalArgumentException("--prefetch must be >= 1, got " + cfg.prefetch);
    }
    if (cfg.stepsPerEpoch < 0) {
      throw new IllegalArgumentException("--steps-per-epoch must be >= 0, got " + cfg.stepsPerEpoch);
    }
    if (!(cfg.labelSmoothing >= 0 && cfg.labelSmoothing < 1)) {
      throw new IllegalArgumentException("--label-smoothing must be in [0, 1), got " + cfg.labelSmoothing);
    }
    if (cfg.randomCrop < 0) {
      throw new IllegalArgumentException("--random-crop must be >= 0, got " + cfg.randomCrop);
    }
  }

  private static int intSeed(long seed, String purpose, int epoch) {
    long h = Seeds.mix(seed, purpose, epoch);
    return (int) (h ^ (h >>> 32)) & Integer.MAX_VALUE;
  }

  @Override
  public void close() {
    trainer.close();
    model.close();
    if (teacher != null) {
      teacher.close();
    }
  }
}
