package io.augmill.training.cli;

import io.augmill.ops.cli.CliSupport;
import io.augmill.ops.cli.VersionProvider;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point for the trainer's commands: {@code TrainingCli <train|evaluate|predict> [options]}.
 * The launcher runs this class in its own JVM so DJL never shares one with Beam.
 */
@Command(name = "augmill", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Augmill trainer commands.",
    subcommands = {TrainCommand.class, EvaluateCommand.class, PredictCommand.class})
public final class TrainingCli implements Runnable {

  /** Runs a command and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs a command and returns its exit code (0 ok, 1 failed job, 2 bad usage). */
  public static int run(String... args) {
    // DJL probes for CUDA on every start and warns when the machine has no usable driver; --devices
    // gpu reports that case itself.
    CliSupport.quietLogging("ai.djl.util.cuda.CudaUtils");
    System.setProperty("java.awt.headless", "true");
    CommandLine cl = new CommandLine(new TrainingCli());
    cl.setErr(new PrintWriter(System.err, true));
    cl.setOut(new PrintWriter(System.out, true));
    cl.setParameterExceptionHandler((e, a) -> {
      String cmd = e.getCommandLine().getCommandName();
      e.getCommandLine().getErr().println("augmill " + cmd + ": " + e.getMessage().replace('\n', ' ')
          + " (see augmill " + cmd + " --help)");
      return 2;
    });
    cl.setExecutionExceptionHandler((e, c, p) -> {
      c.getErr().println("augmill " + c.getCommandName() + ": failed: " + describe(e));
      return 1;
    });
    return cl.execute(args);
  }

  static String describe(Throwable e) {
    String m = e.getMessage();
    return (m == null || m.isBlank() ? e.getClass().getSimpleName() : m).replace('\n', ' ');
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "a command is required: train, evaluate or predict");
  }
}
