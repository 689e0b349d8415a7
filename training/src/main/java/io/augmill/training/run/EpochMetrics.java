package io.augmill.training.run;

import java.util.Locale;

/**
 * One line of {@code metrics.csv}. Validation fields are NaN when the run has no validation set.
 *
 * @param epoch 1-based epoch
 * @param lr learning rate of the epoch's first step
 * @param trainLoss mean training loss (against the mixed/smoothed targets actually trained on)
 * @param trainAcc fraction of training images whose argmax matches the argmax of their target
 * @param valLoss mean cross-entropy on the validation set
 * @param valTop1 validation top-1 accuracy (fraction)
 * @param valTop5 validation top-5 accuracy (fraction)
 * @param imagesPerSecond training throughput over the epoch
 * @param seconds wall time of the epoch (training and validation)
 */
public record EpochMetrics(int epoch, double lr, double trainLoss, double trainAcc, double valLoss,
    double valTop1, double valTop5, double imagesPerSecond, double seconds) {

  /** The CSV header. */
  public static final String HEADER = "epoch,lr,train_loss,train_acc,val_loss,val_top1,val_top5,images_per_s,seconds";

  /** This line as CSV (empty cells for NaN). */
  public String toCsv() {
    return epoch + "," + num(lr) + "," + num(trainLoss) + "," + num(trainAcc) + "," + num(valLoss) + ","
        + num(valTop1) + "," + num(valTop5) + "," + String.format(Locale.ROOT, "%.1f", imagesPerSecond) + ","
        + String.format(Locale.ROOT, "%.3f", seconds);
  }

  /** Parses a line written by {@link #toCsv}. */
  public static EpochMetrics parse(String line) {
    String[] f = line.split(",", -1);
    if (f.length != 9) {
      throw new IllegalArgumentException("metrics.csv line has " + f.length + " fields, expected 9: " + line);
    }
    return new EpochMetrics(Integer.parseInt(f[0]), d(f[1]), d(f[2]), d(f[3]), d(f[4]), d(f[5]), d(f[6]), d(f[7]), d(f[8]));
  }

  private static double d(String s) {
    return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.8g", v);
  }
}
