package io.augmill.datasets.cli;

import io.augmill.ops.testing.CommandRun;

/** Runs the datasets CLI in-process, as the launcher would. */
public final class CliRun {

  private CliRun() {}

  /** Runs {@code augmill ARGS...}. */
  public static CommandRun of(String... args) {
    return CommandRun.of(new DatasetsCli(), args);
  }
}
