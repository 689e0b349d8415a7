package io.augmill.pipeline.cli;

import io.augmill.ops.cli.VersionProvider;
import com.fasterxml.jackson.databind.JsonNode;
import io.augmill.pipeline.runner.RunnerChoice;
import io.augmill.pipeline.stats.StatsJob;
import io.augmill.pipeline.stats.StatsOptions;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code augmill stats}: per-channel mean/std and RGB covariance eigen-decomposition of a dataset. */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = VersionProvider.class,
    description = "Per-channel mean/std and the RGB covariance with its eigen-decomposition (0-1 pixel scale), "
        + "for normalisation and pca_lighting. A Beam job (Read -> Decode -> Combine).")
final class StatsCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "SRC", description = "Dataset source, as for preprocess")
  String input;

  @Option(names = "--output", required = true, paramLabel = "stats.json", description = "Output JSON file")
  String output;

  @Option(names = "--split", paramLabel = "train|test", description = "Split to read (default ${DEFAULT-VALUE})")
  String split = "train";

  @Option(names = "--max-pixels", paramLabel = "N", description = "Skip larger images (default ${DEFAULT-VALUE})")
  long maxPixels = 89_478_485L;

  @Mixin
  RunnerOptions runnerOptions = new RunnerOptions();

  @Override
  public Integer call() throws Exception {
    StatsOptions o = PipelineOptionsFactory.as(StatsOptions.class);
    o.setJobName("augmill-stats");
    o.setInput(input);
    o.setOutput(output);
    o.setSplit(split);
    o.setMaxPixels(maxPixels);
    RunnerChoice runner;
    try {
      runner = runnerOptions.choice();
      return report(StatsJob.run(o, runner));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
  }

  private int report(StatsJob.Result result) {
    JsonNode s = result.stats();
    spec.commandLine().getErr().println("counters:");
    spec.commandLine().getErr().println(result.summary().describe());
    spec.commandLine().getOut().printf("stats: %d images, mean %s, std %s, eigval %s -> %s%n", s.path("images").asLong(),
        s.path("mean"), s.path("std"), s.path("eigval"), output);
    return 0;
  }
}
