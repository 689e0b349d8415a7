package io.augmill.ops.color;

import io.augmill.ops.image.Images;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * AlexNet-style PCA lighting noise (Krizhevsky et al. 2012): adds {@code eigvec · (alpha ∘ eigval)}
 * to every RGB pixel. Eigen-pairs are on the 0-1 pixel scale, so on 8-bit images each channel becomes
 * {@code round(v + 255 * delta[c])} (nearest, ties to even), clipped to [0, 255].
 *
 * <p>A grey image stands for R = G = B; it receives the ITU-R 601 luma of the RGB offset,
 * {@code 0.299 dR + 0.587 dG + 0.114 dB}, which is what converting the lit RGB image back to grey
 * gives before rounding (the same weights {@link io.augmill.ops.Fill} uses for grey images).
 */
public final class Lighting {

  /**
   * ImageNet RGB eigenvalues on the 0-1 scale, as used by fb.resnet.torch
   * ({@code datasets/imagenet.lua}) and the implementations derived from it.
   */
  public static final double[] IMAGENET_EIGVAL = {0.2175, 0.0188, 0.0045};

  /** The matching eigenvectors: columns are eigenvectors, rows are R, G, B. */
  public static final double[][] IMAGENET_EIGVEC = {
      {-0.5675, 0.7192, 0.4009},
      {-0.5808, -0.0045, -0.8140},
      {-0.5836, -0.6948, 0.4203},
  };

  private Lighting() {}

  /**
   * The RGB offset {@code delta[i] = sum_j eigvec[i][j] * alpha[j] * eigval[j]} on the 0-1 scale,
   * summed over j in order.
   */
  public static double[] delta(double[] alpha, double[] eigval, double[][] eigvec) {
    if (alpha.length != 3 || eigval.length != 3 || eigvec.length != 3) {
      throw new IllegalArgumentException("pca_lighting: alpha, eigval and eigvec must have 3 entries");
    }
    double[] delta = new double[3];
    for (int i = 0; i < 3; i++) {
      if (eigvec[i].length != 3) {
        throw new IllegalArgumentException("pca_lighting: eigvec must be 3x3, row " + i + " has " + eigvec[i].length);
      }
      double sum = 0;
      for (int j = 0; j < 3; j++) {
        sum += eigvec[i][j] * alpha[j] * eigval[j];
      }
      delta[i] = sum;
    }
    return delta;
  }

  /** Adds the 0-1 scale offset {@code delta} (R, G, B) to an 8-bit image, rounding and clipping. */
  public static Mat add(Mat src, double[] delta) {
    Images.requireSupported(src, "pca_lighting");
    if (delta.length != 3) {
      throw new IllegalArgumentException("pca_lighting: delta must have 3 entries, got " + delta.length);
    }
    int channels = src.channels();
    double[] offsets = channels == 1
        ? new double[] {0.299 * delta[0] + 0.587 * delta[1] + 0.114 * delta[2]}
        : delta;
    byte[] table = new byte[256 * channels];
    for (int c = 0; c < channels; c++) {
      double shift = 255.0 * offsets[c];
      for (int v = 0; v < 256; v++) {
        double x = Math.rint(v + shift);
        table[v * channels + c] = (byte) (x <= 0 ? 0 : x >= 255 ? 255 : (int) x);
      }
    }
    Mat lut = new Mat(1, 256, CvType.makeType(CvType.CV_8U, channels));
    lut.put(0, 0, table);
    Mat dst = new Mat();
    Core.LUT(src, lut, dst);
    lut.release();
    return dst;
  }
}
