package io.augmill.pipeline.cli;

import io.augmill.ops.cli.CliSupport;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The pipeline module's commands, {@code preprocess} and {@code stats}; the {@code augmill} launcher
 * passes the command name as the first argument. Exit codes: 0 success, 2 bad usage (one line naming
 * the option), 1 failed job (with the reason).
 */
@Command(name = "augmill", subcommands = {PreprocessCommand.class, StatsCommand.class},
    description = "Beam jobs: preprocess (augment and write shards) and stats (channel statistics).")
public final class PipelineCli implements Runnable {

  /** Exit code of a bad command line. */
  public static final int USAGE = 2;
  /** Exit code of a failed job. */
  public static final int FAILED = 1;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /**
   * Loggers of the embedded runners that warn about things a user cannot act on: Flink's operator-name
   * truncation, delegation tokens, web-dashboard log files, and the RPC system's note that it could not
   * add a shutdown hook when the JVM exits while it is still stopping after the job. (At its default level, info, an embedded
   * Flink job would also print about a thousand lines of start-up logging.)
   */
  static final String[] SILENCED = {"org.apache.flink.metrics.MetricGroup",
      "org.apache.flink.runtime.security.token.DefaultDelegationTokenManager",
      "org.apache.flink.runtime.webmonitor.WebMonitorUtils", "org.apache.pekko.actor.CoordinatedShutdown"};

  /** Parses the command line and runs the command; exits with its code. */
  public static void main(String[] args) {
    CliSupport.quietLogging(SILENCED);
    System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs a command line with the given streams and returns the exit code (for tests and embedding). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new PipelineCli());
    cli.setOut(out);
    cli.setErr(err);
    cli.setParameterExceptionHandler((ex, arguments) -> {
      ex.getCommandLine().getErr().println(ex.getCommandLine().getCommandSpec().qualifiedName() + ": " + ex.getMessage());
      return USAGE;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      commandLine.getErr().println(commandLine.getCommandSpec().qualifiedName() + ": failed: " + ex.getMessage());
      if (System.getenv("AUGMILL_DEBUG") != null) {
        ex.printStackTrace(commandLine.getErr());
      }
      return FAILED;
    });
    int code = cli.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command (preprocess or stats)");
  }
}
