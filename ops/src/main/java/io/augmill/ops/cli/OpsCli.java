package io.augmill.ops.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Entry point of the ops commands: {@code apply}, {@code preview}, {@code policies}, {@code golden}. */
@Command(name = "augmill", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Augmill image augmentation commands.",
    subcommands = {ApplyCommand.class, PreviewCommand.class, PoliciesCommand.class, GoldenCommand.class})
public final class OpsCli implements Runnable {

  @Spec
  private CommandSpec spec;

  /** Runs {@code augmill COMMAND ARGS...}. */
  public static void main(String[] args) {
    CliSupport.main(new OpsCli(), args);
  }

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command (apply, preview, policies, golden)");
  }
}
