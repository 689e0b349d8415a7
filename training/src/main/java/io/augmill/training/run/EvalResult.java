package io.augmill.training.run;

import java.util.List;

/**
 * Accuracy of a model on a labelled set.
 *
 * @param loss mean cross-entropy
 * @param top1 fraction whose top class is the label
 * @param top5 fraction whose label is among the top 5 (top K when there are fewer than 5 classes)
 * @param confusion {@code confusion[true][predicted]} counts
 * @param classes class names
 */
public record EvalResult(double loss, double top1, double top5, long[][] confusion, List<String> classes) {

  /** Images evaluated. */
  public long count() {
    long n = 0;
    for (long[] row : confusion) {
      for (long v : row) {
        n += v;
      }
    }
    return n;
  }

  /** Per-class accuracy (recall); NaN for a class with no images. */
  public double[] perClass() {
    double[] out = new double[confusion.length];
    for (int c = 0; c < confusion.length; c++) {
      long total = 0;
      for (long v : confusion[c]) {
        total += v;
      }
      out[c] = total == 0 ? Double.NaN : (double) confusion[c][c] / total;
    }
    return out;
  }
}
