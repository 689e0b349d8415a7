package io.augmill.ops;

/**
 * Sampled parameters of one transform draw: an immutable record, loggable and replayable.
 * Implementations are Java records so that Jackson can write them as JSON.
 */
public interface Params {

  /** Parameters of transforms that sample nothing (fixed-parameter ops). */
  record None() implements Params {
    /** The single instance. */
    public static final None INSTANCE = new None();
  }
}
