package io.augmill.pipeline.cli;

import io.augmill.pipeline.runner.FlinkBundle;
import io.augmill.pipeline.runner.RunnerChoice;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The runner flags shared by the pipeline commands. */
final class RunnerOptions {

  @Option(names = "--runner", paramLabel = "direct|flink",
      description = "Beam runner: direct (embedded, default) or flink (embedded, or a session cluster with --flink-master HOST:PORT)")
  String runner;

  @Option(names = "--flink-master", paramLabel = "[local]|HOST:PORT",
      description = "Flink master: [local] (embedded, default) or the REST address of a session cluster; implies --runner flink")
  String flinkMaster;

  @Option(names = "--parallelism", paramLabel = "P",
      description = "Workers: DirectRunner threads or Flink parallelism (default: number of cores, ${DEFAULT-VALUE})")
  int parallelism = Runtime.getRuntime().availableProcessors();

  @Option(names = "--flink-jar", paramLabel = "FILE",
      description = "Bundled job jar staged to a Flink session cluster (default: the pipeline build's *-flink.jar)")
  Path flinkJar;

  /** The validated choice; messages name the option at fault. */
  RunnerChoice choice() {
    String r = runner != null ? runner : flinkMaster != null ? "flink" : "direct";
    if (r.equals("direct") && flinkMaster != null) {
      throw new IllegalArgumentException("--flink-master needs --runner flink");
    }
    Path jar = null;
    if (flinkMaster != null && !flinkMaster.equals(RunnerChoice.LOCAL)) {
      if (flinkJar != null && !Files.isRegularFile(flinkJar)) {
        throw new IllegalArgumentException("--flink-jar " + flinkJar + " does not exist");
      }
      jar = flinkJar != null ? flinkJar : FlinkBundle.locate().orElse(null);
    }
    return new RunnerChoice(r, flinkMaster, parallelism, jar);
  }
}
