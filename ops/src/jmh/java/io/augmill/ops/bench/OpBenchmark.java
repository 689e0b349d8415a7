package io.augmill.ops.bench;

import io.augmill.ops.ImageInfo;
import io.augmill.ops.Params;
import io.augmill.ops.Transform;
import io.augmill.ops.image.OpenCv;
import io.augmill.ops.policy.Policies;
import io.augmill.ops.policy.Policy;
import io.augmill.ops.spec.OpRegistry;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per image of one op (fixed parameters, or a random form sampling each call) or one policy draw,
 * single-threaded, on a {@code size x size} RGB image of uniform noise, as on the Python
 * side of {@code ops/bench/compare.py}. OpenCV's own threading is switched off so that the figure is
 * per core. {@code spec} is an op spec with {@code ;} in place of {@code ,} (JMH splits parameter lists on
 * commas), or {@code policy:NAME}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@Threads(1)
public class OpBenchmark {

  @Param({"hflip"})
  public String spec;

  @Param({"32", "224"})
  public int size;

  private Mat image;
  private Transform<?> transform;
  private Policy policy;
  private SplittableRandom rng;
  private long counter;

  /** Builds the input and the transform once per trial. */
  @Setup(Level.Trial)
  public void setUp() {
    OpenCv.load();
    Core.setNumThreads(1);
    image = new Mat(size, size, CvType.CV_8UC3);
    Core.setRNGSeed(1);
    Core.randu(image, 0, 256);
    if (spec.startsWith("policy:")) {
      policy = Policies.builtin().resolve(spec.substring("policy:".length()));
    } else {
      transform = OpRegistry.builtin().create(io.augmill.ops.spec.OpSpec.parse(spec.replace(';', ',')));
    }
    rng = new SplittableRandom(1);
  }

  /** One op or policy draw on one image. */
  @Benchmark
  public Mat apply() {
    Mat out;
    if (policy != null) {
      out = policy.augment(image, 1, "bench", (int) (counter++ & 0xffff)).image();
    } else {
      Params p = transform.sample(rng, ImageInfo.of(image));
      out = Transform.applyAny(transform, image, p);
    }
    out.release();
    return out;
  }

  /** Releases the input. */
  @TearDown(Level.Trial)
  public void tearDown() {
    image.release();
  }
}
