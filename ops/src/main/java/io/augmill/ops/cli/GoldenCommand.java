package io.augmill.ops.cli;

import io.augmill.ops.golden.GoldenSuite;
import io.augmill.ops.spec.OpRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code augmill golden check|update --suite DIR}: golden-image regression. */
@Command(name = "golden", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Golden-image regression: compare ops and policies on fixed inputs with stored outputs (check),",
        "or rewrite the stored outputs from the current code (update). A failing case writes NAME-actual.png",
        "and an 8x magnified NAME-diff.png to the report directory."})
final class GoldenCommand implements Callable<Integer> {

  enum Action { check, update }

  @Parameters(index = "0", paramLabel = "check|update", description = "What to do: ${COMPLETION-CANDIDATES}.")
  Action action;

  @Option(names = "--suite", paramLabel = "DIR", required = true, description = "Suite directory (suite.yaml, inputs/, expected/).")
  Path suite;

  @Option(names = "--report", paramLabel = "DIR", description = "Where failing cases write images (default: SUITE/failures).")
  Path report;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(suite)) {
      throw new UsageException("--suite " + suite + ": no such directory");
    }
    GoldenSuite goldens = GoldenSuite.load(suite, OpRegistry.builtin());
    if (action == Action.update) {
      List<String> written = goldens.update();
      System.out.println("updated " + written.size() + " stored outputs in " + suite.resolve("expected"));
      return CliSupport.OK;
    }
    Path reportDir = report != null ? report : suite.resolve("failures");
    int failed = 0;
    List<GoldenSuite.Result> results = goldens.check(reportDir);
    for (GoldenSuite.Result r : results) {
      if (!r.passed()) {
        failed++;
        System.out.println("FAIL " + r.message());
      }
    }
    System.out.println("golden: " + (results.size() - failed) + " passed, " + failed + " failed");
    return failed == 0 ? CliSupport.OK : CliSupport.FAILED;
  }
}
