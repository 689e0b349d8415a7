package io.augmill.training.run;

/** Where a run reports progress; the CLI draws a progress bar, tests ignore it. */
public interface ProgressSink {

  /** Does nothing. */
  ProgressSink NONE = new ProgressSink() {};

  /** An epoch starts ({@code epoch} 1-based). */
  default void epochStarted(int epoch, int epochs, long steps) {}

  /** A step finished with this mean batch loss and throughput so far in the epoch. */
  default void stepDone(long stepInEpoch, double loss, double imagesPerSecond) {}

  /** An epoch finished. */
  default void epochDone(EpochMetrics metrics, int epochs) {}

  /** A one-line note (early stop, resume, ...). */
  default void note(String message) {}
}
