package io.augmill.datasets.source;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a {@code SRC} string into a {@link DataSource}: {@code cifar10:DIR}, {@code cifar100:DIR[?labels=fine|coarse]},
 * {@code idx:DIR[?classes=fashion|digits]}, {@code folder:DIR}, {@code synthetic:shapes[?count=N&size=S&seed=K]},
 * {@code tfrecord:DIR}, or a plain image path. Query strings are parsed strictly: an unknown key, a
 * repeated key or a bad value is an {@link IllegalArgumentException} naming it and the valid choices.
 */
public final class Sources {

  /** The source prefixes, in the order {@code augmill datasets list} prints them. */
  public static final List<String> PREFIXES = List.of("cifar10", "cifar100", "idx", "folder", "synthetic", "tfrecord");

  /** The splits a source can be read as. */
  public static final List<String> SPLITS = List.of("train", "test");

  private Sources() {}

  /** Whether {@code src} names a dataset (has one of the {@link #PREFIXES}) rather than a plain path. */
  public static boolean isDataset(String src) {
    int colon = src.indexOf(':');
    return colon > 0 && PREFIXES.contains(src.substring(0, colon));
  }

  /**
   * Opens {@code src} for {@code split}.
   *
   * @param split {@code train} or {@code test}
   * @throws IllegalArgumentException for a malformed {@code SRC} or split, naming it and what is valid
   * @throws IOException naming a missing or unreadable file or directory
   * @throws DatasetFormatException naming a broken file and the offset or record involved
   */
  public static DataSource open(String src, String split) throws IOException {
    if (!SPLITS.contains(split)) {
      throw new IllegalArgumentException("--split must be train or test, got '" + split + "'");
    }
    if (!isDataset(src)) {
      if (src.contains("?")) {
        throw new IllegalArgumentException("'" + src + "': query options need a source prefix (" + String.join(":, ", PREFIXES) + ":)");
      }
      return new ImageFileSource(Path.of(src), split);
    }
    int colon = src.indexOf(':');
    String kind = src.substring(0, colon);
    String rest = src.substring(colon + 1);
    int q = rest.indexOf('?');
    String target = q < 0 ? rest : rest.substring(0, q);
    Map<String, String> query = q < 0 ? Map.of() : parseQuery(src, rest.substring(q + 1));
    if (target.isEmpty()) {
      throw new IllegalArgumentException("'" + src + "': missing " + (kind.equals("synthetic") ? "generator name (synthetic:shapes)" : "directory after " + kind + ":"));
    }
    return switch (kind) {
      case "cifar10" -> {
        allow(src, query, Set.of());
        yield new CifarSource(src, Path.of(target), split, false, false);
      }
      case "cifar100" -> {
        allow(src, query, Set.of("labels"));
        String labels = query.getOrDefault("labels", "fine");
        if (!labels.equals("fine") && !labels.equals("coarse")) {
          throw new IllegalArgumentException("'" + src + "': labels must be fine or coarse, got '" + labels + "'");
        }
        yield new CifarSource(src, Path.of(target), split, true, labels.equals("coarse"));
      }
      case "idx" -> {
        allow(src, query, Set.of("classes"));
        String classes = query.get("classes");
        List<String> names = classes == null ? null : switch (classes) {
          case "fashion" -> IdxSource.FASHION_CLASSES;
          case "digits" -> IdxSource.DIGIT_CLASSES;
          default -> throw new IllegalArgumentException("'" + src + "': classes must be fashion or digits, got '" + classes + "'");
        };
        yield new IdxSource(src, Path.of(target), split, names);
      }
      case "folder" -> {
        allow(src, query, Set.of());
        yield new FolderSource(src, Path.of(target), split);
      }
      case "tfrecord" -> {
        allow(src, query, Set.of());
        yield new TFRecordSource(src, Path.of(target), split);
      }
      case "synthetic" -> {
        if (!target.equals("shapes")) {
          throw new IllegalArgumentException("'" + src + "': unknown generator '" + target + "' (expected synthetic:shapes)");
        }
        allow(src, query, Set.of("count", "size", "seed"));
        int defaultCount = split.equals("train") ? SyntheticShapes.DEFAULT_TRAIN_COUNT : SyntheticShapes.DEFAULT_TEST_COUNT;
        int count = (int) number(src, query, "count", defaultCount, 1, 10_000_000);
        int size = (int) number(src, query, "size", SyntheticShapes.DEFAULT_SIZE, 8, 1024);
        long seed = number(src, query, "seed", 0, Long.MIN_VALUE, Long.MAX_VALUE);
        yield new SyntheticShapes(src, split, count, size, seed);
      }
      default -> throw new IllegalStateException(kind);
    };
  }

  private static Map<String, String> parseQuery(String src, String query) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : query.split("&", -1)) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("'" + src + "': query part '" + part + "' is not key=value");
      }
      String key = part.substring(0, eq);
      if (out.put(key, part.substring(eq + 1)) != null) {
        throw new IllegalArgumentException("'" + src + "': query key '" + key + "' given twice");
      }
    }
    return out;
  }

  private static void allow(String src, Map<String, String> query, Set<String> allowed) {
    for (String key : query.keySet()) {
      if (!allowed.contains(key)) {
        throw new IllegalArgumentException("'" + src + "': unknown query key '" + key + "'"
            + (allowed.isEmpty() ? " (this source takes no options)" : " (expected " + String.join(", ", allowed.stream().sorted().toList()) + ")"));
      }
    }
  }

  private static long number(String src, Map<String, String> query, String key, long dflt, long min, long max) {
    String v = query.get(key);
    if (v == null) {
      return dflt;
    }
    try {
      long n = Long.parseLong(v);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + src + "': " + key + " must be an integer in [" + min + ", " + max
          + "], got '" + v + "'");
    }
  }
}
