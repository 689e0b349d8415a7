package io.augmill.datasets.source;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;

/**
 * MNIST-style IDX files: {@code train-images-idx3-ubyte} + {@code train-labels-idx1-ubyte} (or
 * {@code t10k-...} for the test split), each optionally gzipped, as MNIST and Fashion-MNIST ship them
 * (Debian's {@code dataset-fashion-mnist} puts them in {@code /usr/share/datasets/fashion-mnist/}).
 * Images are 8-bit grey. Keys are {@code idx/<split>/NNNNNN}.
 */
public final class IdxSource implements DataSource {

  private static final long serialVersionUID = 1L;

  /** Fashion-MNIST class names, by label. */
  public static final List<String> FASHION_CLASSES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
      "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");

  /** MNIST class names: the digits. */
  public static final List<String> DIGIT_CLASSES = IntStream.range(0, 10).mapToObj(Integer::toString).toList();

  /** Magic number of an unsigned-byte 3-D (images) IDX file. */
  static final int IMAGES_MAGIC = 0x00000803;
  /** Magic number of an unsigned-byte 1-D (labels) IDX file. */
  static final int LABELS_MAGIC = 0x00000801;

  private final String description;
  private final String split;
  private final String images;
  private final String labels;
  private final int count;
  private final int rows;
  private final int cols;
  private final List<String> classes;

  /**
   * Opens the split's files in {@code dir} and checks their headers.
   *
   * @param classes class names; null picks Fashion-MNIST's when the directory name mentions
   *     "fashion", else the digits
   * @throws DatasetFormatException for a wrong magic number, a count mismatch or a short plain file
   * @throws IOException naming a missing file
   */
  public IdxSource(String description, Path dir, String split, List<String> classes) throws IOException {
    this.description = description;
    this.split = split;
    String prefix = split.equals("train") ? "train" : "t10k";
    Path img = find(dir, prefix, "images", "idx3");
    Path lab = find(dir, prefix, "labels", "idx1");
    this.images = img.toAbsolutePath().toString();
    this.labels = lab.toAbsolutePath().toString();
    int[] imageHeader = header(img, IMAGES_MAGIC, 3);
    int[] labelHeader = header(lab, LABELS_MAGIC, 1);
    if (imageHeader[0] != labelHeader[0]) {
      throw new DatasetFormatException(lab.toString(), 4, -1, "holds " + labelHeader[0] + " labels but "
          + img.getFileName() + " holds " + imageHeader[0] + " images");
    }
    count = imageHeader[0];
    rows = imageHeader[1];
    cols = imageHeader[2];
    if (rows < 1 || cols < 1 || (long) rows * cols > 1 << 24) {
      throw new DatasetFormatException(img.toString(), 8, -1, "image size " + cols + "x" + rows + " is not valid");
    }
    checkPlainSize(img, 16 + (long) count * rows * cols, (long) rows * cols, 16);
    checkPlainSize(lab, 8 + (long) count, 1, 8);
    String dirName = dir.toAbsolutePath().toString().toLowerCase(Locale.ROOT);
    this.classes = classes != null ? classes : dirName.contains("fashion") ? FASHION_CLASSES : DIGIT_CLASSES;
  }

  private static Path find(Path dir, String prefix, String kind, String idx) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + ": not a directory");
    }
    for (String sep : new String[] {"-", "."}) {
      for (String ext : new String[] {"", ".gz"}) {
        Path p = dir.resolve(prefix + "-" + kind + sep + idx + "-ubyte" + ext);
        if (Files.isRegularFile(p)) {
          return p;
        }
      }
    }
    throw new IOException(dir + ": missing " + prefix + "-" + kind + "-" + idx + "-ubyte[.gz]");
  }

  private static InputStream open(Path file) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    if (file.getFileName().toString().endsWith(".gz")) {
      try {
        return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
      } catch (IOException e) {
        in.close();
        throw new DatasetFormatException(file.toString(), 0, -1, "not a gzip file (" + e.getMessage() + ")");
      }
    }
    return in;
  }

  /** Reads the header: magic, then {@code dims} big-endian counts. */
  private static int[] header(Path file, int magic, int dims) throws IOException {
    try (DataInputStream in = new DataInputStream(open(file))) {
      int found;
      int[] sizes = new int[dims];
      try {
        found = in.readInt();
        if (found != magic) {
          throw new DatasetFormatException(file.toString(), 0, -1, String.format(Locale.ROOT,
              "wrong IDX magic 0x%08x (expected 0x%08x for %s)", found, magic, dims == 1 ? "labels" : "images"));
        }
        for (int i = 0; i < dims; i++) {
          sizes[i] = in.readInt();
          if (sizes[i] < 0) {
            throw new DatasetFormatException(file.toString(), 4 + 4L * i, -1, "negative dimension " + sizes[i]);
          }
        }
      } catch (java.io.EOFException e) {
        throw new DatasetFormatException(file.toString(), 0, -1, "file ends inside the " + (4 + 4 * dims) + "-byte header");
      }
      return sizes;
    }
  }

  private static void checkPlainSize(Path file, long expected, long recordBytes, long headerBytes) throws IOException {
    if (file.getFileName().toString().endsWith(".gz")) {
      return;
    }
    long size = Files.size(file);
    if (size < expected) {
      long whole = (size - headerBytes) / recordBytes;
      throw new DatasetFormatException(file.toString(), headerBytes + whole * recordBytes, whole, "file of " + size
          + " bytes is shorter than the " + expected + " its header promises");
    }
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
    return count;
  }

  @Override
  public List<SourceSplit> splits(int desired) {
    return DataSource.ranges(images, count, DataSource.requirePositive(desired), 0);
  }

  @Override
  public RecordIterator read(SourceSplit split) throws IOException {
    if (!split.file().equals(images) || split.end() > count) {
      throw new IllegalArgumentException("split " + split + " does not belong to " + description);
    }
    int pixels = rows * cols;
    InputStream img = open(Path.of(images));
    InputStream lab = open(Path.of(labels));
    try {
      skip(img, 16 + split.first() * pixels, images, split.first());
      skip(lab, 8 + split.first(), labels, split.first());
    } catch (RuntimeException | IOException e) {
      img.close();
      lab.close();
      throw e;
    }
    String prefix = "idx/" + this.split + "/";
    String imageName = Path.of(images).getFileName().toString();
    return new RecordIterator() {
      long index = split.first();

      @Override
      public boolean hasNext() {
        return index < split.end();
      }

      @Override
      public SourceRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        byte[] px = new byte[pixels];
        long offset = 16 + index * pixels;
        int label;
        try {
          int got = img.readNBytes(px, 0, pixels);
          if (got < pixels) {
            throw new DatasetFormatException(images, offset, index, "file ends after " + got + " of " + pixels
                + " image bytes (header promises " + count + " images)");
          }
          label = lab.read();
          if (label < 0) {
            throw new DatasetFormatException(labels, 8 + index, index, "file ends before this label (header promises "
                + count + " labels)");
          }
        } catch (IOException e) {
          throw new UncheckedIOException(images + ": read failed at record " + index, e);
        }
        if (label >= classes.size()) {
          throw new DatasetFormatException(labels, 8 + index, index, "label " + label + " is not below "
              + classes.size() + " classes");
        }
        long i = index++;
        return SourceRecord.pixels(prefix + String.format(Locale.ROOT, "%06d", i), label, -1,
            imageName + "#" + i, px, cols, rows, 1);
      }

      @Override
      public void close() {
        try {
          img.close();
          lab.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    };
  }

  private static void skip(InputStream in, long n, String file, long record) throws IOException {
    try {
      in.skipNBytes(n);
    } catch (java.io.EOFException e) {
      throw new DatasetFormatException(file, n, record, "file ends before the split's first record");
    }
  }

}
