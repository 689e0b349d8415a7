package io.augmill.pipeline.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the bundled job jar ({@code augmill-pipeline-VERSION-flink.jar}, built by the pipeline module's
 * {@code package} phase) that is staged to a Flink session cluster.
 */
public final class FlinkBundle {

  /** System property naming the jar explicitly. */
  public static final String PROPERTY = "augmill.flink.jar";
  /** Environment variable naming the jar explicitly. */
  public static final String ENV = "AUGMILL_FLINK_JAR";

  private FlinkBundle() {}

  /**
   * The jar: the system property {@value #PROPERTY}, else the environment variable {@value #ENV}, else a
   * {@code *-flink.jar} in the build folder this module's classes were loaded from.
   */
  public static Optional<Path> locate() {
    String explicit = System.getProperty(PROPERTY, System.getenv(ENV));
    if (explicit != null && !explicit.isBlank()) {
      return Optional.of(Path.of(explicit)).filter(Files::isRegularFile);
    }
    Path codeSource;
    try {
      codeSource = Path.of(FlinkBundle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | NullPointerException e) {
      return Optional.empty();
    }
    Path dir = codeSource.getParent();
    return dir == null ? Optional.empty() : findIn(dir);
  }

  /** A {@code augmill-pipeline-*-flink.jar} in {@code dir}, if any. */
  public static Optional<Path> findIn(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(dir, "augmill-pipeline-*-flink.jar")) {
      for (Path jar : jars) {
        return Optional.of(jar);
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
