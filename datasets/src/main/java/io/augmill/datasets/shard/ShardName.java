package io.augmill.datasets.shard;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of one shard file, {@code <split>-SSSSS-of-NNNNN.tfrecord}, with 0-based {@code index} of
 * {@code count} shards, both printed as at least five digits.
 *
 * @param split the split, e.g. {@code train}
 * @param index 0-based shard index, below {@code count}
 * @param count number of shards in the set, at least 1
 */
public record ShardName(String split, int index, int count) {

  /** Extension of shard files. */
  public static final String EXTENSION = ".tfrecord";
  /** Extension of index files, appended to the shard file name. */
  public static final String INDEX_EXTENSION = ".idx";

  private static final Pattern PATTERN = Pattern.compile("(.+)-(\\d{5,})-of-(\\d{5,})\\.tfrecord");

  /** Validates the split (letters, digits, {@code _} and {@code .}) and the index range. */
  public ShardName {
    if (split == null || !split.matches("[A-Za-z0-9_.]+")) {
      throw new IllegalArgumentException("split must be letters, digits, '_' or '.', got '" + split + "'");
    }
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("shard index must be in [0, " + count + "), got " + index);
    }
  }

  /** The shard file name, e.g. {@code train-00003-of-00016.tfrecord}. */
  public String fileName() {
    return String.format(Locale.ROOT, "%s-%05d-of-%05d%s", split, index, count, EXTENSION);
  }

  /** The index file name, e.g. {@code train-00003-of-00016.tfrecord.idx}. */
  public String indexFileName() {
    return fileName() + INDEX_EXTENSION;
  }

  /** Parses a shard file name; empty when the name does not follow the pattern. */
  public static Optional<ShardName> parse(String fileName) {
    Matcher m = PATTERN.matcher(fileName);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ShardName(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
