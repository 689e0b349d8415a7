package io.augmill.pipeline.stats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.image.OpenCv;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Objects;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * Per-channel pixel statistics of a dataset on the 0-1 scale (pixel / 255): mean, standard deviation
 * (population), the RGB covariance matrix and its eigen-decomposition. {@code mean}/{@code std} feed
 * normalisation; {@code eigval}/{@code eigvec} feed {@code pca_lighting} (AlexNet-style lighting noise).
 *
 * @param images images counted
 * @param pixels pixels counted (per channel)
 * @param channels 1 when every image was grey, else 3 (grey images then count as R = G = B)
 * @param mean per-channel mean
 * @param std per-channel standard deviation
 * @param covariance channel covariance, row-major, {@code channels x channels}
 * @param eigval eigenvalues of the covariance, largest first
 * @param eigvec eigenvectors as columns ({@code eigvec[row][k]} is component {@code row} of vector
 *     {@code k}); each oriented so that its largest-magnitude component is positive
 */
public record ChannelStats(long images, long pixels, int channels, double[] mean, double[] std,
    double[][] covariance, double[] eigval, double[][] eigvec) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Derives the statistics from exact integer sums (see {@link StatsAccumulator}). */
  static ChannelStats from(StatsAccumulator acc) {
    int c = acc.anyColour() ? 3 : 1;
    double n = Math.max(acc.pixels(), 1);
    double[] mean = new double[c];
    double[][] cov = new double[c][c];
    for (int i = 0; i < c; i++) {
      mean[i] = acc.sum(i) / n / 255.0;
    }
    for (int i = 0; i < c; i++) {
      for (int j = 0; j < c; j++) {
        double exy = acc.product(i, j) / n / (255.0 * 255.0);
        cov[i][j] = acc.pixels() == 0 ? 0 : exy - mean[i] * mean[j];
      }
    }
    double[] std = new double[c];
    for (int i = 0; i < c; i++) {
      std[i] = Math.sqrt(Math.max(cov[i][i], 0));
    }
    double[] eigval = new double[c];
    double[][] eigvec = new double[c][c];
    eigen(cov, eigval, eigvec);
    return new ChannelStats(acc.images(), acc.pixels(), c, mean, std, cov, eigval, eigvec);
  }

  private static void eigen(double[][] cov, double[] eigval, double[][] eigvec) {
    OpenCv.load();
    int c = cov.length;
    Mat m = new Mat(c, c, CvType.CV_64F);
    for (int i = 0; i < c; i++) {
      m.put(i, 0, cov[i]);
    }
    Mat values = new Mat();
    Mat vectors = new Mat();
    Core.eigen(m, values, vectors);
    for (int k = 0; k < c; k++) {
      eigval[k] = values.get(k, 0)[0];
      double[] v = new double[c];
      int largest = 0;
      for (int row = 0; row < c; row++) {
        v[row] = vectors.get(k, row)[0];
        if (Math.abs(v[row]) > Math.abs(v[largest])) {
          largest = row;
        }
      }
      double sign = v[largest] < 0 ? -1 : 1;
      for (int row = 0; row < c; row++) {
        eigvec[row][k] = sign * v[row] + 0.0;
      }
    }
    m.release();
    values.release();
    vectors.release();
  }

  /** Equal when every count and value is equal (records compare arrays by identity otherwise). */
  @Override
  public boolean equals(Object o) {
    return o instanceof ChannelStats s && images == s.images && pixels == s.pixels && channels == s.channels
        && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std) && Arrays.deepEquals(covariance, s.covariance)
        && Arrays.equals(eigval, s.eigval) && Arrays.deepEquals(eigvec, s.eigvec);
  }

  @Override
  public int hashCode() {
    return Objects.hash(images, pixels, channels, Arrays.hashCode(mean), Arrays.deepHashCode(covariance));
  }

  /** The JSON written to {@code stats.json} and into the manifest's {@code stats}. */
  public ObjectNode toJson() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("images", images);
    node.put("pixels", pixels);
    node.put("channels", channels);
    node.put("scale", "0-1");
    node.set("mean", array(mean));
    node.set("std", array(std));
    node.set("covariance", matrix(covariance));
    node.set("eigval", array(eigval));
    node.set("eigvec", matrix(eigvec));
    return node;
  }

  private static ArrayNode array(double[] values) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (double v : values) {
      a.add(v);
    }
    return a;
  }

  private static ArrayNode matrix(double[][] rows) {
    ArrayNode a = JsonNodeFactory.instance.arrayNode();
    for (double[] row : rows) {
      a.add(array(row));
    }
    return a;
  }
}
