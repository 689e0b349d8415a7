package io.augmill.pipeline.image;

import java.io.Serializable;

/**
 * One variant encoded for the shard: everything a {@code tf.train.Example} record holds.
 *
 * @param key stable source key
 * @param location where the input came from
 * @param label class index
 * @param variant 0-based variant index
 * @param format {@code png}, {@code jpeg} or {@code raw}
 * @param width pixels
 * @param height pixels
 * @param channels 1 or 3
 * @param encoded the encoded image bytes
 * @param params JSON array of the fixed ops applied
 */
public record EncodedImage(String key, String location, int label, int variant, String format,
    int width, int height, int channels, byte[] encoded, String params) implements Serializable {
  private static final long serialVersionUID = 1L;
}
