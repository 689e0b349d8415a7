package io.augmill.datasets.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A single image file, where one image is meant. Its key is the file name; it has no label. */
public final class ImageFileSource implements DataSource {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final String split;

  /** @throws IOException naming the path when it is not a regular file */
  public ImageFileSource(Path file, String split) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + ": no such image file");
    }
    this.file = file.toAbsolutePath().toString();
    this.split = split;
  }

  @Override
  public String description() {
    return file;
  }

  @Override
  public String split() {
    return split;
  }

  @Override
  public List<String> classes() {
    return List.of();
  }

  @Override
  public long count() {
    return 1;
  }

  @Override
  public List<SourceSplit> splits(int desired) {
    DataSource.requirePositive(desired);
    return List.of(new SourceSplit(file, 0, 1, 0));
  }

  @Override
  public RecordIterator read(SourceSplit split) {
    Path p = Path.of(file);
    SourceRecord record;
    try {
      record = SourceRecord.encoded(p.getFileName().toString(), -1, file, Files.readAllBytes(p));
    } catch (IOException e) {
      record = SourceRecord.failed(p.getFileName().toString(), -1, file, FolderSource.UNREADABLE,
          file + ": cannot be read (" + e.getMessage() + ")");
    }
    return DataSource.of(List.of(record).iterator());
  }
}
