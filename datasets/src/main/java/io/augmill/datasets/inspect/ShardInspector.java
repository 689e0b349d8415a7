package io.augmill.datasets.inspect;

import io.augmill.datasets.example.ExampleCodec;
import io.augmill.datasets.example.ExampleFormatException;
import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.shard.Manifest;
import io.augmill.datasets.shard.RejectedLog;
import io.augmill.datasets.shard.ShardIndex;
import io.augmill.datasets.shard.ShardInfo;
import io.augmill.datasets.shard.ShardName;
import io.augmill.datasets.shard.ShardSet;
import io.augmill.datasets.shard.ShardWriter;
import io.augmill.datasets.tfrecord.TFRecordException;
import io.augmill.datasets.tfrecord.TFRecordReader;
import io.augmill.ops.image.UnsupportedImageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.opencv.core.Mat;

/**
 * Reads a shard set once, summarising it and (with {@code verify}) checking it. Holds one record at a
 * time plus counters, so it works on sets of any size. After a record whose framing cannot be trusted
 * it resumes at the next record its {@code .idx} file lists, so one bad length does not hide the
 * problems after it.
 */
public final class ShardInspector {

  /** Receives each shard's name as inspection reaches it. */
  public interface Progress {
    /** Called before shard {@code index} (0-based) of {@code count}. */
    void shard(String file, int index, int count);
  }

  private final boolean verify;
  private final Consumer<ImageExample> sink;
  private final Progress progress;
  private final List<Problem> problems = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final SortedMap<Long, Long> labels = new TreeMap<>();
  private final SortedMap<String, Long> formats = new TreeMap<>();
  private final SortedMap<String, Long> sizes = new TreeMap<>();
  private final SortedMap<Long, Long> variants = new TreeMap<>();
  private int classCount = -1;

  /**
   * @param verify check CRCs, decode every image, and check index files, naming, manifest and rejected logs
   * @param sink receives every well-formed record (e.g. to build a contact sheet); may ignore them
   * @param progress receives shard-by-shard progress
   */
  public ShardInspector(boolean verify, Consumer<ImageExample> sink, Progress progress) {
    this.verify = verify;
    this.sink = sink;
    this.progress = progress;
  }

  /**
   * Inspects {@code dir}.
   *
   * @throws IOException when {@code dir} is not a shard set at all (no directory, no shard files, an
   *     unreadable manifest); problems inside the set are reported, not thrown
   */
  public InspectReport inspect(Path dir) throws IOException {
    ShardSet set = ShardSet.open(dir);
    Optional<Manifest> manifest = set.manifest();
    manifest.ifPresent(m -> classCount = m.classes().isEmpty() ? -1 : m.classes().size());
    if (manifest.isEmpty()) {
      notes.add("no " + Manifest.FILE_NAME + ": a set written by another tool (counts and checksums not cross-checked)");
    }
    List<InspectReport.ShardSummary> shards = new ArrayList<>();
    Map<String, Long> counted = new HashMap<>();
    long total = 0;
    for (int i = 0; i < set.shards().size(); i++) {
      Path shard = set.shards().get(i);
      progress.shard(shard.getFileName().toString(), i, set.shards().size());
      long n = inspectShard(shard);
      boolean indexed = Files.exists(indexOf(shard));
      shards.add(new InspectReport.ShardSummary(shard.getFileName().toString(), n, Files.size(shard), indexed));
      counted.put(shard.getFileName().toString(), n);
      total += n;
    }
    if (shards.stream().anyMatch(s -> !s.indexed())) {
      notes.add("some shards have no .idx file: record-range splits will scan them");
    }
    if (verify) {
      checkNames(set);
      manifest.ifPresent(m -> checkManifest(dir, m, counted));
      checkRejectedLogs(dir, manifest);
    }
    return new InspectReport(dir, manifest, shards, total, labels, formats, sizes, variants, List.copyOf(problems),
        List.copyOf(notes), verify);
  }

  private static Path indexOf(Path shard) {
    return shard.resolveSibling(shard.getFileName() + ShardName.INDEX_EXTENSION);
  }

