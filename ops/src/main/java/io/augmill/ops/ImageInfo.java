package io.augmill.ops;

import org.opencv.core.Mat;

/**
 * Geometry of an image as seen by {@link Transform#sample}: width and height in pixels, channel count.
 *
 * @param width width in pixels, at least 1
 * @param height height in pixels, at least 1
 * @param channels 1 (grey) or 3 (RGB)
 */
public record ImageInfo(int width, int height, int channels) {

  /** Validates the geometry. */
  public ImageInfo {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("image size must be positive, got " + width + "x" + height);
    }
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("channels must be 1 or 3, got " + channels);
    }
  }

  /** The geometry of a Mat. */
  public static ImageInfo of(Mat image) {
    return new ImageInfo(image.cols(), image.rows(), image.channels());
  }

  /** The same channel count with another size. */
  public ImageInfo withSize(int newWidth, int newHeight) {
    return new ImageInfo(newWidth, newHeight, channels);
  }
}
