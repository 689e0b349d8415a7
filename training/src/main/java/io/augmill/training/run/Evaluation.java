package io.augmill.training.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.augmill.training.data.BatchLoader;
import io.augmill.training.data.HostBatch;
import io.augmill.training.data.ImageShape;
import io.augmill.training.data.ImageSource;
import io.augmill.training.data.Normalization;
import io.augmill.training.loss.SoftTargetCrossEntropy;
import io.augmill.training.mix.Targets;
import java.io.IOException;
import java.util.function.UnaryOperator;

/** Loss, top-1/top-5 and the confusion matrix of a forward function over a whole source. */
public final class Evaluation {

  private Evaluation() {}

  /**
   * Evaluates in storage order, including a final partial batch.
   *
   * @param logits NCHW images → N×K logits (inference mode)
   * @param manager where batches are created (its device is used)
   * @param source the labelled images (epoch 0's records)
   * @param shape expected image shape
   * @param norm normalisation
   * @param batchSize images per forward pass
   * @param threads decoder threads
   * @throws IOException when the source cannot be read
   */
  public static EvalResult run(UnaryOperator<NDArray> logits, NDManager manager, ImageSource source, ImageShape shape,
      Normalization norm, int batchSize, int threads) throws IOException {
    int k = source.classes().size();
    long[][] confusion = new long[k][k];
    double lossSum = 0;
    long top1 = 0;
    long top5 = 0;
    long n = 0;
    int topK = Math.min(5, k);
    try (BatchLoader loader = BatchLoader.builder().setSource(source).setBatchSize(batchSize).setShape(shape)
        .setNormalization(norm).optThreads(threads).build()) {
      while (loader.hasNext()) {
        HostBatch b = loader.next();
        try (NDManager m = manager.newSubManager()) {
          NDArray x = m.create(b.images(), new Shape(b.size(), b.channels(), b.height(), b.width()));
          NDArray z = logits.apply(x);
          NDArray t = m.create(Targets.smoothedOneHot(b.labels(), k, 0), new Shape(b.size(), k)).toDevice(z.getDevice(), false);
          lossSum += SoftTargetCrossEntropy.crossEntropy(t, z).getFloat() * b.size();
          long[] order = z.argSort(1, false).get(":, :" + topK).toType(ai.djl.ndarray.types.DataType.INT64, false).toLongArray();
          for (int i = 0; i < b.size(); i++) {
            int y = b.labels()[i];
            int pred = (int) order[i * topK];
            confusion[y][pred]++;
            if (pred == y) {
              top1++;
            }
            for (int j = 0; j < topK; j++) {
              if (order[i * topK + j] == y) {
                top5++;
                break;
              }
            }
          }
          n += b.size();
        }
      }
    }
    if (n == 0) {
      throw new IOException(source.describe() + ": no records to evaluate");
    }
    return new EvalResult(lossSum / n, (double) top1 / n, (double) top5 / n, confusion, source.classes());
  }
}
