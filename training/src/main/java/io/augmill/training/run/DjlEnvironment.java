package io.augmill.training.run;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prepares DJL before its engine loads: offline mode (libtorch comes from the
 * {@code pytorch-native-cpu} jar on the class path, or a CUDA jar a user adds; nothing is downloaded),
 * a known cache directory for the extracted native libraries, the libtorch thread count, and glibc
 * allocator settings that keep freed tensor memory mapped ({@link NativeHeap}). Values the user already
 * set as system properties or environment variables win.
 */
public final class DjlEnvironment {

  private DjlEnvironment() {}

  /**
   * Sets the properties; call before the first DJL use in this JVM.
   *
   * @param threads libtorch intra-op threads, 0 for libtorch's default
   */
  public static void configure(int threads) {
    NativeHeap.keepFreedMemory();
    setIfAbsent("ai.djl.offline", "DJL_OFFLINE", "true");
    setIfAbsent("DJL_CACHE_DIR", "DJL_CACHE_DIR",
        Path.of(System.getProperty("user.home"), ".djl.ai").toString());
    if (threads > 0) {
      System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
      System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }
  }

  /** The PyTorch engine. */
  public static Engine engine() {
    return Engine.getEngine("PyTorch");
  }

  /**
   * Parses {@code --devices}: {@code cpu}, {@code gpu} (every visible GPU) or {@code gpu0,gpu1,...}.
   *
   * @throws IllegalArgumentException for an unknown name or a GPU libtorch cannot see
   */
  public static Device[] devices(String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    if (s.equals("cpu")) {
      return new Device[] {Device.cpu()};
    }
    int visible = engine().getGpuCount();
    if (s.equals("gpu")) {
      requireGpus(visible, 1, spec);
      Device[] all = new Device[visible];
      for (int i = 0; i < visible; i++) {
        all[i] = Device.gpu(i);
      }
      return all;
    }
    List<Device> out = new ArrayList<>();
    for (String part : s.split(",")) {
      String p = part.trim();
      if (!p.matches("gpu\\d+")) {
        throw new IllegalArgumentException("--devices must be cpu, gpu or gpu0,gpu1,..., got '" + spec + "'");
      }
      int id = Integer.parseInt(p.substring(3));
      requireGpus(visible, id + 1, spec);
      out.add(Device.gpu(id));
    }
    return out.toArray(new Device[0]);
  }

  private static void requireGpus(int visible, int needed, String spec) {
    if (visible < needed) {
      throw new IllegalArgumentException("--devices " + spec + ": libtorch sees " + visible
          + " GPU(s); the CPU build of libtorch is on the class path unless a CUDA build was added (see docs/training.md)");
    }
  }

  private static void setIfAbsent(String property, String env, String value) {
    if (System.getProperty(property) == null && System.getenv(env) == null) {
      System.setProperty(property, value);
    }
  }
}
