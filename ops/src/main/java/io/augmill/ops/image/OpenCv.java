package io.augmill.ops.image;

/**
 * Loads OpenCV's native library once per class loader. The openpnp loader copies the library into
 * {@code java.io.tmpdir} on each load, so it must not run per image or per bundle.
 */
public final class OpenCv {

  private static volatile boolean loaded;

  private OpenCv() {}

  /** Loads the natives if this class loader has not yet; cheap after the first call. */
  public static void load() {
    if (!loaded) {
      synchronized (OpenCv.class) {
        if (!loaded) {
          nu.pattern.OpenCV.loadLocally();
          loaded = true;
        }
      }
    }
  }
}
