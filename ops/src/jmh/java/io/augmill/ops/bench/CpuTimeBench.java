package io.augmill.ops.bench;

import io.augmill.ops.ImageInfo;
import io.augmill.ops.Transform;
import io.augmill.ops.image.OpenCv;
import io.augmill.ops.policy.Policies;
import io.augmill.ops.policy.Policy;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.OpSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.SplittableRandom;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * CPU time per call of the calling thread (not wall time), for machines shared with other work where
 * wall-clock figures swing: the same path as {@link OpBenchmark} (sample + apply, or a policy draw),
 * best of 5 timed batches after 2 warm-up batches. Prints {@code spec<TAB>size<TAB>microseconds}.
 * GC and JIT threads are not counted, which flatters the JVM slightly.
 *
 * <p>Usage: {@code java -cp ops/target/benchmarks.jar io.augmill.ops.bench.CpuTimeBench SIZE SPEC...}
 * with specs written as for {@link OpBenchmark} ({@code ;} for {@code ,}, or {@code policy:NAME}).
 */
public final class CpuTimeBench {

  private CpuTimeBench() {}

  /** Runs each spec on a SIZE x SIZE noise image. */
  public static void main(String[] args) {
    OpenCv.load();
    Core.setNumThreads(1);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int size = Integer.parseInt(args[0]);
    Mat image = new Mat(size, size, CvType.CV_8UC3);
    Core.setRNGSeed(1);
    Core.randu(image, 0, 256);
    // About 0.3 s of work per batch for a 1 µs/kilopixel op, at least 20 calls.
    int calls = (int) Math.max(20, Math.min(20000, 300000.0 * 1024 / (size * size)));
    for (int k = 1; k < args.length; k++) {
      String spec = args[k];
      Policy policy = spec.startsWith("policy:") ? Policies.builtin().resolve(spec.substring("policy:".length())) : null;
      Transform<?> transform = policy == null ? OpRegistry.builtin().create(OpSpec.parse(spec.replace(';', ','))) : null;
      SplittableRandom rng = new SplittableRandom(1);
      int variant = 0;
      double best = Double.MAX_VALUE;
      for (int batch = 0; batch < 7; batch++) {
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < calls; i++) {
          Mat out = policy != null
              ? policy.augment(image, 1, "bench", variant++ & 0xffff).image()
              : Transform.applyAny(transform, image, transform.sample(rng, ImageInfo.of(image)));
          out.release();
        }
        double micros = (threads.getCurrentThreadCpuTime() - start) / 1e3 / calls;
        if (batch >= 2) {
          best = Math.min(best, micros);
        }
      }
      System.out.printf("%s\t%d\t%.3f%n", spec, size, best);
    }
    image.release();
  }
}
