package io.augmill.pipeline.source;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.beam.sdk.options.PipelineOptions;

/**
 * Records read so far by a job whose workers run in this JVM, for progress lines. Beam's counters reach the
 * client only when a Flink job ends; embedded Flink (like the DirectRunner) runs its workers in the client's
 * JVM, so the Read step also counts here, under its pipeline options' {@link PipelineOptions#getOptionsId()
 * id}, while the client has that id {@linkplain #open open}. Where no one opened it (a remote TaskManager)
 * nothing is counted.
 */
public final class LiveReadCount implements AutoCloseable {

  private static final ConcurrentHashMap<Long, LongAdder> OPEN = new ConcurrentHashMap<>();

  private final long id;
  private final LongAdder count = new LongAdder();

  private LiveReadCount(long id) {
    this.id = id;
  }

  /**
   * Starts counting the records the Read steps of a pipeline with these options read in this JVM.
   *
   * @throws IllegalStateException when a count for the same options is already open
   */
  public static LiveReadCount open(PipelineOptions options) {
    LiveReadCount c = new LiveReadCount(options.getOptionsId());
    if (OPEN.putIfAbsent(c.id, c.count) != null) {
      throw new IllegalStateException("a live read count is already open for pipeline options " + c.id);
    }
    return c;
  }

  /** Records read so far. */
  public long get() {
    return count.sum();
  }

  /** The counter a reader adds to, or null when no count is open for these options in this JVM. */
  static LongAdder counter(PipelineOptions options) {
    return options == null ? null : OPEN.get(options.getOptionsId());
  }

  /** Stops counting; readers created afterwards count nothing. */
  @Override
  public void close() {
    OPEN.remove(id, count);
  }
}
