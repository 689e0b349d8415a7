package io.augmill.training.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.augmill.ops.image.ImageCodec;
import io.augmill.training.data.DecodedImage;
import io.augmill.training.data.ImageShape;
import io.augmill.training.data.Pixels;
import io.augmill.training.run.Classifier;
import io.augmill.training.run.DjlEnvironment;
import io.augmill.training.run.ModelInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code augmill predict}: the top-k classes of image files. Images are converted to the model's
 * channel count and resized to its input size when they differ (area interpolation when shrinking,
 * bilinear when enlarging), then normalised with the model's statistics.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Print the top-k classes with probabilities for each image file (one line per image, tab-separated).")
final class PredictCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "RUN", description = "Run directory (or its model/ folder).")
  Path model;

  @Option(names = "--top-k", paramLabel = "K", defaultValue = "5", description = "Classes per image. Default: ${DEFAULT-VALUE}.")
  int topK;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "libtorch threads (0 = default).")
  int threads;

  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Image files (PNG, JPEG, BMP).")
  List<Path> images;

  @Override
  public Integer call() throws Exception {
    if (topK < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--top-k must be >= 1, got " + topK);
    }
    for (Path p : images) {
      if (!Files.isRegularFile(p)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "IMAGE " + p + ": no such file");
      }
    }
    DjlEnvironment.configure(threads);
    Classifier classifier;
    try {
      classifier = Classifier.load(model, Device.cpu());
    } catch (IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--model " + e.getMessage());
    }
    try (classifier) {
      ModelInfo info = classifier.info();
      int k = Math.min(topK, info.classes().size());
      for (Path p : images) {
        DecodedImage im = load(p, info.shape());
        try (NDManager m = classifier.model().getNDManager().newSubManager()) {
          NDArray x = m.create(Pixels.toNormalisedChw(im, info.normalization()),
              new Shape(1, im.channels(), im.height(), im.width()));
          float[] probs = classifier.logits(x).softmax(1).toFloatArray();
          Integer[] order = new Integer[probs.length];
          for (int i = 0; i < order.length; i++) {
            order[i] = i;
          }
          java.util.Arrays.sort(order, (a, b) -> Float.compare(probs[b], probs[a]));
          StringBuilder sb = new StringBuilder(p.toString());
          for (int i = 0; i < k; i++) {
            sb.append(String.format(Locale.ROOT, "\t%s %.4f", info.classes().get(order[i]), probs[order[i]]));
          }
          System.out.println(sb);
        }
      }
    }
    return 0;
  }

  private static DecodedImage load(Path file, ImageShape shape) throws IOException {
    Mat mat = ImageCodec.read(file);
    try {
      if (mat.channels() != shape.channels()) {
        Mat converted = new Mat();
        Imgproc.cvtColor(mat, converted, shape.channels() == 1 ? Imgproc.COLOR_RGB2GRAY : Imgproc.COLOR_GRAY2RGB);
        mat.release();
        mat = converted;
      }
      if (mat.rows() != shape.height() || mat.cols() != shape.width()) {
        boolean shrink = mat.rows() > shape.height() || mat.cols() > shape.width();
        Mat resized = new Mat();
        Imgproc.resize(mat, resized, new Size(shape.width(), shape.height()), 0, 0,
            shrink ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
        mat.release();
        mat = resized;
      }
      return Pixels.fromMat(mat, file.toString(), 0);
    } finally {
      mat.release();
    }
  }
}
