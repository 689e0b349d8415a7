package io.augmill.training.run;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Every setting of a training run. The fields are the {@code train} command's options (same names,
 * written in kebab case to {@code config.json}), so a run directory records exactly what reproduces
 * it. Plain mutable data: the command fills it, {@link TrainingRun} validates it.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.PUBLIC_ONLY)
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public class TrainConfig {

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Training shard set directory. */
  @Option(names = "--train", paramLabel = "DIR", description = "Training shard set (directory with manifest.json).")
  public String train;

  /** Validation shard set directory, or null. */
  @Option(names = "--val", paramLabel = "DIR", description = "Validation shard set, evaluated after every epoch.")
  public String val;

  /** Run directory. */
  @Option(names = "--output", paramLabel = "RUN", description = "Run directory to create (must not hold a run).")
  public String output;

  /** Architecture name. */
  @Option(names = "--model", paramLabel = "NAME", defaultValue = "resnet20",
      description = "resnet20|resnet32|resnet56|resnet110 (CIFAR), resnet18 (CIFAR stem), resnet50 (ImageNet). Default: ${DEFAULT-VALUE}.")
  public String model = "resnet20";

  /** Epochs. */
  @Option(names = "--epochs", paramLabel = "E", defaultValue = "30", description = "Epochs to train. Default: ${DEFAULT-VALUE}.")
  public int epochs = 30;

  /** Global batch size. */
  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "128",
      description = "Images per step over all devices. Default: ${DEFAULT-VALUE}.")
  public int batchSize = 128;

  /** Optimizer name. */
  @Option(names = "--optimizer", paramLabel = "NAME", defaultValue = "sgd",
      description = "sgd|adam|adamw|adabound. Default: ${DEFAULT-VALUE}.")
  public String optimizer = "sgd";

  /** Base learning rate. */
  @Option(names = "--lr", paramLabel = "X", defaultValue = "0.1", description = "Base (peak) learning rate. Default: ${DEFAULT-VALUE}.")
  public double lr = 0.1;

  /** Base-rate scaling. */
  @Option(names = "--lr-scaling", paramLabel = "RULE", defaultValue = "none",
      description = "none|linear (linear: lr × batch/256, Goyal et al.). Default: ${DEFAULT-VALUE}.")
  public String lrScaling = "none";

  /** Schedule kind. */
  @Option(names = "--schedule", paramLabel = "KIND", defaultValue = "cosine",
      description = "cosine (per iteration to --min-lr) | step (--milestones, --decay-rate) | constant. Default: ${DEFAULT-VALUE}.")
  public String schedule = "cosine";

  /** Cosine floor. */
  @Option(names = "--min-lr", paramLabel = "X", defaultValue = "0", description = "Cosine schedule's final rate. Default: ${DEFAULT-VALUE}.")
  public double minLr;

  /** Step milestones in epochs. */
  @Option(names = "--milestones", paramLabel = "E1,E2", split = ",",
      description = "Epochs at which the step schedule multiplies the rate by --decay-rate.")
  public double[] milestones = new double[0];

  /** Step decay factor. */
  @Option(names = "--decay-rate", paramLabel = "F", defaultValue = "0.1", description = "Step schedule factor. Default: ${DEFAULT-VALUE}.")
  public double decayRate = 0.1;

  /** Warm-up length in epochs. */
  @Option(names = "--warmup-epochs", paramLabel = "W", defaultValue = "0", description = "Warm-up length in epochs (fractions allowed). Default: ${DEFAULT-VALUE}.")
  public double warmupEpochs;

  /** Warm-up mode. */
  @Option(names = "--warmup", paramLabel = "MODE", defaultValue = "linear",
      description = "linear (per iteration from --warmup-lr, Goyal et al.) | constant (hold --warmup-lr, He et al.). Default: ${DEFAULT-VALUE}.")
  public String warmup = "linear";

  /** Warm-up rate. */
  @Option(names = "--warmup-lr", paramLabel = "X", defaultValue = "0", description = "Rate warm-up starts from or holds. Default: ${DEFAULT-VALUE}.")
  public double warmupLr;

  /** SGD momentum. */
  @Option(names = "--momentum", paramLabel = "M", defaultValue = "0.9", description = "SGD momentum. Default: ${DEFAULT-VALUE}.")
  public double momentum = 0.9;

  /** Nesterov momentum. */
  @Option(names = "--nesterov", description = "Nesterov momentum for SGD.")
  public boolean nesterov;

  /** Adam β₁. */
  @Option(names = "--beta1", paramLabel = "B1", defaultValue = "0.9", description = "Adam/AdamW/AdaBound β1. Default: ${DEFAULT-VALUE}.")
  public double beta1 = 0.9;

  /** Adam β₂. */
  @Option(names = "--beta2", paramLabel = "B2", defaultValue = "0.999", description = "Adam/AdamW/AdaBound β2. Default: ${DEFAULT-VALUE}.")
  public double beta2 = 0.999;

  /** Adam ε. */
  @Option(names = "--adam-epsilon", paramLabel = "EPS", defaultValue = "1e-8", description = "Adam-family ε. Default: ${DEFAULT-VALUE}.")
  public double adamEpsilon = 1e-8;

  /** AdaBound's final rate. */
  @Option(names = "--final-lr", paramLabel = "X", defaultValue = "0.1", description = "AdaBound: SGD rate the bounds converge to. Default: ${DEFAULT-VALUE}.")
  public double finalLr = 0.1;

  /** AdaBound's γ. */
  @Option(names = "--adabound-gamma", paramLabel = "G", defaultValue = "0.001", description = "AdaBound: convergence speed of the bounds. Default: ${DEFAULT-VALUE}.")
  public double adaboundGamma = 1e-3;

  /** L2 weight decay. */
  @Option(names = "--weight-decay", paramLabel = "L2", defaultValue = "5e-4",
      description = "L2 weight decay (decoupled for adamw). Default: ${DEFAULT-VALUE}.")
  public double weightDecay = 5e-4;

  /** Skip decay on biases and BatchNorm. */
  @Option(names = "--no-bias-decay", description = "No weight decay (nor L1) on biases and BatchNorm γ/β.")
  public boolean noBiasDecay;

  /** L1 penalty. */
  @Option(names = "--l1", paramLabel = "L1", defaultValue = "0", description = "L1 penalty: adds L1·sign(w) to the gradient. Default: ${DEFAULT-VALUE}.")
  public double l1;

  /** Element-wise gradient clipping. */
  @Option(names = "--clip-grad", paramLabel = "C", defaultValue = "0", description = "Clip gradients element-wise to ±C (0 = off). Default: ${DEFAULT-VALUE}.")
  public double clipGrad;

  /** Mixup α. */
  @Option(names = "--mixup", paramLabel = "ALPHA", defaultValue = "0", description = "Mixup with λ ~ Beta(α, α) (0 = off). Default: ${DEFAULT-VALUE}.")
  public double mixup;

  /** CutMix α. */
  @Option(names = "--cutmix", paramLabel = "ALPHA", defaultValue = "0", description = "CutMix with λ ~ Beta(α, α) (0 = off). Default: ${DEFAULT-VALUE}.")
  public double cutmix;

  /** RICAP β. */
  @Option(names = "--ricap", paramLabel = "BETA", defaultValue = "0", description = "RICAP with boundary ~ Beta(β, β) (0 = off). Default: ${DEFAULT-VALUE}.")
  public double ricap;

  /** Probability of mixing a batch. */
  @Option(names = "--mix-prob", paramLabel = "P", defaultValue = "1", description = "Probability that a batch is mixed. Default: ${DEFAULT-VALUE}.")
  public double mixProb = 1;

  /** Probability of CutMix over mixup. */
  @Option(names = "--mix-switch-prob", paramLabel = "P", defaultValue = "0.5",
      description = "With --mixup and --cutmix: probability of CutMix. Default: ${DEFAULT-VALUE}.")
  public double mixSwitchProb = 0.5;

  /** Label smoothing ε. */
  @Option(names = "--label-smoothing", paramLabel = "EPS", defaultValue = "0",
      description = "Targets (1-ε)·onehot + ε/K. Default: ${DEFAULT-VALUE}.")
  public double labelSmoothing;

  /** Teacher run directory. */
  @Option(names = "--teacher", paramLabel = "RUN", description = "Distil from this run's model (frozen, eval mode).")
  public String teacher;

  /** KD temperature. */
  @Option(names = "--kd-temperature", paramLabel = "T", defaultValue = "4", description = "Distillation temperature. Default: ${DEFAULT-VALUE}.")
  public double kdTemperature = 4;

  /** KD weight. */
  @Option(names = "--kd-weight", paramLabel = "W", defaultValue = "1", description = "Distillation weight W in CE + W·T²·KD. Default: ${DEFAULT-VALUE}.")
  public double kdWeight = 1;

  /** Dropout before the classifier. */
  @Option(names = "--dropout", paramLabel = "P", defaultValue = "0", description = "Dropout before the classifier. Default: ${DEFAULT-VALUE}.")
  public double dropout;

  /** Weight initialisation. */
  @Option(names = "--init", paramLabel = "NAME", defaultValue = "kaiming", description = "kaiming|xavier. Default: ${DEFAULT-VALUE}.")
  public String init = "kaiming";

  /** Zero-γ residual BatchNorm. */
  @Option(names = "--zero-gamma", description = "Start each residual branch's last BatchNorm at γ = 0.")
  public boolean zeroGamma;

  /** Early-stopping patience. */
  @Option(names = "--patience", paramLabel = "N", defaultValue = "0",
      description = "Stop after N epochs without a better val top-1 (train loss without --val); 0 = off. Default: ${DEFAULT-VALUE}.")
  public int patience;

  /** Seed. */
  @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "Seed for init, shuffling, mixing, dropout. Default: ${DEFAULT-VALUE}.")
  public long seed;

  /** Devices. */
  @Option(names = "--devices", paramLabel = "LIST", defaultValue = "cpu",
      description = "cpu | gpu (all GPUs) | gpu0,gpu1,... (data parallel). Default: ${DEFAULT-VALUE}.")
  public String devices = "cpu";

  /** Compute threads. */
  @Option(names = "--threads", paramLabel = "N", defaultValue = "0",
      description = "libtorch intra-op threads (0 = libtorch's default). Default: ${DEFAULT-VALUE}.")
  public int threads;

  /** Decoder threads. */
  @Option(names = "--loader-threads", paramLabel = "N", defaultValue = "2", description = "Decoder threads. Default: ${DEFAULT-VALUE}.")
  public int loaderThreads = 2;

  /** Shuffle buffer. */
  @Option(names = "--shuffle-buffer", paramLabel = "N", defaultValue = "10000",
      description = "Records held for shuffling (bounded memory). Default: ${DEFAULT-VALUE}.")
  public int shuffleBuffer = 10_000;

  /** Prefetched batches. */
  @Option(names = "--prefetch", paramLabel = "N", defaultValue = "4", description = "Batches prepared ahead. Default: ${DEFAULT-VALUE}.")
  public int prefetch = 4;

  /** Online random crop padding. */
  @Option(names = "--random-crop", paramLabel = "PAD", defaultValue = "0",
      description = "Online random crop after zero-padding PAD pixels (0 = off). Default: ${DEFAULT-VALUE}.")
  public int randomCrop;

  /** Online horizontal flip. */
  @Option(names = "--hflip", description = "Online horizontal flip with probability 1/2.")
  public boolean hflip;

  /** Checkpoints kept. */
  @Option(names = "--keep-checkpoints", paramLabel = "N", defaultValue = "3",
      description = "Per-epoch checkpoints kept (plus best). Default: ${DEFAULT-VALUE}.")
  public int keepCheckpoints = 3;

  /** Limit of steps per epoch. */
  @Option(names = "--steps-per-epoch", paramLabel = "N", defaultValue = "0",
      description = "Use at most N batches per epoch (0 = the whole set). Default: ${DEFAULT-VALUE}.")
  public long stepsPerEpoch;

  /** Normalisation mean override. */
  @Option(names = "--mean", paramLabel = "M", split = ",",
      description = "Per-channel mean on the 0-1 scale (default: manifest stats, else estimated).")
  public double[] mean;

  /** Normalisation std override. */
  @Option(names = "--std", paramLabel = "S", split = ",", description = "Per-channel std on the 0-1 scale.")
  public double[] std;

  /** Writes this config as JSON. */
  public void write(Path file) throws IOException {
    Files.writeString(file, JSON.writeValueAsString(this) + "\n");
  }

  /** Reads a config written by {@link #write}. */
  public static TrainConfig read(Path file) throws IOException {
    try {
      return JSON.readValue(file.toFile(), TrainConfig.class);
    } catch (IOException e) {
      throw new IOException(file + ": not a readable training config: " + e.getMessage(), e);
    }
  }

  /** A deep copy. */
  public TrainConfig copy() {
    return JSON.convertValue(this, TrainConfig.class);
  }
}
