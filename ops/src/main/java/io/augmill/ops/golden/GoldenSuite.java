package io.augmill.ops.golden;

import com.fasterxml.jackson.databind.JsonNode;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Transform;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.image.Images;
import io.augmill.ops.policy.Policies;
import io.augmill.ops.policy.Policy;
import io.augmill.ops.policy.Seeds;
import io.augmill.ops.spec.OpRegistry;
import io.augmill.ops.spec.TransformJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * A golden suite directory: {@code suite.yaml} (a list of cases under {@code cases:}), {@code inputs/*.png},
 * and {@code expected/NAME.png}. Failures write {@code NAME-actual.png} and an 8x magnified
 * {@code NAME-diff.png} to the report directory.
 */
public final class GoldenSuite {

  /** Outcome of one case. */
  public record Result(GoldenCase goldenCase, boolean passed, String message) {}

  private final Path dir;
  private final List<GoldenCase> cases;
  private final OpRegistry registry;

  private GoldenSuite(Path dir, List<GoldenCase> cases, OpRegistry registry) {
    this.dir = dir;
    this.cases = List.copyOf(cases);
    this.registry = registry;
  }

  /**
   * Loads a suite.
   *
   * @throws IllegalArgumentException naming the file and case when the suite is malformed
   */
  public static GoldenSuite load(Path dir, OpRegistry registry) throws IOException {
    Path file = dir.resolve("suite.yaml");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(dir + ": not a golden suite (no suite.yaml)");
    }
    JsonNode root = TransformJson.YAML.readTree(file.toFile());
    JsonNode list = root == null ? null : root.get("cases");
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException(file + ": expected a 'cases:' list");
    }
    List<GoldenCase> cases = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode node : list) {
      GoldenCase c;
      try {
        c = GoldenCase.fromJson(node);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
      }
      if (!names.add(c.name())) {
        throw new IllegalArgumentException(file + ": golden case '" + c.name() + "' appears twice");
      }
      cases.add(c);
    }
    return new GoldenSuite(dir, cases, registry);
  }

  /** The cases, in file order. */
  public List<GoldenCase> cases() {
    return cases;
  }

  /** Computes a case's output (owned by the caller). */
  public Mat render(GoldenCase c) throws IOException {
    Mat input = ImageCodec.read(dir.resolve("inputs").resolve(c.input() + ".png"));
    try {
      if (c.policy() != null) {
        String policy = c.policy();
        Path local = dir.resolve(policy);
        Policy p = new Policies(registry).resolve(Files.isRegularFile(local) ? local.toString() : policy);
        return p.augment(input, c.seed(), c.name(), 0).image();
      }
      Transform<?> t = registry.json().read(c.spec());
      return Transform.applyAny(t, input, t.sample(Seeds.forImage(c.seed(), c.name(), 0), ImageInfo.of(input)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("golden case '" + c.name() + "' (" + c.what() + "): " + e.getMessage(), e);
    } finally {
      input.release();
    }
  }

  /** Compares every case with its stored output; failures write images to {@code reportDir}. */
  public List<Result> check(Path reportDir) throws IOException {
    List<Result> results = new ArrayList<>();
    for (GoldenCase c : cases) {
      results.add(check(c, reportDir));
    }
    return results;
  }

  /** Rewrites every stored output from the current code; returns the names written. */
  public List<String> update() throws IOException {
    List<String> written = new ArrayList<>();
    for (GoldenCase c : cases) {
      Mat out = render(c);
      ImageCodec.write(expectedFile(c), out);
      out.release();
      written.add(c.name());
    }
    return written;
  }

  private Result check(GoldenCase c, Path reportDir) throws IOException {
    Path expectedFile = expectedFile(c);
    if (!Files.isRegularFile(expectedFile)) {
      return new Result(c, false, c.name() + ": no stored output " + expectedFile + " (run 'augmill golden update')");
    }
    Mat actual = render(c);
    Mat expected = ImageCodec.read(expectedFile);
    try {
      if (actual.rows() != expected.rows() || actual.cols() != expected.cols() || actual.type() != expected.type()) {
        ImageCodec.write(reportDir.resolve(c.name() + "-actual.png"), actual);
        return new Result(c, false, String.format("%s (%s): output is %dx%dx%d, stored %dx%dx%d; actual written to %s",
            c.name(), c.what(), actual.cols(), actual.rows(), actual.channels(), expected.cols(), expected.rows(),
            expected.channels(), reportDir));
      }
      Mat diff = new Mat();
      Core.absdiff(actual, expected, diff);
      Mat flat = diff.reshape(1);
      int maxAbs = (int) Core.minMaxLoc(flat).maxVal;
      Mat over = new Mat();
      Core.compare(flat, new Scalar(c.maxAbs()), over, Core.CMP_GT);
      long overCount = Core.countNonZero(over);
      long total = flat.total();
      double psnr = Core.PSNR(actual, expected);
      Images.release(over);
      if (overCount <= c.maxFractionOver() * total) {
        diff.release();
        return new Result(c, true, String.format("%s: ok (max abs diff %d, PSNR %s)", c.name(), maxAbs, psnrText(psnr)));
      }
      Files.createDirectories(reportDir);
      ImageCodec.write(reportDir.resolve(c.name() + "-actual.png"), actual);
      Core.multiply(diff, new Scalar(8, 8, 8), diff);
      ImageCodec.write(reportDir.resolve(c.name() + "-diff.png"), diff);
      diff.release();
      return new Result(c, false, String.format(
          "%s (%s): max abs diff %d, PSNR %s, %d of %d values differ by more than %d (allowed %.3f%%); "
              + "actual and 8x diff written to %s",
          c.name(), c.what(), maxAbs, psnrText(psnr), overCount, total, c.maxAbs(), c.maxFractionOver() * 100, reportDir));
    } finally {
      Images.release(actual, expected);
    }
  }

  private Path expectedFile(GoldenCase c) {
    return dir.resolve("expected").resolve(c.name() + ".png");
  }

  private static String psnrText(double psnr) {
    return psnr >= 361 || Double.isInfinite(psnr) ? "inf" : String.format("%.2f dB", psnr);
  }
}
