package io.augmill.training.data;

/** A record as read from storage; decoding is deferred to the loader's reader threads. */
public interface EncodedRecord {

  /** The record's stable key. */
  String key();

  /** Decodes the record; errors name the record. */
  DecodedImage decode();
}
