package io.augmill.training.optim;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import io.augmill.training.schedule.LrSchedule;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Common machinery of the optimizers here. Before each optimisation step the training loop calls
 * {@link #setStep}; every parameter update of that step then uses {@code schedule.at(step)} and the
 * bias-correction count {@code t = step + 1}. The gradient each subclass sees is
 * {@code g = ∇ + λ₂·w + λ₁·sign(w)}, where the decay terms are dropped for biases and BatchNorm
 * γ/β when {@code noBiasDecay} is set (Goyal et al. 2017; Jia et al. 2018), and the λ₂ term is
 * left to the subclass when it decouples decay (AdamW).
 */
public abstract class ScheduledOptimizer extends Optimizer {

  private final LrSchedule schedule;
  private final double weightDecay;
  private final double l1;
  private final boolean noBiasDecay;
  private final Map<String, String> names = new HashMap<>();
  private final Map<String, Boolean> decayed = new HashMap<>();
  private final Map<String, Map<Device, NDArray[]>> states = new HashMap<>();
  private final Map<String, NDArray[]> pending = new HashMap<>();
  private long step;
  private double clip;

  /** Creates the optimizer from its settings. */
  protected ScheduledOptimizer(Settings settings) {
    super(new DjlBuilder());
    this.schedule = settings.schedule();
    this.weightDecay = settings.weightDecay();
    this.l1 = settings.l1();
    this.noBiasDecay = settings.noBiasDecay();
  }

  /** Shared settings of all optimizers here. */
  public record Settings(LrSchedule schedule, double weightDecay, double l1, boolean noBiasDecay) {
    /** Validates the penalties (finite, ≥ 0). */
    public Settings {
      if (schedule == null) {
        throw new IllegalArgumentException("an optimizer needs a learning-rate schedule");
      }
      if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
        throw new IllegalArgumentException("--weight-decay must be >= 0, got " + weightDecay);
      }
      if (!(l1 >= 0) || Double.isInfinite(l1)) {
        throw new IllegalArgumentException("--l1 must be >= 0, got " + l1);
      }
    }
  }

  /**
   * Tells the optimizer the model's parameters, so that state is saved by name and decay exclusions
   * are known. Call once after the model is initialised.
   */
  public void bind(PairList<String, Parameter> parameters) {
    for (Pair<String, Parameter> p : parameters) {
      Parameter.Type type = p.getValue().getType();
      names.put(p.getValue().getId(), p.getKey());
      boolean exempt = type == Parameter.Type.BIAS || type == Parameter.Type.GAMMA || type == Parameter.Type.BETA;
      decayed.put(p.getValue().getId(), !(noBiasDecay && exempt));
    }
  }

  /** Clips gradients element-wise to ±{@code c} before anything else (0 = off). */
  public void setClip(double c) {
    if (!(c >= 0) || Double.isInfinite(c)) {
      throw new IllegalArgumentException("--clip-grad must be >= 0, got " + c);
    }
    this.clip = c;
  }

  /** Sets the 0-based step the next updates belong to. */
  public void setStep(long step) {
    this.step = step;
  }

  /** The current 0-based step. */
  public long step() {
    return step;
  }

  /** The learning rate of the current step. */
  public double learningRate() {
    return schedule.at(step);
  }

  /** The schedule. */
  public LrSchedule schedule() {
    return schedule;
  }

  /** The L2 coefficient. */
  protected double weightDecay() {
    return weightDecay;
  }

  /** Whether decay applies to this parameter (false for biases/BN when {@code noBiasDecay}). */
  protected boolean decays(String parameterId) {
    return decayed.getOrDefault(parameterId, true);
  }

  /** Whether L2 decay is applied by the subclass to weights rather than added to the gradient. */
  protected boolean decoupledDecay() {
    return false;
  }

  /** Number of state arrays per parameter (e.g. 1 for momentum SGD, 2 for Adam). */
  protected abstract int stateSlots();

  /**
   * Applies one update in place.
   *
   * @param parameterId the parameter
   * @param weight the weight to update in place
   * @param grad the gradient with penalties already added
   * @param state this parameter's state arrays on the weight's device, updated in place
   * @param lr the learning rate of this step
   * @param t the 1-based update count (for bias correction)
   */
  protected abstract void apply(String parameterId, NDArray weight, NDArray grad, NDArray[] state, double lr, long t);

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray g = grad;
      if (clip > 0) {
        g = g.clip((float) -clip, (float) clip);
      }
      if (decays(parameterId)) {
        if (l1 > 0) {
          g = g.add(weight.sign().mul((float) l1));
        }
        if (weightDecay > 0 && !decoupledDecay()) {
          g = g.add(weight.mul((float) weightDecay));
        }
      }
      apply(parameterId, weight, g, state(parameterId, weight), learningRate(), step + 1);
    }
  }

  private NDArray[] state(String parameterId, NDArray weight) {
    Map<Device, NDArray[]> perDevice = states.computeIfAbsent(parameterId, k -> new HashMap<>());
    NDArray[] s = perDevice.get(weight.getDevice());
    if (s == null) {
      s = new NDArray[stateSlots()];
      NDArray[] restored = pending.get(names.get(parameterId));
      for (int i = 0; i < s.length; i++) {
        s[i] = restored != null ? restored[i].toDevice(weight.getDevice(), true) : weight.zerosLike();
        s[i].attach(weight.getManager());
        NDScope.unregister(s[i]);
      }
      perDevice.put(weight.getDevice(), s);
    }
    return s;
  }

  /**
   * Writes the step and every parameter's state (from its first device) keyed by parameter name.
   *
   * @throws IOException on write failure
   */
  public void save(DataOutputStream out) throws IOException {
    out.writeUTF("augmill-optimizer-1");
    out.writeUTF(getClass().getSimpleName());
    out.writeLong(step);
    Map<String, NDArray[]> byName = new TreeMap<>();
    for (Map.Entry<String, Map<Device, NDArray[]>> e : states.entrySet()) {
      String name = names.get(e.getKey());
      if (name != null && !e.getValue().isEmpty()) {
        byName.put(name, e.getValue().values().iterator().next());
      }
    }
    for (Map.Entry<String, NDArray[]> e : pending.entrySet()) {
      byName.putIfAbsent(e.getKey(), e.getValue());
    }
    out.writeInt(byName.size());
    for (Map.Entry<String, NDArray[]> e : byName.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeInt(e.getValue().length);
      for (NDArray a : e.getValue()) {
        byte[] bytes = a.encode();
        out.writeInt(bytes.length);
        out.write(bytes);
      }
    }
  }

  /**
   * Restores what {@link #save} wrote; state arrays move to each parameter's device when it is next
   * updated.
   *
   * @param in the stream
   * @param manager owns the restored arrays until they are used
   * @param source what to call the stream in errors
   * @throws IOException on read failure or when the state was written by another optimizer
   */
  public void load(DataInputStream in, NDManager manager, String source) throws IOException {
    if (!"augmill-optimizer-1".equals(in.readUTF())) {
      throw new IOException(source + ": not an optimizer state file");
    }
    String kind = in.readUTF();
    if (!kind.equals(getClass().getSimpleName())) {
      throw new IOException(source + ": optimizer state is for " + kind + ", this run uses " + getClass().getSimpleName());
    }
    step = in.readLong();
    int count = in.readInt();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = in.readUTF();
      NDArray[] arrays = new NDArray[in.readInt()];
      for (int k = 0; k < arrays.length; k++) {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        arrays[k] = NDArray.decode(manager, bytes);
      }
      if (!names.isEmpty() && !names.containsValue(name)) {
        unknown.add(name);
      }
      pending.put(name, arrays);
    }
    if (!unknown.isEmpty()) {
      throw new IOException(source + ": optimizer state for parameters the model lacks: " + unknown);
    }
  }

  /** The minimal DJL builder the base class needs; everything is configured through {@link Settings}. */
  private static final class DjlBuilder extends Optimizer.OptimizerBuilder<DjlBuilder> {
    @Override
    protected DjlBuilder self() {
      return this;
    }
  }
}
