package io.augmill.training.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/** {@code metrics.csv}: a header and one {@link EpochMetrics} line per finished epoch. */
public final class MetricsLog {

  private final Path file;

  /** The log at {@code file}. */
  public MetricsLog(Path file) {
    this.file = file;
  }

  /** Reads every line written so far. */
  public List<EpochMetrics> read() throws IOException {
    List<EpochMetrics> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        out.add(EpochMetrics.parse(lines.get(i)));
      }
    }
    return out;
  }

  /** Keeps the first {@code epochs} lines (used when resuming from an earlier checkpoint). */
  public void truncate(int epochs) throws IOException {
    List<EpochMetrics> kept = read().stream().filter(m -> m.epoch() <= epochs).toList();
    StringBuilder sb = new StringBuilder(EpochMetrics.HEADER).append('\n');
    for (EpochMetrics m : kept) {
      sb.append(m.toCsv()).append('\n');
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }

  /** Appends one epoch, writing the header first when the file is new. */
  public void append(EpochMetrics m) throws IOException {
    if (!Files.exists(file)) {
      Files.writeString(file, EpochMetrics.HEADER + "\n", StandardCharsets.UTF_8);
    }
    Files.writeString(file, m.toCsv() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
  }
}
