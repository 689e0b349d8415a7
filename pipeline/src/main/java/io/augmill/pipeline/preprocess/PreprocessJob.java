package io.augmill.pipeline.preprocess;

import io.augmill.datasets.shard.Manifest;
import io.augmill.datasets.shard.RejectedLog;
import io.augmill.datasets.shard.ShardName;
import io.augmill.datasets.source.DataSource;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.policy.Policies;
import io.augmill.ops.policy.Policy;
import io.augmill.pipeline.runner.JobRun;
import io.augmill.pipeline.runner.JobSummary;
import io.augmill.pipeline.runner.RunnerChoice;
import io.augmill.pipeline.shard.ManifestTemplate;
import io.augmill.pipeline.shard.WriteShards;
import io.augmill.pipeline.source.InputSource;
import io.augmill.pipeline.source.ReadImages;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;

/**
 * The preprocess job: Read → {@link PreprocessImages} (Process, which decodes, augments and encodes in
 * one step → WriteShards → Manifest). {@link #plan} validates the options without side effects; {@link #run} runs the job.
 */
public final class PreprocessJob {

  /**
   * What validated options resolve to.
   *
   * @param source the opened source
   * @param policy the resolved policy
   * @param format the output codec
   * @param output the output directory
   */
  public record Plan(DataSource source, Policy policy, ImageCodec.Format format, Path output) {}

  /**
   * The outcome of a run.
   *
   * @param manifest the manifest written
   * @param summary the job's counters and wall time
   */
  public record Result(Manifest manifest, JobSummary summary) {}

  private PreprocessJob() {}

  /**
   * Validates the options and opens the source and policy.
   *
   * @throws IllegalArgumentException naming the option at fault and what would be valid
   */
  public static Plan plan(PreprocessOptions o) {
    requireAtLeast("--variants", o.getVariants(), 1);
    requireAtLeast("--shards", o.getShards(), 1);
    requireAtLeast("--max-pixels", o.getMaxPixels(), 1);
    if (o.getJpegQuality() < 1 || o.getJpegQuality() > 100) {
      throw new IllegalArgumentException("--jpeg-quality must be in [1, 100], got " + o.getJpegQuality());
    }
    ImageCodec.Format format;
    try {
      format = ImageCodec.Format.parse(o.getCodec());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--codec must be png, jpeg or raw, got '" + o.getCodec() + "'");
    }
    try {
      new ShardName(o.getSplit(), 0, o.getShards());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--split/--shards: " + e.getMessage(), e);
    }
    Policy policy;
    try {
      policy = Policies.builtin().resolve(o.getPolicy());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--policy: " + e.getMessage(), e);
    }
    Path output = Path.of(o.getOutput());
    checkOutput(output);
    return new Plan(InputSource.open(o.getInput(), o.getSplit()), policy, format, output);
  }

  /**
   * Runs the job to completion: clears a previous shard set in the output directory, runs, and
   * returns the manifest and counters. The DirectRunner prints a progress line to stderr.
   *
   * @param plan what {@link #plan} made of {@code options}
   * @throws IllegalArgumentException when the runner cannot be configured (e.g. no bundled jar)
   * @throws IllegalStateException when the job fails, with the runner's reason
   */
  public static Result run(PreprocessOptions options, Plan plan, RunnerChoice runner) throws IOException {
    runner.configure(options);
    clearPreviousShardSet(plan.output());
    Pipeline p = build(options, plan, runner.parallelism());
    OptionalLong expected = OptionalLong.of(plan.source().count());
    JobSummary summary;
    try {
      summary = JobRun.run(p, runner, expected, options.getProgress());
    } catch (RuntimeException | Error e) {
      removeRuns(plan.output(), e);
      throw e;
    }
    removeRuns(plan.output(), null);
    return new Result(Manifest.read(plan.output().resolve(Manifest.FILE_NAME)), summary);
  }

  /**
   * Removes the job's run files. A failure to do so never hides the job's own error ({@code failure}, which gets
   * it as a suppressed exception); after a successful job it is reported on stderr, since the shard set is
   * complete.
   */
  private static void removeRuns(Path output, Throwable failure) {
    try {
      WriteShards.deleteScratch(output);
    } catch (IOException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      } else {
        System.err.println("augmill preprocess: the shard set is complete, but its run files in "
            + output.resolve(WriteShards.SCRATCH_DIRECTORY) + " could not all be removed (" + e + "); delete them");
      }
    }
  }

  /** Builds the pipeline of a validated plan. */
  public static Pipeline build(PreprocessOptions o, Plan plan, int parallelism) {
    ManifestTemplate template = new ManifestTemplate(plan.output().toAbsolutePath().toString(), o.getSplit(),
        o.getShards(), plan.source().classes(), plan.format().specName(), plan.policy().toJson().toString(),
        o.getSeed(), o.getVariants(), o.getKeepOriginal(), o.getInput(), Manifest.currentToolVersion());
    Pipeline p = Pipeline.create(o);
    p.apply("Read", ReadImages.forWorkers(plan.source(), parallelism))
        .apply("Preprocess", PreprocessImages.of(plan.policy(), plan.format(), o.getJpegQuality(), o.getMaxPixels(),
            template));
    return p;
  }

  private static void requireAtLeast(String option, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException(option + " must be at least " + min + ", got " + value);
    }
  }

  /** The output may be missing, empty, or hold an earlier shard set (which is replaced); nothing else. */
  private static void checkOutput(Path output) {
    if (Files.exists(output) && !Files.isDirectory(output)) {
      throw new IllegalArgumentException("--output " + output + " is a file, not a directory");
    }
    if (Files.isDirectory(output) && !Files.exists(output.resolve(Manifest.FILE_NAME))) {
      try (Stream<Path> entries = Files.list(output)) {
        if (entries.anyMatch(e -> !e.getFileName().toString().equals(WriteShards.SCRATCH_DIRECTORY))) {
          throw new IllegalArgumentException("--output " + output
              + " is not empty and holds no shard set (manifest.json); choose an empty or new directory");
        }
      } catch (IOException e) {
        throw new IllegalArgumentException("--output " + output + " cannot be listed: " + e.getMessage(), e);
      }
    }
  }

  private static void clearPreviousShardSet(Path output) throws IOException {
    if (!Files.isDirectory(output)) {
      return;
    }
    WriteShards.deleteScratch(output);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(output,
        p -> ShardName.parse(p.getFileName().toString().replaceFirst("\\.idx$", "")).isPresent()
            || p.getFileName().toString().equals(Manifest.FILE_NAME))) {
      for (Path f : files) {
        Files.delete(f);
      }
    }
    Path rejected = output.resolve(RejectedLog.DIRECTORY);
    if (Files.isDirectory(rejected)) {
      try (DirectoryStream<Path> logs = Files.newDirectoryStream(rejected, "*.jsonl")) {
        for (Path f : logs) {
          Files.delete(f);
        }
      }
    }
  }
}
