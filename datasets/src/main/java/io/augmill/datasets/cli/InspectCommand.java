package io.augmill.datasets.cli;

import io.augmill.datasets.example.ImageExample;
import io.augmill.datasets.inspect.InspectReport;
import io.augmill.datasets.inspect.Problem;
import io.augmill.datasets.inspect.ShardInspector;
import io.augmill.ops.cli.UsageException;
import io.augmill.ops.cli.VersionProvider;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.preview.ContactSheet;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opencv.core.Mat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code augmill inspect DIR [--verify] [--sheet grid.png]}: summarise and check a shard set. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = {"Summarise a shard set: records per shard and class, formats, image sizes,",
        "manifest. --verify checks every CRC, decodes every Example and image, and",
        "cross-checks the .idx files, shard names, manifest (counts, SHA-256) and",
        "rejected logs, reporting every problem with its file and record; exit 1 if any."})
final class InspectCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DIR", description = "The shard set directory.")
  Path dir;

  @Option(names = "--verify", description = "Check every record and image (exit 1 on any problem).")
  boolean verify;

  @Option(names = "--sheet", paramLabel = "grid.png", description = "Write a PNG contact sheet of the first records.")
  Path sheet;

  @Option(names = "--json", description = "Print the summary and problems as one JSON object instead of text.")
  boolean json;

  @Option(names = "--sheet-count", paramLabel = "N", defaultValue = "64",
      description = "Records on the sheet, 1-1024 (default: ${DEFAULT-VALUE}).")
  int sheetCount;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(dir)) {
      throw new UsageException("DIR '" + dir + "' is not a directory");
    }
    if (sheet != null && !sheet.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
      throw new UsageException("--sheet must be a .png file, got " + sheet);
    }
    if (sheetCount < 1 || sheetCount > 1024) {
      throw new UsageException("--sheet-count must be in [1, 1024], got " + sheetCount);
    }
    List<ImageExample> chosen = new ArrayList<>();
    ShardInspector inspector = new ShardInspector(verify, e -> {
      if (sheet != null && chosen.size() < sheetCount) {
        chosen.add(e);
      }
    }, (file, i, n) -> System.err.printf("inspect: shard %d/%d %s%n", i + 1, n, file));
    InspectReport report = inspector.inspect(dir);
    if (json) {
      System.out.println(toJson(report));
    } else {
      print(report, System.out);
    }
    if (sheet != null) {
      writeSheet(report, chosen);
    }
    return report.problems().isEmpty() ? 0 : 1;
  }

  private void writeSheet(InspectReport report, List<ImageExample> chosen) throws java.io.IOException {
    List<ContactSheet.Tile> tiles = new ArrayList<>();
    List<Mat> owned = new ArrayList<>();
    try {
      for (ImageExample e : chosen) {
        Mat m;
        try {
          m = e.decode();
        } catch (RuntimeException ex) {
          continue;
        }
        owned.add(m);
        String label = e.label() >= 0 && e.label() < report.classes().size() ? report.classes().get((int) e.label())
            : Long.toString(e.label());
        tiles.add(new ContactSheet.Tile(m, label + (e.variant() > 0 ? " v" + e.variant() : ""), isOriginal(e)));
      }
      if (tiles.isEmpty()) {
        throw new IllegalStateException(dir + ": no decodable images for the sheet");
      }
      Mat grid = ContactSheet.render(tiles, Math.min(8, tiles.size()), 96);
      ImageCodec.write(sheet, grid);
      grid.release();
      System.err.println("inspect: wrote " + tiles.size() + " images to " + sheet);
    } finally {
      owned.forEach(Mat::release);
    }
  }

  private static boolean isOriginal(ImageExample e) {
    String p = e.augmentParams().replace(" ", "");
    return p.isEmpty() || p.equals("[]") || p.equals("{}");
  }

  static void print(InspectReport r, PrintStream out) {
    out.println("shard set: " + r.dir());
    r.manifest().ifPresent(m -> {
      out.printf("manifest: format_version %d, split %s, codec %s, variants %d%s, seed %d%n", m.formatVersion(),
          m.split(), m.codec(), m.variants(), m.keepOriginal() ? " + original" : "", m.seed());
      out.printf("  source %s, tool %s%n", m.source(), m.toolVersion());
      out.printf("  inputs %d, records %d, rejected inputs %d, rejected variants %d%s%n", m.inputs(), m.records(),
          m.rejected().inputs(), m.rejected().variants(), m.rejected().byReason().isEmpty() ? ""
              : " " + m.rejected().byReason());
    });
    out.printf("shards: %d, records: %d%n", r.shards().size(), r.records());
    for (InspectReport.ShardSummary s : r.shards()) {
      out.printf("  %-36s %8d records %12d bytes%s%n", s.file(), s.records(), s.bytes(), s.indexed() ? "" : "  (no .idx)");
    }
    out.println("formats: " + joined(r.formats()));
    out.println("sizes: " + joined(r.sizes()));
    out.println("variants: " + joined(r.variants()));
    out.println("classes:");
    for (Map.Entry<Long, Long> e : r.labels().entrySet()) {
      long label = e.getKey();
      String name = label >= 0 && label < r.classes().size() ? r.classes().get((int) label) : "";
      out.printf("  %4d %-24s %8d%n", label, name, e.getValue());
    }
    for (String note : r.notes()) {
      out.println("note: " + note);
    }
    if (r.verified()) {
      for (Problem p : r.problems()) {
        out.println("PROBLEM " + p);
      }
      out.println(r.problems().isEmpty()
          ? "verify: OK (" + r.records() + " records: every CRC, Example and image checked)"
          : "verify: " + r.problems().size() + " problem" + (r.problems().size() == 1 ? "" : "s"));
    } else if (!r.problems().isEmpty()) {
      for (Problem p : r.problems()) {
        out.println("PROBLEM " + p);
      }
    }
  }

  /** The report as JSON: counts, per-shard entries, class counts with names, problems and notes. */
  static String toJson(InspectReport r) throws java.io.IOException {
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper()
        .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
    var root = mapper.createObjectNode();
    root.put("dir", r.dir().toString());
    root.put("verified", r.verified());
    root.put("records", r.records());
    root.put("manifest", r.manifest().isPresent());
    var shards = root.putArray("shards");
    for (InspectReport.ShardSummary s : r.shards()) {
      shards.addObject().put("file", s.file()).put("records", s.records()).put("bytes", s.bytes())
          .put("indexed", s.indexed());
    }
    var classes = root.putArray("classes");
    r.labels().forEach((label, n) -> {
      var c = classes.addObject().put("label", label);
      if (label >= 0 && label < r.classes().size()) {
        c.put("name", r.classes().get((int) (long) label));
      }
      c.put("records", n);
    });
    var formats = root.putObject("formats");
    r.formats().forEach(formats::put);
    var sizes = root.putObject("sizes");
    r.sizes().forEach(sizes::put);
    var variants = root.putObject("variants");
    r.variants().forEach((v, n) -> variants.put(Long.toString(v), n));
    var problems = root.putArray("problems");
    for (Problem p : r.problems()) {
      problems.addObject().put("file", p.file()).put("offset", p.offset()).put("record", p.recordIndex())
          .put("reason", p.reason()).put("detail", p.detail());
    }
    var notes = root.putArray("notes");
    r.notes().forEach(notes::add);
    return mapper.writeValueAsString(root);
  }

  private static String joined(Map<?, Long> counts) {
    StringBuilder b = new StringBuilder();
    counts.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append(' ').append(v));
    return b.length() == 0 ? "-" : b.toString();
  }
}
