package io.augmill.ops.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Runs a picocli command with Augmill's conventions: {@code 0} on success; {@code 2} on bad usage
 * (picocli parameter errors, {@link UsageException}, {@link IllegalArgumentException} from validating
 * an option's value) with one line {@code augmill COMMAND: reason}; {@code 1} on a failed job with its
 * reason. Set {@code AUGMILL_DEBUG=1} for stack traces.
 */
public final class CliSupport {

  /** Exit code of a successful command. */
  public static final int OK = 0;
  /** Exit code of a failed job. */
  public static final int FAILED = 1;
  /** Exit code of bad usage. */
  public static final int USAGE = 2;

  private CliSupport() {}

  /** Configures a command line with the shared handlers. */
  public static CommandLine configure(CommandLine cli) {
    boolean debug = System.getenv("AUGMILL_DEBUG") != null;
    cli.setParameterExceptionHandler((ex, args) -> {
      PrintWriter err = ex.getCommandLine().getErr();
      err.println(prefix(ex.getCommandLine()) + ex.getMessage());
      err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
      return USAGE;
    });
    cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (debug) {
        ex.printStackTrace(err);
      }
      boolean usage = ex instanceof UsageException || ex instanceof IllegalArgumentException;
      err.println(prefix(commandLine) + (usage ? "" : "failed: ") + describe(ex));
      return usage ? USAGE : FAILED;
    });
    return cli;
  }

  /** Parses, runs and exits the JVM with the command's exit code. */
  public static void main(Object command, String[] args) {
    System.exit(configure(new CommandLine(command)).execute(args));
  }

  /**
   * Keeps library logging (SLF4J's simple logger, which the module executables bind) to warnings and
   * errors on stderr, and the named loggers to errors only, so that a command's own progress and results
   * are not buried in the start-up logging of Beam, Flink or DJL. Call before the first logger is created.
   * A level the user set as a system property (e.g. {@code -Dorg.slf4j.simpleLogger.defaultLogLevel=info}
   * in {@code JAVA_OPTS}) wins.
   *
   * @param silenced loggers (class or package names) that warn about nothing a user can act on
   */
  public static void quietLogging(String... silenced) {
    setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
    for (String logger : silenced) {
      setIfAbsent("org.slf4j.simpleLogger.log." + logger, "error");
    }
  }

  private static void setIfAbsent(String property, String value) {
    if (System.getProperty(property) == null) {
      System.setProperty(property, value);
    }
  }

  private static String prefix(CommandLine commandLine) {
    return commandLine.getCommandSpec().qualifiedName() + ": ";
  }

  private static String describe(Throwable ex) {
    String message = ex.getMessage();
    if (message == null || message.isBlank()) {
      message = ex.getClass().getSimpleName();
    }
    if (ex instanceof java.nio.file.NoSuchFileException) {
      message = "no such file: " + message;
    } else if (ex instanceof java.nio.file.AccessDeniedException) {
      message = "permission denied: " + message;
    }
    return message.lines().findFirst().orElse(message);
  }
}
