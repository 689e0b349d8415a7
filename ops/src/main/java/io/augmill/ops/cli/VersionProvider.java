package io.augmill.ops.cli;

import io.augmill.ops.Version;
import picocli.CommandLine;

/** {@code --version} for every Augmill command. */
public final class VersionProvider implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {"augmill " + Version.get() + " (Java " + Runtime.version() + ")"};
  }
}
