package io.augmill.training.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.augmill.training.TinyData;
import io.augmill.training.data.InMemorySource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {

  @TempDir Path tmp;

  static TrainConfig tiny(Path out) {
    TrainConfig c = new TrainConfig();
    c.output = out.toString();
    c.model = "resnet20";
    c.epochs = 3;
    c.batchSize = 16;
    c.lr = 0.05;
    c.weightDecay = 1e-4;
    c.loaderThreads = 1;
    c.seed = 7;
    c.threads = 1;
    return c;
  }

  static final InMemorySource TRAIN = TinyData.source(128, 8, 3, 1);
  static final InMemorySource TRAIN_LARGER = TinyData.source(256, 8, 3, 1);
  static final InMemorySource VAL = TinyData.source(32, 8, 3, 2);

  @Test
  void lossFallsAndRunDirectoryIsComplete() throws Exception {
    TrainConfig c = tiny(tmp.resolve("run"));
    c.epochs = 3;
    try (TrainingRun run = TrainingRun.start(c, TRAIN_LARGER, VAL, ProgressSink.NONE)) {
      run.run();
    }
    Path dir = tmp.resolve("run");
    List<EpochMetrics> m = new MetricsLog(dir.resolve("metrics.csv")).read();
    assertThat(m).hasSize(3);
    assertThat(m.get(2).trainLoss()).isLessThan(m.get(0).trainLoss() * 0.5);
    assertThat(m.get(2).valTop1()).isGreaterThan(0.6);
    for (String f : List.of("config.json", "metrics.csv", "report.html", "model/model.json", "model/model-0000.params",
        "plots/loss.png", "plots/accuracy.png", "plots/lr.png", "plots/confusion.png", "checkpoints/best/state.json",
        "checkpoints/epoch-0003/parameters.bin")) {
      assertThat(dir.resolve(f)).as(f).isRegularFile();
    }
    assertThat(Files.readString(dir.resolve("report.html"))).contains("plots/confusion.png");
    try (Classifier cl = Classifier.load(dir, ai.djl.Device.cpu())) {
      EvalResult r = Evaluation.run(cl::logits, cl.model().getNDManager(), VAL, cl.info().shape(),
          cl.info().normalization(), 8, 1);
      assertThat(r.count()).isEqualTo(32);
      assertThat(r.top5()).isEqualTo(1.0);
    }
  }

  @Test
  void sameSeedSameMetricsAndResumeEqualsUninterrupted() throws Exception {
    TrainConfig a = tiny(tmp.resolve("a"));
    a.mixup = 0.4;
    a.cutmix = 1.0;
    a.dropout = 0.2;
    a.labelSmoothing = 0.1;
    a.randomCrop = 1;
    a.hflip = true;
    try (TrainingRun run = TrainingRun.start(a, TRAIN, VAL, ProgressSink.NONE)) {
      run.run();
    }
    TrainConfig b = tiny(tmp.resolve("b"));
    b.mixup = 0.4;
    b.cutmix = 1.0;
    b.dropout = 0.2;
    b.labelSmoothing = 0.1;
    b.randomCrop = 1;
    b.hflip = true;
    try (TrainingRun run = TrainingRun.start(b, TRAIN, VAL, ProgressSink.NONE)) {
      run.run(1);
    }
    Path bDir = tmp.resolve("b");
    try (TrainingRun run = TrainingRun.resume(bDir, TrainingRun.config(bDir), TRAIN, VAL, ProgressSink.NONE)) {
      assertThat(run.state().epochsDone()).isEqualTo(1);
      run.run();
    }
    TrainConfig c = tiny(tmp.resolve("c"));
    c.mixup = 0.4;
    c.cutmix = 1.0;
    c.dropout = 0.2;
    c.labelSmoothing = 0.1;
    c.randomCrop = 1;
    c.hflip = true;
    try (TrainingRun run = TrainingRun.start(c, TRAIN, VAL, ProgressSink.NONE)) {
      run.run();
    }
    List<EpochMetrics> ma = new MetricsLog(tmp.resolve("a/metrics.csv")).read();
    List<EpochMetrics> mb = new MetricsLog(bDir.resolve("metrics.csv")).read();
    List<EpochMetrics> mc = new MetricsLog(tmp.resolve("c/metrics.csv")).read();
    assertThat(ma).hasSize(3);
    for (int i = 0; i < 3; i++) {
      assertThat(withoutTiming(mc.get(i))).as("same seed, epoch " + (i + 1)).isEqualTo(withoutTiming(ma.get(i)));
      assertThat(withoutTiming(mb.get(i))).as("resumed, epoch " + (i + 1)).isEqualTo(withoutTiming(ma.get(i)));
    }
    assertThat(Files.readAllBytes(bDir.resolve("checkpoints/epoch-0003/parameters.bin")))
        .isEqualTo(Files.readAllBytes(tmp.resolve("a/checkpoints/epoch-0003/parameters.bin")));
  }

  @Test
  void learnsThroughShardsWithTheBagOfTricks() throws Exception {
    Path shards = io.augmill.training.TestShards.write(tmp.resolve("shards"), TRAIN_LARGER, "train", 1, 2, true,
        null, null, false);
    TrainConfig c = tiny(tmp.resolve("tricks"));
    c.epochs = 3;
    c.nesterov = true;
    c.zeroGamma = true;
    c.noBiasDecay = true;
    c.labelSmoothing = 0.1;
    c.cutmix = 1.0;
    c.mixProb = 0.5;
    c.warmupEpochs = 0.5;
    try (var train = io.augmill.training.data.ShardSource.open(shards);
        TrainingRun run = TrainingRun.start(c, train, VAL, ProgressSink.NONE)) {
      run.run();
      assertThat(run.lastEval().orElseThrow().top1()).isGreaterThan(0.6);
    }
  }

  @Test
  void stepsDoNotAccumulateArrays() throws Exception {
    TrainConfig c = tiny(tmp.resolve("run"));
    c.epochs = 3;
    c.optimizer = "adam";
    c.weightDecay = 1e-4;
    c.l1 = 1e-5;
    c.clipGrad = 1;
    c.mixup = 0.2;
    try (TrainingRun run = TrainingRun.start(c, TRAIN_LARGER, VAL, ProgressSink.NONE)) {
      run.run(1);
      int afterFirst = run.liveArrays();
      run.run(3);
      assertThat(run.liveArrays()).as("arrays held after 16 more steps").isEqualTo(afterFirst);
    }
  }

  @Test
  void existingRunIsNotOverwritten() throws Exception {
    TrainConfig c = tiny(tmp.resolve("r"));
    c.epochs = 1;
    c.stepsPerEpoch = 1;
    try (TrainingRun run = TrainingRun.start(c, TRAIN, null, ProgressSink.NONE)) {
      run.run();
    }
    assertThatThrownBy(() -> TrainingRun.start(tiny(tmp.resolve("r")), TRAIN, null, ProgressSink.NONE))
        .hasMessageContaining("already holds a run");
  }

  private static EpochMetrics withoutTiming(EpochMetrics m) {
    return new EpochMetrics(m.epoch(), m.lr(), m.trainLoss(), m.trainAcc(), m.valLoss(), m.valTop1(), m.valTop5(), 0, 0);
  }
}