  private long inspectShard(Path shard) throws IOException {
    String name = shard.getFileName().toString();
    ShardIndex idx = null;
    Path idxFile = indexOf(shard);
    if (Files.exists(idxFile)) {
      try {
        idx = ShardIndex.read(idxFile);
      } catch (IOException e) {
        problems.add(new Problem(idxFile.getFileName().toString(), -1, -1, "bad-index", e.getMessage()));
      }
    }
    long fileSize = Files.size(shard);
    long records = 0;
    long start = 0;
    long startIndex = 0;
    boolean indexMismatchReported = false;
    boolean complete = true;
    while (start >= 0) {
      long resumeAt = -1;
      try (TFRecordReader reader = TFRecordReader.open(shard, start, startIndex, verify)) {
        while (true) {
          byte[] payload;
          try {
            payload = reader.next();
          } catch (TFRecordException e) {
            problems.add(new Problem(name, e.offset(), e.recordIndex(), e.reason(), e.detail()));
            if (e.recoverable()) {
              records++;
              continue;
            }
            int next = idx == null ? -1 : nextIndexed(idx, e.offset());
            if (next < 0 || idx.offset(next) >= fileSize) {
              complete = false;
              if (idx == null) {
                notes.add(name + ": records after byte offset " + e.offset() + " not checked (no .idx to resume from)");
              }
            } else {
              resumeAt = next;
            }
            break;
          }
          if (payload == null) {
            break;
          }
          long index = reader.recordIndex() - 1;
          long offset = reader.lastRecordOffset();
          if (verify && idx != null && !indexMismatchReported && (index >= idx.size() || idx.offset((int) index) != offset
              || idx.length((int) index) != reader.position() - offset)) {
            problems.add(new Problem(idxFile.getFileName().toString(), offset, index, "index-mismatch",
                "the .idx file does not list this record at this offset and length"));
            indexMismatchReported = true;
          }
          records++;
          checkRecord(name, offset, index, payload);
        }
      }
      if (resumeAt >= 0) {
        start = idx.offset((int) resumeAt);
        startIndex = resumeAt;
        records = Math.max(records, resumeAt);
      } else {
        start = -1;
      }
    }
    if (verify && complete && idx != null && !indexMismatchReported && idx.size() != records) {
      problems.add(new Problem(idxFile.getFileName().toString(), -1, -1, "index-mismatch",
          "lists " + idx.size() + " records but the shard holds " + records));
    }
    return records;
  }

  private static int nextIndexed(ShardIndex idx, long after) {
    for (int i = 0; i < idx.size(); i++) {
      if (idx.offset(i) > after) {
        return i;
      }
    }
    return -1;
  }

  private void checkRecord(String name, long offset, long index, byte[] payload) {
    ImageExample e;
    try {
      e = ExampleCodec.decode(payload);
    } catch (ExampleFormatException ex) {
      problems.add(new Problem(name, offset, index, ex.reason(), ex.getMessage()));
      return;
    }
    labels.merge(e.label(), 1L, Long::sum);
    formats.merge(e.format().specName(), 1L, Long::sum);
    sizes.merge(e.width() + "x" + e.height() + "x" + e.channels(), 1L, Long::sum);
    variants.merge(e.variant(), 1L, Long::sum);
    if (e.label() < 0 || (classCount > 0 && e.label() >= classCount)) {
      problems.add(new Problem(name, offset, index, "label-out-of-range", "label " + e.label() + " is not in [0, "
          + classCount + ") (" + e.key() + ")"));
    }
    if (verify) {
      try {
        Mat m = e.decode();
        m.release();
      } catch (UnsupportedImageException | IllegalArgumentException ex) {
        String reason = ex instanceof UnsupportedImageException u ? u.reason() : "undecodable";
        problems.add(new Problem(name, offset, index, reason, ex.getMessage()));
        return;
      }
    }
    sink.accept(e);
  }

