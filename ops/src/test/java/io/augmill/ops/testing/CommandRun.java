package io.augmill.ops.testing;

import io.augmill.ops.cli.CliSupport;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs an Augmill command in-process with the launcher's conventions ({@link CliSupport}) and captures
 * its exit code, stdout and stderr. Shared by every module's CLI tests through the ops test-jar.
 *
 * @param exitCode the command's exit code
 * @param out what it printed to stdout
 * @param err what it printed to stderr (including picocli's messages)
 */
public record CommandRun(int exitCode, String out, String err) {

  /** Runs {@code command} (a picocli top-level command object) with {@code args}. */
  public static synchronized CommandRun of(Object command, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    StringWriter cliErr = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      CommandLine cli = CliSupport.configure(new CommandLine(command));
      cli.setErr(new PrintWriter(cliErr, true));
      int code = cli.execute(args);
      return new CommandRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8) + cliErr);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }
}
