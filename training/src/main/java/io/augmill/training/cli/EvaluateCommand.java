package io.augmill.training.cli;

import ai.djl.Device;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.training.data.ImageSource;
import io.augmill.training.data.ShardSource;
import io.augmill.training.run.Classifier;
import io.augmill.training.run.DjlEnvironment;
import io.augmill.training.run.EvalResult;
import io.augmill.training.run.Evaluation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code augmill evaluate}: top-1/top-5, per-class accuracy and confusion matrix of a run's model. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Evaluate RUN/model on a shard set: top-1, top-5, per-class accuracy, confusion matrix.")
final class EvaluateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "RUN", description = "Run directory (or its model/ folder).")
  Path model;

  @Option(names = "--data", required = true, paramLabel = "DIR", description = "Shard set to evaluate on.")
  Path data;

  @Option(names = "--batch-size", paramLabel = "B", defaultValue = "256", description = "Images per forward pass. Default: ${DEFAULT-VALUE}.")
  int batchSize;

  @Option(names = "--threads", paramLabel = "N", defaultValue = "0", description = "libtorch threads (0 = default).")
  int threads;

  @Option(names = "--loader-threads", paramLabel = "N", defaultValue = "2", description = "Decoder threads. Default: ${DEFAULT-VALUE}.")
  int loaderThreads;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "text", description = "text|json. Default: ${DEFAULT-VALUE}.")
  String format;

  @Override
  public Integer call() throws Exception {
    if (!format.equals("text") && !format.equals("json")) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--format must be text or json, got '" + format + "'");
    }
    if (batchSize < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--batch-size must be >= 1, got " + batchSize);
    }
    DjlEnvironment.configure(threads);
    Classifier classifier;
    try {
      classifier = Classifier.load(model, Device.cpu());
    } catch (IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--model " + e.getMessage());
    }
    try (classifier; ImageSource source = openData()) {
      if (!source.classes().equals(classifier.info().classes())) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--data " + data + " has classes " + source.classes()
            + " but the model was trained on " + classifier.info().classes());
      }
      EvalResult r = Evaluation.run(classifier::logits, classifier.model().getNDManager(), source, classifier.info().shape(),
          classifier.info().normalization(), batchSize, loaderThreads);
      System.out.print(format.equals("json") ? json(r) : text(r));
    }
    return 0;
  }

  private ImageSource openData() {
    try {
      return ShardSource.open(data);
    } catch (IOException | IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--data " + data + ": " + e.getMessage());
    }
  }

  static String text(EvalResult r) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "images %d%ntop-1 %.2f%%%ntop-5 %.2f%%%nloss %.4f%n%nper-class accuracy:%n",
        r.count(), 100 * r.top1(), 100 * r.top5(), r.loss()));
    double[] per = r.perClass();
    int width = r.classes().stream().mapToInt(String::length).max().orElse(5);
    for (int i = 0; i < per.length; i++) {
      sb.append(String.format(Locale.ROOT, "  %-" + width + "s  %6.2f%%%n", r.classes().get(i), 100 * per[i]));
    }
    sb.append("\nconfusion matrix (rows: true class, columns: predicted, in class order):\n");
    long[][] m = r.confusion();
    for (int i = 0; i < m.length; i++) {
      sb.append(String.format(Locale.ROOT, "  %-" + width + "s", r.classes().get(i)));
      for (long v : m[i]) {
        sb.append(String.format(Locale.ROOT, " %6d", v));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  static String json(EvalResult r) throws IOException {
    ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = om.createObjectNode();
    root.put("images", r.count());
    root.put("top1", r.top1());
    root.put("top5", r.top5());
    root.put("loss", r.loss());
    ArrayNode classes = root.putArray("classes");
    r.classes().forEach(classes::add);
    ArrayNode per = root.putArray("per_class_accuracy");
    for (double v : r.perClass()) {
      per.add(v);
    }
    ArrayNode cm = root.putArray("confusion");
    for (long[] row : r.confusion()) {
      ArrayNode a = cm.addArray();
      for (long v : row) {
        a.add(v);
      }
    }
    return om.writeValueAsString(root) + "\n";
  }
}
