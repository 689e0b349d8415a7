package io.augmill.ops.image;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the {@link ImageSamples} provider on the class path that accepts a source. */
public final class ImageSamplesFinder {

  private ImageSamplesFinder() {}

  /**
   * The first provider that accepts {@code source}.
   *
   * @throws IllegalArgumentException naming the source when none does
   */
  public static ImageSamples forSource(String source) {
    List<String> providers = new ArrayList<>();
    for (ImageSamples s : ServiceLoader.load(ImageSamples.class, ImageSamplesFinder.class.getClassLoader())) {
      if (s.accepts(source)) {
        return s;
      }
      providers.add(s.getClass().getSimpleName());
    }
    throw new IllegalArgumentException("'" + source + "' is neither an image file nor a source any reader accepts"
        + (providers.size() <= 1 ? " (dataset sources such as cifar10:DIR need the datasets module on the class path)" : ""));
  }
}
