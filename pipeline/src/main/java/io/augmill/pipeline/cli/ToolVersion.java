package io.augmill.pipeline.cli;

import io.augmill.datasets.shard.Manifest;
import picocli.CommandLine;

/** {@code --version}: the version the manifest records as {@code tool_version}. */
final class ToolVersion implements CommandLine.IVersionProvider {

  @Override
  public String[] getVersion() {
    return new String[] {Manifest.currentToolVersion()};
  }
}
