package io.augmill.pipeline.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.beam.runners.flink.FlinkPipelineOptions;

/**
 * A private scratch directory for one embedded Flink job, removed when the job ends. Embedded Flink
 * writes its working files (a {@code minicluster_*} directory and a ~20 MB {@code flink-rpc-akka*.jar}
 * extracted on every start) to its {@code io.tmp.dirs}, by default the system temp directory, and leaves
 * them there after the job; pointing {@code io.tmp.dirs} at this directory (through a generated Flink
 * configuration directory) keeps every run from adding to the system temp directory.
 */
final class FlinkScratch implements AutoCloseable {

  private final Path root;

  private FlinkScratch(Path root) {
    this.root = root;
  }

  /**
   * Creates the directory under {@code parent} and points the job's Flink configuration at it.
   *
   * @param parent where to create it (normally the system temp directory)
   * @param options the job's Flink options; their configuration directory is replaced
   * @throws UncheckedIOException when the directory cannot be written
   */
  static FlinkScratch create(Path parent, FlinkPipelineOptions options) {
    try {
      Path root = Files.createTempDirectory(parent, "augmill-flink-");
      Path conf = Files.createDirectory(root.resolve("conf"));
      Path tmp = Files.createDirectory(root.resolve("tmp"));
      Files.writeString(conf.resolve("config.yaml"), "io.tmp.dirs: " + quoted(tmp.toAbsolutePath()) + "\n");
      options.setFlinkConfDir(conf.toAbsolutePath().toString());
      return new FlinkScratch(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a scratch directory for embedded Flink in " + parent, e);
    }
  }

  /** The directory (holding {@code conf/} and {@code tmp/}). */
  Path root() {
    return root;
  }

  /** Deletes the directory and everything Flink left in it. */
  @Override
  public void close() {
    try (Stream<Path> tree = Files.walk(root)) {
      for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      System.err.println("augmill: could not remove Flink's scratch directory " + root + ": " + e.getMessage());
    }
  }

  private static String quoted(Path p) {
    return "'" + p.toString().replace("'", "''") + "'";
  }
}
