package io.augmill.pipeline.image;

import java.io.Serializable;

/**
 * An input that passed the decode guards.
 *
 * @param key stable source key
 * @param location where it came from
 * @param label class index
 * @param pixels the decoded grey or RGB pixels
 */
public record DecodedImage(String key, String location, int label, Pixels pixels) implements Serializable {
  private static final long serialVersionUID = 1L;
}
