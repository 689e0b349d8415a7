package io.augmill.pipeline.image;

import org.apache.beam.sdk.metrics.Counter;
import org.apache.beam.sdk.metrics.Metrics;

/** Names of the Beam counters the pipeline steps report; the job prints them at the end. */
public final class PipelineMetrics {

  /** Namespace of every Augmill counter. */
  public static final String NAMESPACE = "augmill";
  /** Inputs that reached the Decode step. */
  public static final String READ = "read";
  /** Encoded input bytes seen by the Decode step. */
  public static final String BYTES_READ = "bytes.read";
  /** Inputs that passed the decode guards. */
  public static final String DECODED = "decoded";
  /** Variants produced by the Augment step. */
  public static final String AUGMENTED = "augmented";
  /** Records written to shards. */
  public static final String WRITTEN = "written";
  /** Record bytes (TFRecord framing included) written to shards. */
  public static final String BYTES_WRITTEN = "bytes.written";
  /** Prefix of the per-reason rejection counters, e.g. {@code rejected.undecodable}. */
  public static final String REJECTED_PREFIX = "rejected.";

  private PipelineMetrics() {}

  /** The counter called {@code name} in the Augmill namespace. */
  public static Counter counter(String name) {
    return Metrics.counter(NAMESPACE, name);
  }

  /** The counter of rejections for {@code reason}. */
  public static Counter rejected(String reason) {
    return Metrics.counter(NAMESPACE, REJECTED_PREFIX + reason);
  }
}
