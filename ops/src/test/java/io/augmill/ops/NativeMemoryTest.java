package io.augmill.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.testing.TestImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;

/**
 * Runs every op-matrix case thousands of times on a 224x224 image and bounds the growth of the
 * process's resident memory. A single leaked output Mat per call would add ~150 kB x the call count
 * (hundreds of MB), far above the bound; the JVM heap is capped by surefire's defaults, so growth
 * beyond it is native (the build runs this test in its own JVM with a fixed, pre-touched heap).
 */
class NativeMemoryTest {

  private static final int ROUNDS = 300;
  private static final long MAX_GROWTH_KB = 64 * 1024;

  @Test
  void repeatedApplicationDoesNotLeakNativeMemory() throws IOException {
    List<Transform<?>> transforms = new ArrayList<>();
    for (List<JsonNode> cases : OpMatrixTest.matrix().values()) {
      for (JsonNode c : cases) {
        transforms.add(OpRegistry.builtin().json().read(c));
      }
    }
    Mat input = TestImages.chart(224, 224);
    SplittableRandom rng = new SplittableRandom(5);
    runAll(transforms, input, rng, 50);
    System.gc();
    long before = rssKb();
    long calls = runAll(transforms, input, rng, ROUNDS);
    System.gc();
    long growth = rssKb() - before;
    assertThat(calls).isGreaterThanOrEqualTo(3000);
    assertThat(growth).as("RSS growth in kB over %d calls", calls).isLessThan(MAX_GROWTH_KB);
    input.release();
  }

  private static long runAll(List<Transform<?>> transforms, Mat input, SplittableRandom rng, int rounds) {
    long calls = 0;
    for (int r = 0; r < rounds; r++) {
      for (Transform<?> t : transforms) {
        Mat out = Transform.applyAny(t, input, t.sample(rng, ImageInfo.of(input)));
        out.release();
        calls++;
      }
    }
    return calls;
  }

  private static long rssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    throw new IllegalStateException("no VmRSS in /proc/self/status: this test needs Linux");
  }
}
