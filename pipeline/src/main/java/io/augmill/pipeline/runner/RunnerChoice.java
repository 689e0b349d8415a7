package io.augmill.pipeline.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Which Beam runner a job uses and how: the embedded DirectRunner, embedded Flink ({@code [local]}),
 * or a Flink session cluster at {@code HOST:PORT} (its REST endpoint), to which the bundled job jar is
 * staged.
 *
 * @param runner {@code direct} or {@code flink}
 * @param flinkMaster {@code [local]} or {@code HOST:PORT}; ignored for {@code direct}
 * @param parallelism workers (DirectRunner threads or Flink slots), at least 1
 * @param flinkJar the bundled job jar, needed for a cluster master only (null otherwise)
 */
public record RunnerChoice(String runner, String flinkMaster, int parallelism, Path flinkJar) {

  /** The embedded Flink master. */
  public static final String LOCAL = "[local]";
  /** Flink's batch execution mode with every exchange pipelined (see {@link #configure}). */
  static final String PIPELINED_FORCED = "PIPELINED_FORCED";
  private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._-]+:[0-9]{1,5}");

  /** Validates the combination; messages name the option at fault. */
  public RunnerChoice {
    runner = runner.toLowerCase(Locale.ROOT);
    if (!runner.equals("direct") && !runner.equals("flink")) {
      throw new IllegalArgumentException("--runner must be direct or flink, got '" + runner + "'");
    }
    if (flinkMaster == null) {
      flinkMaster = LOCAL;
    }
    if (!flinkMaster.equals(LOCAL) && !HOST_PORT.matcher(flinkMaster).matches()) {
      throw new IllegalArgumentException("--flink-master must be [local] or HOST:PORT, got '" + flinkMaster + "'");
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("--parallelism must be at least 1, got " + parallelism);
    }
  }

  /** The DirectRunner with the given number of threads. */
  public static RunnerChoice direct(int parallelism) {
    return new RunnerChoice("direct", LOCAL, parallelism, null);
  }

  /** Embedded Flink at the given parallelism. */
  public static RunnerChoice flinkLocal(int parallelism) {
    return new RunnerChoice("flink", LOCAL, parallelism, null);
  }

  /** True for a Flink session cluster (not embedded). */
  public boolean isRemoteFlink() {
    return runner.equals("flink") && !flinkMaster.equals(LOCAL);
  }

  /** True for the DirectRunner. */
  public boolean isDirect() {
    return runner.equals("direct");
  }

  /**
   * Sets the runner options. The DirectRunner runs non-blocking (so the job can print progress) and
   * without its per-element immutability/encodability checks, which copy every image; Flink reuses
   * objects between chained steps and hands elements on without a coder round trip where it would
   * copy them ({@code fasterCopy}), both safe because no step mutates its input. Flink's exchanges are all
   * pipelined ({@code PIPELINED_FORCED}): by default its batch optimizer makes every edge where the job
   * branches and later joins blocking (16 pipelined regions for the preprocess job), so each stage waited
   * for the one before it to finish and every decoded image was written to a blocking result partition and
   * read back. Forcing pipelined exchanges risks deadlock only where one step reads an input in full before
   * another that shares its upstream; here the only step with several inputs, the manifest, takes its main
   * input from its own {@code Create}, and a run with 40 000 rejected records (read there as a side input
   * while the shards are still being written) finished normally.
   *
   * @throws IllegalArgumentException when a cluster master is chosen but no bundled jar exists
   */
  public void configure(PipelineOptions options) {
    if (isDirect()) {
      options.setRunner(DirectRunner.class);
      DirectOptions direct = options.as(DirectOptions.class);
      direct.setBlockOnRun(false);
      direct.setEnforceImmutability(false);
      direct.setEnforceEncodability(false);
      direct.setTargetParallelism(parallelism);
      return;
    }
    options.setRunner(FlinkRunner.class);
    FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
    flink.setFlinkMaster(flinkMaster);
    flink.setParallelism(parallelism);
    flink.setObjectReuse(true);
    flink.setFasterCopy(true);
    flink.setExecutionModeForBatch(PIPELINED_FORCED);
    if (isRemoteFlink()) {
      if (flinkJar == null) {
        throw new IllegalArgumentException("--flink-master " + flinkMaster + " needs the bundled job jar; build it with "
            + "'mvn -o -q -pl pipeline -am package -DskipTests' or pass --flink-jar FILE");
      }
      flink.setFilesToStage(List.of(flinkJar.toAbsolutePath().toString()));
    }
  }
}
