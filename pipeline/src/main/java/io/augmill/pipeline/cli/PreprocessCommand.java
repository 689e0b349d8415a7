package io.augmill.pipeline.cli;

import io.augmill.ops.cli.VersionProvider;
import io.augmill.datasets.shard.Manifest;
import io.augmill.pipeline.preprocess.PreprocessJob;
import io.augmill.pipeline.preprocess.PreprocessOptions;
import io.augmill.pipeline.runner.RunnerChoice;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code augmill preprocess}: the Beam job that augments a dataset and writes a shard set. */
@Command(name = "preprocess", mixinStandardHelpOptions = true, sortOptions = false,
    versionProvider = VersionProvider.class,
    description = "Read a dataset, apply a policy K times per image, and write TFRecord shards with their index "
        + "files, manifest.json and rejected/<split>.jsonl. Identical output on every runner and parallelism.")
final class PreprocessCommand implements Callable<Integer> {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--input", required = true, paramLabel = "SRC",
      description = "cifar10:DIR, cifar100:DIR, idx:DIR, folder:DIR, synthetic:shapes[?count=N&size=S&seed=K], tfrecord:DIR")
  String input;

  @Option(names = "--output", required = true, paramLabel = "DIR",
      description = "Output directory (new, empty, or holding an earlier shard set, which is replaced)")
  String output;

  @Option(names = "--policy", required = true, paramLabel = "P",
      description = "Built-in policy name (augmill policies), compact string, or YAML/JSON file")
  String policy;

  @Option(names = "--variants", paramLabel = "K", description = "Augmented variants per image (default ${DEFAULT-VALUE})")
  int variants = 1;

  @Option(names = "--keep-original", description = "Also write the un-augmented image as variant 0")
  boolean keepOriginal;

  @Option(names = "--shards", paramLabel = "N", description = "Shard files (default ${DEFAULT-VALUE})")
  int shards = 4;

  @Option(names = "--seed", paramLabel = "N", description = "Global seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--codec", paramLabel = "png|jpeg|raw", description = "Output codec (default ${DEFAULT-VALUE})")
  String codec = "png";

  @Option(names = "--jpeg-quality", paramLabel = "Q", description = "JPEG quality 1-100 (default ${DEFAULT-VALUE})")
  int jpegQuality = 95;

  @Option(names = "--split", paramLabel = "train|test", description = "Split to read (default ${DEFAULT-VALUE})")
  String split = "train";

  @Option(names = "--max-pixels", paramLabel = "N",
      description = "Reject larger images as too-large, checked from the header (default ${DEFAULT-VALUE})")
  long maxPixels = 89_478_485L;

  @Option(names = "--no-progress", description = "Do not print the progress line (DirectRunner)")
  boolean noProgress;

  @Mixin
  RunnerOptions runnerOptions = new RunnerOptions();

  @Override
  public Integer call() throws Exception {
    PreprocessOptions o = PipelineOptionsFactory.as(PreprocessOptions.class);
    o.setJobName("augmill-preprocess");
    o.setInput(input);
    o.setOutput(output);
    o.setPolicy(policy);
    o.setVariants(variants);
    o.setKeepOriginal(keepOriginal);
    o.setShards(shards);
    o.setSeed(seed);
    o.setCodec(codec);
    o.setJpegQuality(jpegQuality);
    o.setSplit(split);
    o.setMaxPixels(maxPixels);
    o.setProgress(!noProgress);
    RunnerChoice runner;
    PreprocessJob.Plan plan;
    try {
      runner = runnerOptions.choice();
      plan = PreprocessJob.plan(o);
      runner.configure(o);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    PreprocessJob.Result result = PreprocessJob.run(o, plan, runner);
    Manifest m = result.manifest();
    PrintWriter err = spec.commandLine().getErr();
    err.println("counters:");
    err.println(result.summary().describe());
    spec.commandLine().getOut().printf("preprocess: wrote %d records to %d shards in %s (inputs %d; rejected %d inputs, "
            + "%d variants%s)%n", m.records(), m.shards().size(), output, m.inputs(), m.rejected().inputs(),
        m.rejected().variants(), m.rejected().byReason().isEmpty() ? "" : ": " + m.rejected().byReason());
    return 0;
  }
}
