package io.augmill.datasets.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * CIFAR-10 and CIFAR-100, binary versions. A CIFAR-10 record is 1 label byte + 3072 pixel bytes
 * (1024 red, 1024 green, 1024 blue, row-major 32x32); a CIFAR-100 record has a coarse and a fine label
 * byte before the pixels. Training data is {@code data_batch_1.bin}..{@code data_batch_5.bin} (10) or
 * {@code train.bin} (100), test data {@code test_batch.bin} / {@code test.bin}; the directory may be
 * the one holding them or its parent (as the official archives unpack). Keys are
 * {@code cifar10/<split>/NNNNNN}, numbered across the split's files.
 */
public final class CifarSource implements DataSource {

  private static final long serialVersionUID = 1L;

  /** CIFAR-10 class names, by label. */
  public static final List<String> CIFAR10_CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer", "dog",
      "frog", "horse", "ship", "truck");

  /** CIFAR-100 fine class names, by fine label. */
  public static final List<String> CIFAR100_FINE = List.of("apple", "aquarium_fish", "baby", "bear", "beaver", "bed",
      "bee", "beetle", "bicycle", "bottle", "bowl", "boy", "bridge", "bus", "butterfly", "camel", "can", "castle",
      "caterpillar", "cattle", "chair", "chimpanzee", "clock", "cloud", "cockroach", "couch", "crab", "crocodile",
      "cup", "dinosaur", "dolphin", "elephant", "flatfish", "forest", "fox", "girl", "hamster", "house", "kangaroo",
      "keyboard", "lamp", "lawn_mower", "leopard", "lion", "lizard", "lobster", "man", "maple_tree", "motorcycle",
      "mountain", "mouse", "mushroom", "oak_tree", "orange", "orchid", "otter", "palm_tree", "pear", "pickup_truck",
      "pine_tree", "plain", "plate", "poppy", "porcupine", "possum", "rabbit", "raccoon", "ray", "road", "rocket",
      "rose", "sea", "seal", "shark", "shrew", "skunk", "skyscraper", "snail", "snake", "spider", "squirrel",
      "streetcar", "sunflower", "sweet_pepper", "table", "tank", "telephone", "television", "tiger", "tractor",
      "train", "trout", "tulip", "turtle", "wardrobe", "whale", "willow_tree", "wolf", "woman", "worm");

  /** CIFAR-100 coarse (superclass) names, by coarse label. */
  public static final List<String> CIFAR100_COARSE = List.of("aquatic_mammals", "fish", "flowers", "food_containers",
      "fruit_and_vegetables", "household_electrical_devices", "household_furniture", "insects", "large_carnivores",
      "large_man-made_outdoor_things", "large_natural_outdoor_scenes", "large_omnivores_and_herbivores",
      "medium_mammals", "non-insect_invertebrates", "people", "reptiles", "small_mammals", "trees", "vehicles_1",
      "vehicles_2");

  private static final int PIXELS = 32 * 32 * 3;

  private final boolean hundred;
  private final boolean coarse;
  private final String split;
  private final String description;
  private final List<String> files;
  private final long[] counts;
  private final List<String> classes;

  /**
   * Opens a CIFAR directory and checks that every file of the split exists and holds whole records.
   *
   * @param hundred CIFAR-100 instead of CIFAR-10
   * @param coarse for CIFAR-100, label with the 20 coarse classes instead of the 100 fine ones
   * @throws DatasetFormatException naming a short file and the offset of its truncated record
   * @throws IOException naming a missing file
   */
  public CifarSource(String description, Path dir, String split, boolean hundred, boolean coarse) throws IOException {
    this.description = description;
    this.split = split;
    this.hundred = hundred;
    this.coarse = coarse;
    Path base = locate(dir, hundred);
    List<String> names = hundred
        ? List.of(split.equals("train") ? "train.bin" : "test.bin")
        : split.equals("train")
            ? List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin", "data_batch_5.bin")
            : List.of("test_batch.bin");
    files = new ArrayList<>();
    counts = new long[names.size()];
    int recordBytes = recordBytes();
    for (int i = 0; i < names.size(); i++) {
      Path f = base.resolve(names.get(i));
      if (!Files.isRegularFile(f)) {
        throw new IOException(f + ": missing (expected the binary " + (hundred ? "CIFAR-100" : "CIFAR-10")
            + " files " + String.join(", ", names) + " in " + base + ")");
      }
      long size = Files.size(f);
      if (size == 0 || size % recordBytes != 0) {
        long whole = size / recordBytes;
        throw new DatasetFormatException(f.toString(), whole * recordBytes, whole, "file of " + size
            + " bytes is not a whole number of " + recordBytes + "-byte records (record " + whole + " is truncated to "
            + (size - whole * recordBytes) + " bytes)");
      }
      files.add(f.toAbsolutePath().toString());
      counts[i] = size / recordBytes;
    }
    classes = hundred
        ? readNames(base, coarse ? "coarse_label_names.txt" : "fine_label_names.txt", coarse ? CIFAR100_COARSE : CIFAR100_FINE)
        : readNames(base, "batches.meta.txt", CIFAR10_CLASSES);
  }

  private static Path locate(Path dir, boolean hundred) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + ": not a directory");
    }
    Path nested = dir.resolve(hundred ? "cifar-100-binary" : "cifar-10-batches-bin");
    String probe = hundred ? "train.bin" : "data_batch_1.bin";
    if (!Files.exists(dir.resolve(probe)) && !Files.exists(dir.resolve(hundred ? "test.bin" : "test_batch.bin"))
        && Files.isDirectory(nested)) {
      return nested;
    }
    return dir;
  }

  private static List<String> readNames(Path base, String file, List<String> fallback) throws IOException {
    Path f = base.resolve(file);
    if (!Files.isRegularFile(f)) {
      return fallback;
    }
    List<String> names = Files.readAllLines(f, StandardCharsets.UTF_8).stream().map(String::trim)
        .filter(s -> !s.isEmpty()).toList();
    return names.size() == fallback.size() ? names : fallback;
  }

  private int recordBytes() {
    return PIXELS + (hundred ? 2 : 1);
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public String split() {
    return split;
  }

  @Override
  public List<String> classes() {
    return classes;
  }

  @Override
  public long count() {
    long n = 0;
    for (long c : counts) {
      n += c;
    }
    return n;
  }

  @Override
  public List<SourceSplit> splits(int desired) {
    DataSource.requirePositive(desired);
    int perFile = Math.max(1, (desired + files.size() - 1) / files.size());
    List<SourceSplit> out = new ArrayList<>();
    long keyBase = 0;
    for (int i = 0; i < files.size(); i++) {
      out.addAll(DataSource.ranges(files.get(i), counts[i], perFile, keyBase));
      keyBase += counts[i];
    }
    return out;
  }

  @Override
  public RecordIterator read(SourceSplit split) throws IOException {
    int fileIndex = files.indexOf(split.file());
    if (fileIndex < 0 || split.end() > counts[fileIndex]) {
      throw new IllegalArgumentException("split " + split + " does not belong to " + description);
    }
    Path file = Path.of(split.file());
    int recordBytes = recordBytes();
    InputStream in = Files.newInputStream(file);
    in.skipNBytes(split.first() * recordBytes);
    BufferedInputStream buffered = new BufferedInputStream(in, 1 << 16);
    String prefix = (hundred ? "cifar100/" : "cifar10/") + this.split + "/";
    String fileName = file.getFileName().toString();
    return new RecordIterator() {
      long index = split.first();
      final byte[] record = new byte[recordBytes];

      @Override
      public boolean hasNext() {
        return index < split.end();
      }

      @Override
      public SourceRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        long offset = index * recordBytes;
        try {
          int got = buffered.readNBytes(record, 0, recordBytes);
          if (got < recordBytes) {
            throw new DatasetFormatException(file.toString(), offset, index, "file ended after " + got + " of "
                + recordBytes + " record bytes (was it truncated while being read?)");
          }
        } catch (IOException e) {
          throw new UncheckedIOException(file + ": read failed at byte offset " + offset, e);
        }
        int fine = record[hundred ? 1 : 0] & 0xff;
        int coarseLabel = hundred ? record[0] & 0xff : -1;
        int label = hundred && coarse ? coarseLabel : fine;
        if (label >= classes.size()) {
          throw new DatasetFormatException(file.toString(), offset, index, "label " + label + " is not below "
              + classes.size() + " classes");
        }
        byte[] hwc = new byte[PIXELS];
        int off = hundred ? 2 : 1;
        for (int p = 0; p < 1024; p++) {
          hwc[p * 3] = record[off + p];
          hwc[p * 3 + 1] = record[off + 1024 + p];
          hwc[p * 3 + 2] = record[off + 2048 + p];
        }
        long keyIndex = split.firstKeyIndex() + (index - split.first());
        index++;
        return SourceRecord.pixels(prefix + String.format(Locale.ROOT, "%06d", keyIndex), label,
            coarseLabel, fileName + "@" + offset, hwc, 32, 32, 3);
      }

      @Override
      public void close() {
        try {
          buffered.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }
}
