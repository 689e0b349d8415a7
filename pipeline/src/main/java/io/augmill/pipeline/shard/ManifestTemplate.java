package io.augmill.pipeline.shard;

import java.io.Serializable;
import java.util.List;

/**
 * What the manifest records about the job itself, fixed on the driver before the job runs (so it is the
 * same whichever worker writes the manifest).
 *
 * @param directory output directory
 * @param split split name
 * @param shards shard count
 * @param classes class names by label
 * @param codec {@code png}, {@code jpeg} or {@code raw}
 * @param policyJson the policy's JSON document
 * @param seed the global seed
 * @param variants augmented variants per input
 * @param keepOriginal whether variant 0 is the unaugmented input
 * @param source the {@code SRC} string
 * @param toolVersion the version of the tool writing the set
 */
public record ManifestTemplate(String directory, String split, int shards, List<String> classes, String codec,
    String policyJson, long seed, int variants, boolean keepOriginal, String source, String toolVersion)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Copies the class list. */
  public ManifestTemplate {
    classes = List.copyOf(classes);
  }
}
