package io.augmill.training;

import io.augmill.training.data.DecodedImage;
import io.augmill.training.data.InMemorySource;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A tiny learnable image set: the class says which quadrant is bright, plus noise. */
public final class TinyData {

  private TinyData() {}

  /** {@code n} images of {@code size}×{@code size}×{@code channels} over 4 classes. */
  public static InMemorySource source(int n, int size, int channels, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<DecodedImage> images = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int label = i % 4;
      byte[] p = new byte[size * size * channels];
      int half = size / 2;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          int q = (y < half ? 0 : 2) + (x < half ? 0 : 1);
          int base = q == label ? 170 : 60;
          for (int c = 0; c < channels; c++) {
            p[(y * size + x) * channels + c] = (byte) Math.max(0, Math.min(255, base + rng.nextInt(-50, 51)));
          }
        }
      }
      images.add(new DecodedImage("img-" + seed + "-" + i, label, size, size, channels, p));
    }
    return new InMemorySource(List.of("tl", "tr", "bl", "br"), images, null);
  }
}
