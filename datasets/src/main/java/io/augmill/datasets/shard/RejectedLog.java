package io.augmill.datasets.shard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes and reads {@code rejected/*.jsonl}: one compact JSON object per line, fields in the order of
 * {@link RejectedRecord}.
 */
public final class RejectedLog implements Closeable {

  /** Sub-directory of a shard set holding the rejected logs. */
  public static final String DIRECTORY = "rejected";

  private static final ObjectMapper LINE = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);

  private final BufferedWriter out;

  private RejectedLog(BufferedWriter out) {
    this.out = out;
  }

  /** Creates (or truncates) {@code file}, creating its directory. */
  public static RejectedLog create(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    return new RejectedLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
  }

  /** One record as its JSON line (no newline). */
  public static String toLine(RejectedRecord r) {
    try {
      return LINE.writeValueAsString(r);
    } catch (IOException e) {
      throw new IllegalStateException("rejected record cannot be serialized: " + r, e);
    }
  }

  /** Appends one line. */
  public void write(RejectedRecord r) throws IOException {
    out.write(toLine(r));
    out.write('\n');
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /**
   * Reads every line of a log.
   *
   * @throws IOException naming the file and line when a line is not a rejected record
   */
  public static List<RejectedRecord> read(Path file) throws IOException {
    List<RejectedRecord> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      try {
        out.add(LINE.readValue(line, RejectedRecord.class));
      } catch (IOException e) {
        throw new IOException(file + ": line " + lineNo + " is not a rejected record: " + e.getMessage(), e);
      }
    }
    return out;
  }
}
