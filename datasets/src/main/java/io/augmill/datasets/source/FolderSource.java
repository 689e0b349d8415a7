package io.augmill.datasets.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A folder with one sub-folder per class (classes in sorted order), each holding image files (JPEG,
 * PNG, BMP). When the folder has a sub-folder named after the split ({@code train/}, {@code test/}),
 * that one is read. Hidden files are skipped; every other file becomes a record, so a non-image file is
 * rejected at decode time with its path named, and an unreadable one becomes a failed record with
 * reason {@value #UNREADABLE}. Keys are {@code folder/<class>/<file name>}.
 */
public final class FolderSource implements DataSource {

  private static final long serialVersionUID = 1L;

  /** Reason for a file that exists but cannot be read. */
  public static final String UNREADABLE = "unreadable";

  /** Files larger than this are rejected as {@value #TOO_LARGE} instead of being read into memory. */
  public static final long MAX_FILE_BYTES = 256L << 20;

  /** Reason for a file above {@link #MAX_FILE_BYTES}. */
  public static final String TOO_LARGE = "too-large";

  private final String description;
  private final String split;
  /** Absolute path of the folder that holds the class folders. */
  private final String root;
  private final List<String> classes;
  /**
   * Index of each class's first file in the whole folder's listing, then the file count: class {@code c} holds
   * files {@code [classStarts[c], classStarts[c + 1])}.
   */
  private final int[] classStarts;
  /**
   * The file names (without their folders) end to end: file {@code i} is {@code names[nameEnds[i - 1],
   * nameEnds[i])}. One string and one array instead of a path string per file keep the list at its names'
   * length plus 4 bytes per file wherever it travels (driver, the runner's master, every source task): 17 bytes
   * for {@code img000123.png}, where path strings took about 100 (a name outside Latin-1 makes the string
   * two bytes per character).
   */
  private final String names;
  private final int[] nameEnds;
  /** Index of the first held file in the whole folder's listing (0 unless restricted to a split). */
  private final int offset;

  /**
   * Lists the folder.
   *
   * @throws IOException naming the folder when it does not exist, has no class sub-folders, or has no files
   */
  public FolderSource(String description, Path dir, String split) throws IOException {
    this.description = description;
    this.split = split;
    if (!Files.isDirectory(dir)) {
      throw new IOException(dir + ": not a directory");
    }
    Path rootDir = Files.isDirectory(dir.resolve(split)) ? dir.resolve(split) : dir;
    List<Path> classDirs;
    try (Stream<Path> s = Files.list(rootDir)) {
      classDirs = s.filter(Files::isDirectory).filter(p -> !hidden(p)).sorted().toList();
    }
    if (classDirs.isEmpty()) {
      throw new IOException(rootDir + ": no class sub-folders (expected one folder of images per class)");
    }
    root = rootDir.toAbsolutePath().toString();
    classes = classDirs.stream().map(p -> p.getFileName().toString()).toList();
    classStarts = new int[classDirs.size() + 1];
    StringBuilder allNames = new StringBuilder();
    IntStream.Builder ends = IntStream.builder();
    int count = 0;
    for (int c = 0; c < classDirs.size(); c++) {
      classStarts[c] = count;
      List<Path> inClass;
      try (Stream<Path> s = Files.list(classDirs.get(c))) {
        inClass = s.filter(p -> !Files.isDirectory(p)).filter(p -> !hidden(p)).sorted().toList();
      }
      for (Path p : inClass) {
        allNames.append(p.getFileName());
        ends.add(allNames.length());
        count++;
      }
    }
    classStarts[classDirs.size()] = count;
    if (count == 0) {
      throw new IOException(rootDir + ": the class folders " + classes + " hold no files");
    }
    names = allNames.toString();
    nameEnds = ends.build().toArray();
    offset = 0;
  }

  private FolderSource(FolderSource whole, int from, int to) {
    description = whole.description;
    split = whole.split;
    root = whole.root;
    classes = whole.classes;
    classStarts = whole.classStarts;
    int first = from - whole.offset;
    int last = to - whole.offset;
    int start = whole.nameStart(first);
    names = whole.names.substring(start, whole.nameStart(last));
    nameEnds = Arrays.copyOfRange(whole.nameEnds, first, last);
    for (int i = 0; i < nameEnds.length; i++) {
      nameEnds[i] -= start;
    }
    offset = from;
  }

  /** Where held file {@code i}'s name starts in {@link #names}; {@code i} may be the count (then the end). */
  private int nameStart(int i) {
    return i == 0 ? 0 : nameEnds[i - 1];
  }

  /** The label of the file at {@code index} in the whole folder's listing. */
  private int labelOf(int index) {
    int c = 0;
    int hi = classes.size() - 1;
    while (c < hi) { // the last class starting at or before index (empty classes share their start)
      int mid = (c + hi + 1) >>> 1;
      if (classStarts[mid] <= index) {
        c = mid;
      } else {
        hi = mid - 1;
      }
    }
    return c;
  }

  /**
   * Reads the {@code size} bytes a channel holds; a file that changed size since is read again whole, as it
   * is now.
   */
  private static byte[] readFully(SeekableByteChannel in, int size, Path file) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(size);
    while (buffer.hasRemaining() && in.read(buffer) >= 0) {
      // keep reading
    }
    if (buffer.hasRemaining() || in.read(ByteBuffer.allocate(1)) >= 0) {
      return Files.readAllBytes(file);
    }
    return buffer.array();
  }

  private static boolean hidden(Path p) {
    return p.getFileName().toString().startsWith(".");
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
    return nameEnds.length;
  }

  @Override
  public List<SourceSplit> splits(int desired) {
    return DataSource.ranges("", nameEnds.length, DataSource.requirePositive(desired), 0).stream()
        .map(r -> new SourceSplit("", offset + r.first(), offset + r.end(), offset + r.first()))
        .toList();
  }

  /** A copy holding only the files of {@code split}; it refuses splits outside that range. */
  @Override
  public DataSource restrictedTo(SourceSplit split) {
    checkOwned(split);
    return new FolderSource(this, (int) split.first(), (int) split.end());
  }

  private void checkOwned(SourceSplit split) {
    if (!split.file().isEmpty() || split.first() < offset || split.end() > offset + nameEnds.length) {
      throw new IllegalArgumentException("split " + split + " does not belong to " + description
          + (offset == 0 ? "" : " restricted to files [" + offset + ", " + (offset + nameEnds.length) + ")"));
    }
  }

  @Override
  public RecordIterator read(SourceSplit split) {
    checkOwned(split);
    return new RecordIterator() {
      int index = (int) split.first() - offset;
      final int end = (int) split.end() - offset;

      @Override
      public boolean hasNext() {
        return index < end;
      }

      @Override
      public SourceRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int i = index++;
        int label = labelOf(offset + i);
        String name = names.substring(nameStart(i), nameEnds[i]);
        String key = "folder/" + classes.get(label) + "/" + name;
        Path file = Path.of(root, classes.get(label), name);
        // One open file: its size from the open channel, then its bytes (a separate stat would look the
        // path up twice per image).
        try (SeekableByteChannel in = Files.newByteChannel(file)) {
          long size = in.size();
          if (size > MAX_FILE_BYTES) {
            return SourceRecord.failed(key, label, file.toString(), TOO_LARGE,
                file + ": " + size + " bytes is above the " + MAX_FILE_BYTES + "-byte limit for one image");
          }
          return SourceRecord.encoded(key, label, file.toString(), readFully(in, (int) size, file));
        } catch (IOException e) {
          return SourceRecord.failed(key, label, file.toString(), UNREADABLE, file + ": cannot be read ("
              + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
      }

      @Override
      public void close() {}
    };
  }
}
