package io.augmill.datasets.cli;

import io.augmill.ops.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code augmill datasets}: the {@code list} and {@code fetch} sub-commands. */
@Command(name = "datasets", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "List dataset sources, or download a public dataset.",
    subcommands = {ListCommand.class, FetchCommand.class})
final class DatasetsCommand implements Runnable {

  @Spec
  private CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing sub-command (list, fetch)");
  }
}
