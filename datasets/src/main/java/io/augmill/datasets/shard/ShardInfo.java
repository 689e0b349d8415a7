package io.augmill.datasets.shard;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.Serializable;

/**
 * One shard's entry in the manifest.
 *
 * @param file the shard file name (no directory)
 * @param records number of records in it
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 */
@JsonPropertyOrder({"file", "records", "sha256"})
public record ShardInfo(String file, long records, String sha256) implements Serializable {}
