package io.augmill.datasets.cli;

import io.augmill.ops.cli.CliSupport;
import io.augmill.ops.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Entry point of the datasets commands: {@code inspect} and {@code datasets}. */
@Command(name = "augmill", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Augmill dataset commands.",
    subcommands = {InspectCommand.class, DatasetsCommand.class})
public final class DatasetsCli implements Runnable {

  @Spec
  private CommandSpec spec;

  /** Runs {@code augmill COMMAND ARGS...}; exits 0 on success, 1 on a failed job, 2 on bad usage. */
  public static void main(String[] args) {
    CliSupport.main(new DatasetsCli(), args);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command (inspect, datasets)");
  }
}
