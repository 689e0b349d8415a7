package io.augmill.pipeline.testing;

import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.ShardReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads back what a preprocess run wrote, for assertions. */
public final class ShardFiles {

  private ShardFiles() {}

  /** Every record of one shard file, in file order. */
  public static List<ImageExample> records(Path shard) throws IOException {
    List<ImageExample> out = new ArrayList<>();
    try (ShardReader reader = ShardReader.open(shard)) {
      for (ImageExample e = reader.next(); e != null; e = reader.next()) {
        out.add(e);
      }
    }
    return out;
  }

  /** Relative path to bytes of every regular file under {@code dir}, sorted by path. */
  public static TreeMap<String, byte[]> contents(Path dir) throws IOException {
    TreeMap<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        out.put(dir.relativize(f).toString(), Files.readAllBytes(f));
      }
    }
    return out;
  }
}
