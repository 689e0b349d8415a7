package io.augmill.training.data;

import java.util.random.RandomGenerator;

/** Converts 8-bit HWC pixels to normalised CHW floats, with the optional crop and flip. */
final class Pixels {

  private Pixels() {}

  static void toNormalisedChw(DecodedImage im, Normalization norm, int padding, boolean hflip,
      RandomGenerator rng, float[] out, int offset) {
    int h = im.height();
    int w = im.width();
    int c = im.channels();
    int dx = 0;
    int dy = 0;
    if (padding > 0) {
      dx = rng.nextInt(2 * padding + 1) - padding;
      dy = rng.nextInt(2 * padding + 1) - padding;
    }
    boolean flip = hflip && rng.nextBoolean();
    double[] mean = norm.mean();
    double[] std = norm.std();
    byte[] p = im.pixels();
    for (int ch = 0; ch < c; ch++) {
      float scale = (float) (1 / (255 * std[ch]));
      float shift = (float) (-mean[ch] / std[ch]);
      int base = offset + ch * h * w;
      for (int y = 0; y < h; y++) {
        int sy = y + dy;
        for (int x = 0; x < w; x++) {
          int sx = (flip ? w - 1 - x : x) + dx;
          int v = sy >= 0 && sy < h && sx >= 0 && sx < w ? p[(sy * w + sx) * c + ch] & 0xff : 0;
          out[base + y * w + x] = v * scale + shift;
        }
      }
    }
  }
}
