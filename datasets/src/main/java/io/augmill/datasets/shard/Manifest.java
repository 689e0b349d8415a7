package io.augmill.datasets.shard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code manifest.json} of a shard set, format version {@value #FORMAT_VERSION}. Field names are the
 * JSON ones in SPEC.md; readers ignore fields they do not know so later versions can add some.
 *
 * @param formatVersion always {@value #FORMAT_VERSION} for this schema
 * @param split {@code train} or {@code test} (any split name is accepted)
 * @param records records written, over all shards
 * @param classes class names, indexed by label
 * @param codec {@code png}, {@code jpeg} or {@code raw}
 * @param policy the augmentation policy as JSON ({@code null} when none)
 * @param seed the global seed
 * @param variants augmented variants per input
 * @param keepOriginal whether the un-augmented original was written too (one more record per input)
 * @param source the {@code SRC} string read
 * @param toolVersion version of the tool that wrote the set
 * @param shards one entry per shard, in shard order
 * @param inputs inputs read from the source
 * @param rejected what was rejected, by reason
 * @param stats free-form statistics (e.g. per-channel mean/std); may be an empty object
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"format_version", "split", "records", "classes", "codec", "policy", "seed", "variants",
    "keep_original", "source", "tool_version", "shards", "inputs", "rejected", "stats"})
public record Manifest(
    @JsonProperty("format_version") int formatVersion,
    @JsonProperty("split") String split,
    @JsonProperty("records") long records,
    @JsonProperty("classes") List<String> classes,
    @JsonProperty("codec") String codec,
    @JsonProperty("policy") JsonNode policy,
    @JsonProperty("seed") long seed,
    @JsonProperty("variants") int variants,
    @JsonProperty("keep_original") boolean keepOriginal,
    @JsonProperty("source") String source,
    @JsonProperty("tool_version") String toolVersion,
    @JsonProperty("shards") List<ShardInfo> shards,
    @JsonProperty("inputs") long inputs,
    @JsonProperty("rejected") Rejected rejected,
    @JsonProperty("stats") JsonNode stats) {

  /** The schema version this class reads and writes. */
  public static final int FORMAT_VERSION = 1;

  /** File name of the manifest inside a shard set directory. */
  public static final String FILE_NAME = "manifest.json";

  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /**
   * Rejection counts.
   *
   * @param inputs inputs rejected before augmentation (decode, depth, size)
   * @param variants single variants that failed
   * @param byReason count per machine-readable reason, inputs and variants together
   */
  @JsonPropertyOrder({"inputs", "variants", "by_reason"})
  public record Rejected(@JsonProperty("inputs") long inputs, @JsonProperty("variants") long variants,
      @JsonProperty("by_reason") Map<String, Long> byReason) {

    /** Copies {@code byReason} into a sorted map (a TreeMap) so output is deterministic. */
    public Rejected {
      byReason = byReason == null ? new TreeMap<>() : new TreeMap<>(byReason);
    }

    /** No rejections. */
    public static Rejected none() {
      return new Rejected(0, 0, new TreeMap<>());
    }
  }

  /** Defaults the optional parts: empty classes/shards lists, {@link Rejected#none()}, empty stats. */
  public Manifest {
    classes = classes == null ? List.of() : List.copyOf(classes);
    shards = shards == null ? List.of() : List.copyOf(shards);
    rejected = rejected == null ? Rejected.none() : rejected;
    stats = stats == null ? JsonNodeFactory.instance.objectNode() : stats;
    policy = policy == null ? JsonNodeFactory.instance.nullNode() : policy;
  }

  /** Records each input should give: {@code variants}, plus one with {@code keep_original}. */
  public long recordsPerInput() {
    return variants + (keepOriginal ? 1 : 0);
  }

  /**
   * Problems with the counts, empty when consistent: the shard record counts must sum to
   * {@code records}, and {@code inputs × per-input = records + rejected.inputs × per-input + rejected.variants}.
   */
  public List<String> countProblems() {
    java.util.ArrayList<String> problems = new java.util.ArrayList<>();
    long sum = shards.stream().mapToLong(ShardInfo::records).sum();
    if (!shards.isEmpty() && sum != records) {
      problems.add("manifest: shard record counts sum to " + sum + " but records is " + records);
    }
    long per = recordsPerInput();
    long expected = records + rejected.inputs() * per + rejected.variants();
    if (inputs * per != expected) {
      problems.add("manifest: inputs x " + per + " = " + inputs * per + " but records + rejected.inputs x " + per
          + " + rejected.variants = " + expected);
    }
    return problems;
  }

  /** Writes the manifest as indented JSON, keys in schema order, maps sorted. */
  public void write(Path file) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + ".partial");
    JSON.writeValue(tmp.toFile(), this);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** The manifest as indented JSON text. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (IOException e) {
      throw new IllegalStateException("manifest cannot be serialized", e);
    }
  }

  /**
   * Reads a manifest.
   *
   * @throws IOException naming the file when it is not valid JSON or has a format_version other than 1
   */
  public static Manifest read(Path file) throws IOException {
    Manifest m;
    try {
      m = JSON.readValue(file.toFile(), Manifest.class);
    } catch (IOException e) {
      throw new IOException(file + ": not a valid manifest: " + e.getMessage(), e);
    }
    if (m.formatVersion() != FORMAT_VERSION) {
      throw new IOException(file + ": unsupported format_version " + m.formatVersion() + " (this reader knows "
          + FORMAT_VERSION + ")");
    }
    return m;
  }

  /** The tool version recorded in manifests, e.g. {@code augmill 0.1.0}. */
  public static String currentToolVersion() {
    return "augmill " + io.augmill.ops.Version.get();
  }

  /** Helper for callers building {@code by_reason}: adds {@code n} to {@code reason}'s count. */
  public static void count(Map<String, Long> byReason, String reason, long n) {
    byReason.merge(reason, n, Long::sum);
  }
}
