package io.augmill.training.run;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;
import io.augmill.training.model.Architecture;
import io.augmill.training.model.Network;
import io.augmill.training.model.ResNets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A saved model loaded for inference (evaluation, prediction, or as a frozen distillation teacher):
 * the network is rebuilt from {@code model.json} and its parameters loaded; forward passes run in
 * inference mode (BatchNorm uses running statistics, dropout is off, no gradients).
 */
public final class Classifier implements AutoCloseable {

  private final ModelInfo info;
  private final Model model;
  private final ParameterStore store;

  private Classifier(ModelInfo info, Model model) {
    this.info = info;
    this.model = model;
    this.store = new ParameterStore(model.getNDManager(), false);
  }

  /**
   * Loads a model from a run directory or its {@code model/} folder.
   *
   * @param path {@code RUN} or {@code RUN/model}
   * @param device where to run
   * @throws IOException when files are missing or unreadable (the message names them)
   */
  public static Classifier load(Path path, Device device) throws IOException {
    Path dir = Files.isRegularFile(path.resolve(ModelInfo.FILE_NAME)) ? path : path.resolve("model");
    ModelInfo info = ModelInfo.read(dir.resolve(ModelInfo.FILE_NAME));
    Network net = ResNets.build(Architecture.parse(info.architecture()), info.classes().size(), info.dropout());
    Model model = Model.newInstance("augmill", device);
    model.setBlock(net.block());
    try {
      model.load(dir, info.parameters());
    } catch (MalformedModelException | IOException e) {
      model.close();
      throw new IOException(dir + ": cannot load parameters " + info.parameters() + "-*.params: " + e.getMessage(), e);
    }
    model.getBlock().freezeParameters(true);
    return new Classifier(info, model);
  }

  /** What was loaded. */
  public ModelInfo info() {
    return info;
  }

  /** The model (its manager owns the parameters). */
  public Model model() {
    return model;
  }

  /** Logits for NCHW normalised images, on the images' device. */
  public NDArray logits(NDArray images) {
    NDList out = model.getBlock().forward(store, new NDList(images), false);
    return out.singletonOrThrow();
  }

  @Override
  public void close() {
    model.close();
  }
}