  private void checkNames(ShardSet set) {
    Map<String, List<ShardName>> bySplit = new TreeMap<>();
    for (Path p : set.shards()) {
      ShardName.parse(p.getFileName().toString()).ifPresent(n -> bySplit.computeIfAbsent(n.split(), k -> new ArrayList<>()).add(n));
    }
    for (var entry : bySplit.entrySet()) {
      List<ShardName> names = entry.getValue();
      int count = names.get(0).count();
      if (names.stream().anyMatch(n -> n.count() != count)) {
        problems.add(new Problem(entry.getKey() + "-*", -1, -1, "shard-naming", "shards of split " + entry.getKey()
            + " disagree on the shard count NNNNN"));
        continue;
      }
      for (int i = 0; i < count; i++) {
        ShardName expected = new ShardName(entry.getKey(), i, count);
        if (!names.contains(expected)) {
          problems.add(new Problem(expected.fileName(), -1, -1, "missing-shard", "shard " + i + " of " + count
              + " is missing"));
        }
      }
    }
  }

  private void checkManifest(Path dir, Manifest m, Map<String, Long> counted) {
    for (String p : m.countProblems()) {
      problems.add(new Problem(Manifest.FILE_NAME, -1, -1, "manifest-counts", p.substring(p.indexOf(": ") + 2)));
    }
    long listed = 0;
    for (ShardInfo s : m.shards()) {
      listed++;
      Path file = dir.resolve(s.file());
      if (!counted.containsKey(s.file())) {
        problems.add(new Problem(s.file(), -1, -1, "missing-shard", "listed in " + Manifest.FILE_NAME + " but not present"));
        continue;
      }
      if (counted.get(s.file()) != s.records()) {
        problems.add(new Problem(s.file(), -1, -1, "record-count", "holds " + counted.get(s.file()) + " records, "
            + Manifest.FILE_NAME + " says " + s.records()));
      }
      try {
        String sha = ShardWriter.sha256(file);
        if (!sha.equalsIgnoreCase(s.sha256())) {
          problems.add(new Problem(s.file(), -1, -1, "sha256-mismatch", "SHA-256 " + sha + ", "
              + Manifest.FILE_NAME + " says " + s.sha256()));
        }
      } catch (IOException e) {
        problems.add(new Problem(s.file(), -1, -1, "unreadable", e.getMessage()));
      }
    }
    if (listed > 0) {
      for (String f : new java.util.TreeSet<>(counted.keySet())) {
        if (m.shards().stream().noneMatch(s -> s.file().equals(f))
            && ShardName.parse(f).map(n -> n.split().equals(m.split())).orElse(true)) {
          problems.add(new Problem(f, -1, -1, "unlisted-shard", "present but not listed in " + Manifest.FILE_NAME));
        }
      }
    }
    long total = m.shards().stream().mapToLong(s -> counted.getOrDefault(s.file(), 0L)).sum();
    if (listed > 0 && total != m.records()) {
      problems.add(new Problem(Manifest.FILE_NAME, -1, -1, "record-count", "records is " + m.records()
          + " but the listed shards hold " + total));
    }
  }

  private void checkRejectedLogs(Path dir, Optional<Manifest> manifest) throws IOException {
    Path rejectedDir = dir.resolve(RejectedLog.DIRECTORY);
    long lines = 0;
    boolean anyLog = false;
    if (Files.isDirectory(rejectedDir)) {
      List<Path> logs;
      try (Stream<Path> s = Files.list(rejectedDir)) {
        logs = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
      }
      for (Path log : logs) {
        anyLog = true;
        try {
          lines += RejectedLog.read(log).size();
        } catch (IOException e) {
          problems.add(new Problem(dir.relativize(log).toString(), -1, -1, "bad-rejected-log", e.getMessage()));
        }
      }
    }
    if (manifest.isPresent()) {
      Manifest.Rejected r = manifest.get().rejected();
      long expected = r.inputs() + r.variants();
      if ((anyLog || expected > 0) && lines != expected) {
        problems.add(new Problem(RejectedLog.DIRECTORY + "/", -1, -1, "rejected-count", "rejected logs hold " + lines
            + " lines, " + Manifest.FILE_NAME + " counts " + expected + " (rejected.inputs + rejected.variants)"));
      }
    }
  }
}
