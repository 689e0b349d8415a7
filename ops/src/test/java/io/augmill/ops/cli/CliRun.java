package io.augmill.ops.cli;

import io.augmill.ops.testing.CommandRun;

/** Runs the ops CLI in-process. */
final class CliRun {

  private CliRun() {}

  static CommandRun of(String... args) {
    return CommandRun.of(new OpsCli(), args);
  }
}
