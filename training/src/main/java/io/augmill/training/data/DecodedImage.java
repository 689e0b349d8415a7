package io.augmill.training.data;

/**
 * One decoded, labelled image: 8-bit pixels in HWC order (RGB or grey).
 *
 * @param key the record's stable key (used in errors and for per-image randomness)
 * @param label class index
 * @param height rows (≥ 1)
 * @param width columns (≥ 1)
 * @param channels 1 or 3
 * @param pixels {@code height·width·channels} bytes
 */
public record DecodedImage(String key, int label, int height, int width, int channels, byte[] pixels) {
  /** Validates sizes. */
  public DecodedImage {
    if (height < 1 || width < 1 || (channels != 1 && channels != 3)) {
      throw new IllegalArgumentException(key + ": unsupported image " + width + "x" + height + "x" + channels);
    }
    if (pixels.length != height * width * channels) {
      throw new IllegalArgumentException(
          key + ": " + pixels.length + " pixel bytes do not match " + width + "x" + height + "x" + channels);
    }
  }
}
