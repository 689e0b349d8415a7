package io.augmill.pipeline.image;

import java.io.Serializable;

/**
 * One variant of one input after the policy ran.
 *
 * @param key stable source key
 * @param location where the input came from
 * @param label class index
 * @param variant 0-based variant index (with {@code --keep-original}, variant 0 is the unaugmented input)
 * @param pixels the augmented pixels
 * @param params JSON array of the fixed ops applied ({@code augment/params}); {@code []} when none
 */
public record AugmentedImage(String key, String location, int label, int variant, Pixels pixels, String params)
    implements Serializable {
  private static final long serialVersionUID = 1L;
}
