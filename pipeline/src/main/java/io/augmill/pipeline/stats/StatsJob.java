package io.augmill.pipeline.stats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.datasets.source.DataSource;
import io.augmill.ops.spec.TransformJson;
import io.augmill.pipeline.image.DecodeImages;
import io.augmill.pipeline.runner.JobRun;
import io.augmill.pipeline.runner.JobSummary;
import io.augmill.pipeline.runner.RunnerChoice;
import io.augmill.pipeline.source.InputSource;
import io.augmill.pipeline.source.ReadImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.ParDo;

/**
 * The stats job: Read → Decode → Stats (a Combine of exact per-channel sums and products) →
 * WriteStats. The JSON it writes is the same object the preprocess job puts under the manifest's
 * {@code stats}, plus the source and split; {@code eigval}/{@code eigvec} can be passed to
 * {@code pca_lighting} and {@code mean}/{@code std} to the trainer's normalisation.
 */
public final class StatsJob {

  /**
   * The outcome of a run.
   *
   * @param stats the JSON written
   * @param summary the job's counters and wall time
   */
  public record Result(JsonNode stats, JobSummary summary) {}

  private StatsJob() {}

  /**
   * Runs the job to completion.
   *
   * @throws IllegalArgumentException naming the option at fault
   * @throws IllegalStateException when the job fails
   */
  public static Result run(StatsOptions options, RunnerChoice runner) throws IOException {
    if (options.getMaxPixels() < 1) {
      throw new IllegalArgumentException("--max-pixels must be at least 1, got " + options.getMaxPixels());
    }
    Path output = Path.of(options.getOutput()).toAbsolutePath();
    if (Files.isDirectory(output)) {
      throw new IllegalArgumentException("--output " + output + " is a directory; give a .json file");
    }
    DataSource source = InputSource.open(options.getInput(), options.getSplit());
    runner.configure(options);
    Pipeline p = Pipeline.create(options);
    p.apply("Read", ReadImages.forWorkers(source, runner.parallelism()))
        .apply("Decode", DecodeImages.withMaxPixels(options.getMaxPixels()))
        .get(DecodeImages.DECODED)
        .apply("Stats", new ComputeStats())
        .apply("WriteStats", ParDo.of(new WriteStatsFn(output.toString(), options.getInput(), options.getSplit())));
    JobSummary summary = JobRun.run(p, runner, OptionalLong.of(source.count()), true);
    return new Result(TransformJson.JSON.readTree(output.toFile()), summary);
  }

  /** Writes the statistics file. */
  static final class WriteStatsFn extends DoFn<ChannelStats, Void> {

    private static final long serialVersionUID = 1L;
    private final String file;
    private final String source;
    private final String split;

    WriteStatsFn(String file, String source, String split) {
      this.file = file;
      this.source = source;
      this.split = split;
    }

    @ProcessElement
    public void process(@Element ChannelStats stats) throws IOException {
      ObjectNode json = TransformJson.JSON.createObjectNode();
      json.put("source", source);
      json.put("split", split);
      json.setAll(stats.toJson());
      Path path = Path.of(file);
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      Files.writeString(path, TransformJson.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
    }
  }
}
