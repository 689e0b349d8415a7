package io.augmill.datasets.fetch;

import java.net.URI;
import java.util.List;

/**
 * A dataset {@code augmill datasets fetch} knows how to get.
 *
 * @param name the command-line name, e.g. {@code cifar10}
 * @param description one line for listings
 * @param source the {@code SRC} prefix that reads the fetched directory, e.g. {@code cifar10:}
 * @param files what to download
 */
public record KnownDataset(String name, String description, String source, List<RemoteFile> files) {

  /** Copies the entry with every file served from {@code mirror} instead of its official address. */
  public KnownDataset fromMirror(URI mirror) {
    return new KnownDataset(name, description, source, files.stream().map(f -> f.at(mirror)).toList());
  }
}
