package io.augmill.ops.image;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.opencv.core.Core;

/**
 * Loads OpenCV's native library once per class loader.
 *
 * <p>The openpnp loader copies the 65 MB library out of its jar into a new temporary directory on every
 * load, about 0.3 s of every JVM's start-up. On Linux x86-64 the library is instead copied once into a
 * cache directory and loaded from there: {@code ${XDG_CACHE_HOME:-~/.cache}/augmill/natives}, or the
 * directory named by the system property {@value #CACHE_PROPERTY} ({@code none} turns the cache off). The
 * cached file's name carries the jar entry's size and CRC, so another OpenCV build never picks up a stale
 * copy. Whenever the cache cannot be used (not writable, another platform, or the library already loaded
 * from that path by another class loader in this JVM, as for a second job on a Flink TaskManager), the
 * openpnp loader runs as before.
 */
public final class OpenCv {

  /** System property naming the native-library cache directory, or {@code none}. */
  public static final String CACHE_PROPERTY = "augmill.native.cache";

  private static volatile boolean loaded;

  private OpenCv() {}

  /** Loads the natives if this class loader has not yet; cheap after the first call. */
  public static void load() {
    if (!loaded) {
      synchronized (OpenCv.class) {
        if (!loaded) {
          if (!loadFromCache()) {
            nu.pattern.OpenCV.loadLocally();
          }
          loaded = true;
        }
      }
    }
  }

  private static boolean loadFromCache() {
    Path dir = cacheDirectory();
    if (dir == null) {
      return false;
    }
    try {
      Path library = cachedLibrary(dir);
      if (library == null) {
        return false;
      }
      System.load(library.toString());
      return true;
    } catch (IOException | UnsatisfiedLinkError | SecurityException e) {
      return false;
    }
  }

  /** The cache directory from {@value #CACHE_PROPERTY}, XDG_CACHE_HOME or the home directory; null for none. */
  static Path cacheDirectory() {
    String configured = System.getProperty(CACHE_PROPERTY);
    if (configured != null) {
      return configured.isBlank() || configured.equals("none") ? null : Path.of(configured);
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank()) {
      return Path.of(xdg, "augmill", "natives");
    }
    String home = System.getProperty("user.home");
    return home == null || home.isBlank() ? null : Path.of(home, ".cache", "augmill", "natives");
  }

  /**
   * Copies the library out of the openpnp jar into {@code dir} unless a complete copy is there already, and
   * returns its path; null on platforms the openpnp jar has no such entry for.
   */
  static Path cachedLibrary(Path dir) throws IOException {
    String file = "lib" + Core.NATIVE_LIBRARY_NAME + ".so";
    if (!"linux".equals(System.getProperty("os.name", "").toLowerCase(Locale.ROOT)) || !isX8664()) {
      return null;
    }
    URL entry = nu.pattern.OpenCV.class.getResource("/nu/pattern/opencv/linux/x86_64/" + file);
    if (entry == null) {
      return null;
    }
    URLConnection connection = entry.openConnection();
    long size = connection.getContentLengthLong();
    String crc = connection instanceof JarURLConnection jar && jar.getJarEntry() != null
        ? Long.toHexString(jar.getJarEntry().getCrc()) : "nocrc";
    if (size <= 0) {
      return null;
    }
    Path target = dir.resolve(Core.NATIVE_LIBRARY_NAME + "-" + size + "-" + crc).resolve(file);
    if (Files.isRegularFile(target) && Files.size(target) == size) {
      return target;
    }
    Files.createDirectories(target.getParent());
    Path partial = Files.createTempFile(target.getParent(), file, ".part");
    try {
      try (InputStream in = connection.getInputStream()) {
        Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      }
      if (Files.size(partial) != size) {
        throw new IOException("short copy of " + entry);
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
    return target;
  }

  private static boolean isX8664() {
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    return arch.equals("amd64") || arch.equals("x86_64");
  }
}
