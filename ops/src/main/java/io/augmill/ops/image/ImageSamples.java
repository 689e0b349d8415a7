package io.augmill.ops.image;

import java.io.IOException;
import java.util.List;
import org.opencv.core.Mat;

/**
 * Where commands such as {@code augmill preview} get example images from: a plain image file, or a
 * dataset source ({@code cifar10:DIR}, {@code synthetic:shapes}, ...) contributed by another module.
 * Implementations are found with {@link java.util.ServiceLoader}.
 */
public interface ImageSamples {

  /**
   * One example image.
   *
   * @param key a stable name (file name or record key)
   * @param label the class name, or empty when unknown
   * @param image 8-bit grey or RGB, owned by the caller
   */
  record Sample(String key, String label, Mat image) {}

  /** Whether this provider understands {@code source}. */
  boolean accepts(String source);

  /**
   * Up to {@code count} images from {@code source}, chosen reproducibly from {@code seed}.
   *
   * @throws IOException naming the source when it cannot be read
   */
  List<Sample> take(String source, int count, long seed) throws IOException;
}
