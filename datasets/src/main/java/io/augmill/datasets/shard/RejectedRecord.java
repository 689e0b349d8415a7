package io.augmill.datasets.shard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.Serializable;

/**
 * One line of {@code rejected/*.jsonl}: an input or a single variant that could not be used.
 *
 * @param key the source key, e.g. {@code cifar10/train/000123}
 * @param source where it came from (file and byte offset or record index)
 * @param variant the failed variant, or null when the whole input was rejected
 * @param reason machine-readable reason, e.g. {@code undecodable}, {@code unsupported-depth}
 * @param message human-readable detail
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"key", "source", "variant", "reason", "message"})
public record RejectedRecord(@JsonProperty("key") String key, @JsonProperty("source") String source,
    @JsonProperty("variant") Integer variant, @JsonProperty("reason") String reason,
    @JsonProperty("message") String message) implements Serializable {}
