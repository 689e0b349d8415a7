package io.augmill.datasets.shard;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A directory of shards: its {@code .tfrecord} files in name order and its manifest, if any. A set
 * written by another tool (no manifest, any {@code *.tfrecord} names) is still readable.
 *
 * @param dir the directory
 * @param shards the shard files, sorted by name
 * @param manifest the manifest, when {@code manifest.json} exists
 */
public record ShardSet(Path dir, List<Path> shards, Optional<Manifest> manifest) {

  /**
   * Lists {@code dir}.
   *
   * @throws IOException naming the directory when it does not exist or holds no {@code .tfrecord} file,
   *     or when the manifest is invalid
   */
  public static ShardSet open(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + ": not a directory");
    }
    List<Path> shards;
    try (Stream<Path> s = Files.list(dir)) {
      shards = s.filter(p -> p.getFileName().toString().endsWith(ShardName.EXTENSION) && Files.isRegularFile(p))
          .filter(p -> !p.getFileName().toString().startsWith("."))
          .sorted()
          .toList();
    }
    if (shards.isEmpty()) {
      throw new IOException(dir + ": no *.tfrecord shard files");
    }
    Path manifestFile = dir.resolve(Manifest.FILE_NAME);
    Optional<Manifest> manifest = Files.exists(manifestFile) ? Optional.of(Manifest.read(manifestFile)) : Optional.empty();
    return new ShardSet(dir, shards, manifest);
  }

  /**
   * The shards of one split: those named {@code <split>-SSSSS-of-NNNNN.tfrecord}; when no file follows
   * that pattern for any split, all shards (a set written by another tool).
   */
  public List<Path> shards(String split) {
    boolean anyNamed = shards.stream().anyMatch(p -> ShardName.parse(p.getFileName().toString()).isPresent());
    if (!anyNamed) {
      return shards;
    }
    return shards.stream()
        .filter(p -> ShardName.parse(p.getFileName().toString()).map(n -> n.split().equals(split)).orElse(false))
        .toList();
  }

  /** Class names from the manifest, or empty when there is none. */
  public List<String> classes() {
    return manifest.map(Manifest::classes).orElse(List.of());
  }
}
