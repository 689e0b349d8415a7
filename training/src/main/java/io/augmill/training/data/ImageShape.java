package io.augmill.training.data;

/**
 * The size every image of a run must have.
 *
 * @param channels 1 or 3
 * @param height rows
 * @param width columns
 */
public record ImageShape(int channels, int height, int width) {

  /** The shape of a decoded image. */
  public static ImageShape of(DecodedImage im) {
    return new ImageShape(im.channels(), im.height(), im.width());
  }

  /** Values per image. */
  public int volume() {
    return channels * height * width;
  }

  @Override
  public String toString() {
    return width + "x" + height + "x" + channels;
  }
}
