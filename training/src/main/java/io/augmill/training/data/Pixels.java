package io.augmill.training.data;

import java.util.random.RandomGenerator;

/** Converts 8-bit HWC pixels to normalised CHW floats, with the optional crop and flip. */
public final class Pixels {

  private Pixels() {}

  /** The normalised CHW floats of one image, without augmentation. */
  public static float[] toNormalisedChw(DecodedImage im, Normalization norm) {
    float[] out = new float[im.height() * im.width() * im.channels()];
    toNormalisedChw(im, norm, 0, false, null, out, 0);
    return out;
  }

  /**
   * Images from OpenCV Mats (8-bit grey or RGB, as {@code ImageCodec} decodes them).
   *
   * @param key what to call the image in errors
   */
  public static DecodedImage fromMat(org.opencv.core.Mat mat, String key, int label) {
    if (mat.depth() != org.opencv.core.CvType.CV_8U || (mat.channels() != 1 && mat.channels() != 3)) {
      throw new DataLoadException(key + ": expected an 8-bit grey or RGB image, got " + mat);
    }
    org.opencv.core.Mat m = mat.isContinuous() ? mat : mat.clone();
    byte[] px = new byte[m.rows() * m.cols() * m.channels()];
    m.get(0, 0, px);
    if (m != mat) {
      m.release();
    }
    return new DecodedImage(key, label, mat.rows(), mat.cols(), mat.channels(), px);
  }

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
