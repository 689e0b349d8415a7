package io.augmill.ops.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.Transform;
import io.augmill.ops.compose.RandomApply;
import io.augmill.ops.image.OpenCv;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The named ops. Every op is created from {@code (name, args, p)}: a probability {@code p} below 1
 * wraps the op in {@link RandomApply}, so no op handles its own probability.
 */
public final class OpRegistry {

  /** Creates a transform from validated arguments. */
  @FunctionalInterface
  public interface Factory {
    /** Reads {@code args} (ending with {@link Args#done()}) and builds the transform. */
    Transform<?> create(Args args);
  }

  /**
   * A registered op.
   *
   * @param name the spec name
   * @param category catalogue group, e.g. {@code geometric}
   * @param summary one line for the op catalogue
   * @param defaultP probability applied when a spec gives no {@code p} (1 for fixed-parameter ops)
   * @param factory builds the transform
   */
  public record Entry(String name, String category, String summary, double defaultP, Factory factory) {}

  private static volatile OpRegistry builtin;

  private final Map<String, Entry> entries = new TreeMap<>();
  private final TransformJson json = new TransformJson(this);

  /** The ops of every {@link OpProvider} on the class path; built once. */
  public static OpRegistry builtin() {
    if (builtin == null) {
      synchronized (OpRegistry.class) {
        if (builtin == null) {
          OpenCv.load();
          OpRegistry registry = new OpRegistry();
          for (OpProvider provider : ServiceLoader.load(OpProvider.class, OpRegistry.class.getClassLoader())) {
            provider.register(registry);
          }
          builtin = registry;
        }
      }
    }
    return builtin;
  }

  /** Registers an op applied always unless a spec gives {@code p}. */
  public void register(String name, String category, String summary, Factory factory) {
    register(name, category, summary, 1.0, factory);
  }

  /** Registers an op applied with probability {@code defaultP} unless a spec gives {@code p}. */
  public void register(String name, String category, String summary, double defaultP, Factory factory) {
    OpSpec.of(name);
    if (entries.containsKey(name)) {
      throw new IllegalStateException("op '" + name + "' registered twice");
    }
    entries.put(name, new Entry(name, category, summary, defaultP, factory));
  }

  /** The registered ops by name, sorted. */
  public Map<String, Entry> entries() {
    return Collections.unmodifiableMap(entries);
  }

  /** Whether an op of that name exists. */
  public boolean contains(String name) {
    return entries.containsKey(name);
  }

  /** Creates the op a spec names; {@code p} among its args sets the probability. */
  public Transform<?> create(OpSpec spec) {
    ObjectNode args = spec.args();
    JsonNode p = args.remove("p");
    return create(spec.op(), args, p);
  }

  /**
   * Creates an op from its name, arguments and optional probability.
   *
   * @throws IllegalArgumentException for an unknown op or invalid arguments, naming them
   */
  public Transform<?> create(String name, ObjectNode args, JsonNode p) {
    Entry entry = entries.get(name);
    if (entry == null) {
      throw new IllegalArgumentException("unknown op '" + name + "' (see 'augmill policies --ops' for the list)");
    }
    double probability = entry.defaultP();
    if (p != null && !p.isNull()) {
      if (!p.isNumber() || !(p.asDouble() >= 0 && p.asDouble() <= 1)) {
        throw new IllegalArgumentException(name + ": parameter 'p' must be a probability in [0, 1], got " + p);
      }
      probability = p.asDouble();
    }
    Args reader = new Args(name, args, this);
    Transform<?> transform = entry.factory().create(reader);
    reader.done();
    // A transform written under a name whose default p is below 1 keeps an explicit p=1 wrapper, so
    // that writing it out records the p and reading it back does not fall back to that default.
    Entry written = entries.get(transform.name());
    boolean keepP = written != null && written.defaultP() < 1.0;
    return probability >= 1.0 && !keepP ? transform : new RandomApply(probability, transform);
  }

  /** Reading and writing transforms as JSON/YAML with this registry. */
  public TransformJson json() {
    return json;
  }
}
