package io.augmill.training.cli;

import io.augmill.training.data.ImageSource;
import io.augmill.training.data.ShardSource;
import io.augmill.training.run.DjlEnvironment;
import io.augmill.training.run.TrainConfig;
import io.augmill.training.run.TrainingRun;
import io.augmill.training.run.TrainingState;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code augmill train}: trains a classifier on a shard set and writes a run directory. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Train a ResNet on Augmill shards with DJL (PyTorch engine).",
        "Writes RUN/config.json, metrics.csv, checkpoints/, model/ and report.html.",
        "With --resume RUN the run continues from its newest checkpoint with its saved settings."})
final class TrainCommand implements Callable<Integer> {

  /** Options that may accompany --resume: they change speed, never results. */
  private static final Set<String> RESUME_COMPATIBLE = Set.of("--resume", "--threads", "--loader-threads", "--prefetch", "--quiet");

  @Spec CommandSpec spec;

  @Mixin TrainConfig cfg;

  @Option(names = "--resume", paramLabel = "RUN", description = "Continue RUN exactly (optimizer state, schedule step, RNG streams).")
  String resume;

  @Option(names = "--quiet", description = "No progress bar (the per-epoch summary lines stay).")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    TrainConfig config = cfg;
    if (resume != null) {
      List<String> extra = spec.commandLine().getParseResult().matchedOptions().stream()
          .map(OptionSpec::longestName).filter(n -> !RESUME_COMPATIBLE.contains(n)).toList();
      if (!extra.isEmpty()) {
        throw usage("--resume takes its settings from " + resume + "/config.json; drop " + String.join(", ", extra));
      }
      try {
        config = TrainingRun.config(Path.of(resume));
      } catch (java.io.IOException e) {
        throw usage("--resume: " + e.getMessage());
      }
      config.threads = cfg.threads != 0 ? cfg.threads : config.threads;
      config.loaderThreads = cfg.loaderThreads;
      config.prefetch = cfg.prefetch;
    } else {
      if (config.train == null) {
        throw usage("--train DIR is required");
      }
      if (config.output == null) {
        throw usage("--output RUN is required");
      }
    }
    DjlEnvironment.configure(config.threads);
    ConsoleProgress progress = new ConsoleProgress(System.err, !quiet);
    try (ImageSource train = open("--train", config.train);
        ImageSource val = config.val == null ? null : open("--val", config.val)) {
      TrainingRun run;
      try {
        run = resume != null
            ? TrainingRun.resume(Path.of(resume), config, train, val, progress)
            : TrainingRun.start(config, train, val, progress);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      try (run) {
        TrainingState s = run.run();
        Path dir = Path.of(resume != null ? resume : config.output);
        String best = val != null
            ? String.format(Locale.ROOT, "best val top-1 %.2f%% at epoch %d", 100 * s.bestScore(), s.bestEpoch())
            : String.format(Locale.ROOT, "best train loss %.4f at epoch %d", -s.bestScore(), s.bestEpoch());
        System.out.println(String.format(Locale.ROOT, "%s: %d epochs, %s; model in %s, report %s", dir, s.epochsDone(), best,
            dir.resolve("model"), dir.resolve("report.html")));
      }
    }
    return 0;
  }

  private ImageSource open(String option, String dir) {
    try {
      return ShardSource.open(Path.of(dir));
    } catch (java.io.IOException | IllegalArgumentException e) {
      throw usage(option + " " + dir + ": " + e.getMessage());
    }
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
