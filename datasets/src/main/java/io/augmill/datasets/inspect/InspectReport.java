package io.augmill.datasets.inspect;

import io.augmill.datasets.shard.Manifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * What {@link ShardInspector} found.
 *
 * @param dir the shard set directory
 * @param manifest its manifest, when present
 * @param shards one entry per shard file, in name order
 * @param records records read, over all shards
 * @param labels record count per label
 * @param formats record count per {@code image/format}
 * @param sizes record count per {@code WxHxC}
 * @param variants record count per variant index
 * @param problems every problem found, in discovery order
 * @param notes observations that are not errors (e.g. a set without index files)
 * @param verified whether CRCs were checked and images decoded
 */
public record InspectReport(Path dir, Optional<Manifest> manifest, List<ShardSummary> shards, long records,
    SortedMap<Long, Long> labels, SortedMap<String, Long> formats, SortedMap<String, Long> sizes,
    SortedMap<Long, Long> variants, List<Problem> problems, List<String> notes, boolean verified) {

  /**
   * One shard's summary.
   *
   * @param file the file name
   * @param records records read from it
   * @param bytes its size in bytes
   * @param indexed whether it has a {@code .idx} file
   */
  public record ShardSummary(String file, long records, long bytes, boolean indexed) {}

  /** Class names: the manifest's, or empty. */
  public List<String> classes() {
    return manifest.map(Manifest::classes).orElse(List.of());
  }
}
