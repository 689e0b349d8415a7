package io.augmill.datasets.source;

import io.augmill.ops.policy.Seeds;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * {@code synthetic:shapes}: a generated, learnable 10-class dataset. Each image shows one shape
 * (circle, triangle, square, pentagon, hexagon, star, cross, ring, crescent, ellipse) of random colour,
 * size (36-80% of the image), position and rotation, shaded and anti-aliased, on a textured
 * background (stripes, checks, blobs or a gradient in two random colours) with pixel noise. Position,
 * rotation, scale and colour vary while the default training set is small, so the set is designed to
 * reward geometric and colour augmentation.
 *
 * <p>Record {@code i} of a split is drawn from a generator seeded with {@code (seed, key)} where the key
 * is {@code synthetic/<split>/NNNNNN}, so the train and test splits are independent draws, any record
 * can be generated on its own (splittable anywhere), and output does not depend on the reader. Labels
 * cycle through the classes ({@code i mod 10}), so every class is equally common.
 */
public final class SyntheticShapes implements DataSource {

  private static final long serialVersionUID = 1L;

  /** Class names, by label. */
  public static final List<String> CLASSES = List.of("circle", "triangle", "square", "pentagon", "hexagon", "star",
      "cross", "ring", "crescent", "ellipse");

  /** Default record count of the train split. */
  public static final int DEFAULT_TRAIN_COUNT = 10_000;
  /** Default record count of the test split. */
  public static final int DEFAULT_TEST_COUNT = 2_000;
  /** Default image side in pixels. */
  public static final int DEFAULT_SIZE = 32;

  private static final int SUPERSAMPLE = 4;
  private static final double[][] STAR = star();

  private final String description;
  private final String split;
  private final int count;
  private final int size;
  private final long seed;

  /**
   * @param count records in the split, 1 to 10 000 000
   * @param size image side in pixels, 8 to 1024
   * @param seed generator seed
   */
  public SyntheticShapes(String description, String split, int count, int size, long seed) {
    if (count < 1 || count > 10_000_000) {
      throw new IllegalArgumentException("synthetic:shapes count must be in [1, 10000000], got " + count);
    }
    if (size < 8 || size > 1024) {
      throw new IllegalArgumentException("synthetic:shapes size must be in [8, 1024], got " + size);
    }
    this.description = description;
    this.split = split;
    this.count = count;
    this.size = size;
    this.seed = seed;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public String split() {
    return split;
  }

  @Override
  public List<String> classes() {
    return CLASSES;
  }

  @Override
  public long count() {
    return count;
  }

  @Override
  public List<SourceSplit> splits(int desired) {
    return DataSource.ranges("", count, DataSource.requirePositive(desired), 0);
  }

  @Override
  public RecordIterator read(SourceSplit split) {
    if (split.end() > count) {
      throw new IllegalArgumentException("split " + split + " does not belong to " + description);
    }
    return new RecordIterator() {
      long index = split.first();

      @Override
      public boolean hasNext() {
        return index < split.end();
      }

      @Override
      public SourceRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        long i = index++;
        String key = "synthetic/" + SyntheticShapes.this.split + "/" + String.format(Locale.ROOT, "%06d", i);
        int label = (int) (i % CLASSES.size());
        byte[] px = render(Seeds.forImage(seed, key, 0), label, size);
        return SourceRecord.pixels(key, label, -1, "synthetic#" + i, px, size, size, 3);
      }

      @Override
      public void close() {}
    };
  }

  /**
   * Draws one image of class {@code label} as HWC RGB bytes.
   *
   * @param rng the image's generator (consumed)
   * @param label 0-9, an index into {@link #CLASSES}
   * @param size side in pixels
   */
  public static byte[] render(SplittableRandom rng, int label, int size) {
    double[] bg = background(rng, size);
    double[] bgMean = mean(bg);
    double[] colour = randomColour(rng);
    for (int tries = 0; tries < 20 && distance(colour, bgMean) < 110; tries++) {
      colour = randomColour(rng);
    }
    double radius = size * (0.18 + 0.22 * rng.nextDouble());
    double margin = radius * 0.7;
    double cx = margin + rng.nextDouble() * Math.max(0, size - 2 * margin);
    double cy = margin + rng.nextDouble() * Math.max(0, size - 2 * margin);
    double theta = rng.nextDouble() * 2 * Math.PI;
    double cos = Math.cos(theta);
    double sin = Math.sin(theta);
    double shadeAngle = rng.nextDouble() * 2 * Math.PI;
    double shadeX = Math.cos(shadeAngle) * 0.25 / radius;
    double shadeY = Math.sin(shadeAngle) * 0.25 / radius;
    double noise = 4 + 10 * rng.nextDouble();
    byte[] out = new byte[size * size * 3];
    double step = 1.0 / SUPERSAMPLE;
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        int covered = 0;
        for (int sy = 0; sy < SUPERSAMPLE; sy++) {
          for (int sx = 0; sx < SUPERSAMPLE; sx++) {
            double px = x + (sx + 0.5) * step - cx;
            double py = y + (sy + 0.5) * step - cy;
            double u = (px * cos + py * sin) / radius;
            double v = (-px * sin + py * cos) / radius;
            if (inside(label, u, v)) {
              covered++;
            }
          }
        }
        double alpha = covered / (double) (SUPERSAMPLE * SUPERSAMPLE);
        double shade = 1 + (x - cx) * shadeX + (y - cy) * shadeY;
        int i = (y * size + x) * 3;
        for (int c = 0; c < 3; c++) {
          double v = bg[i + c] * (1 - alpha) + colour[c] * shade * alpha + rng.nextGaussian() * noise;
          out[i + c] = (byte) Math.max(0, Math.min(255, (int) Math.round(v)));
        }
      }
    }
    return out;
  }

  /** Whether shape-frame point (u, v), in units of the shape's radius, lies inside shape {@code label}. */
  static boolean inside(int label, double u, double v) {
    double r2 = u * u + v * v;
    return switch (label) {
      case 0 -> r2 <= 1;
      case 1 -> regular(3, u, v);
      case 2 -> regular(4, u, v);
      case 3 -> regular(5, u, v);
      case 4 -> regular(6, u, v);
      case 5 -> inPolygon(STAR, u, v);
      case 6 -> (Math.abs(u) <= 0.3 && Math.abs(v) <= 1) || (Math.abs(v) <= 0.3 && Math.abs(u) <= 1);
      case 7 -> r2 <= 1 && r2 >= 0.55 * 0.55;
      case 8 -> r2 <= 1 && (u - 0.45) * (u - 0.45) + v * v > 0.8 * 0.8;
      case 9 -> u * u + (v / 0.5) * (v / 0.5) <= 1;
      default -> throw new IllegalArgumentException("label must be in [0, 9], got " + label);
    };
  }

  /** Inside a regular n-gon of circumradius 1 with a vertex on the positive u axis. */
  private static boolean regular(int n, double u, double v) {
    double sector = 2 * Math.PI / n;
    double phi = Math.atan2(v, u);
    double local = phi - Math.floor(phi / sector) * sector - sector / 2;
    return Math.sqrt(u * u + v * v) * Math.cos(local) <= Math.cos(Math.PI / n);
  }

  private static boolean inPolygon(double[][] poly, double u, double v) {
    boolean in = false;
    for (int i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      double ui = poly[i][0];
      double vi = poly[i][1];
      double uj = poly[j][0];
      double vj = poly[j][1];
      if ((vi > v) != (vj > v) && u < (uj - ui) * (v - vi) / (vj - vi) + ui) {
        in = !in;
      }
    }
    return in;
  }

  private static double[][] star() {
    double[][] p = new double[10][];
    for (int i = 0; i < 10; i++) {
      double r = i % 2 == 0 ? 1 : 0.45;
      double a = Math.PI / 2 + i * Math.PI / 5;
      p[i] = new double[] {r * Math.cos(a), r * Math.sin(a)};
    }
    return p;
  }

  private static double[] background(SplittableRandom rng, int size) {
    double[] c1 = randomColour(rng);
    double[] c2 = randomColour(rng);
    int kind = rng.nextInt(4);
    double angle = rng.nextDouble() * Math.PI;
    double ca = Math.cos(angle);
    double sa = Math.sin(angle);
    double freq = 1.5 + 4 * rng.nextDouble();
    double phase = rng.nextDouble() * 2 * Math.PI;
    double cell = size / (2.0 + rng.nextInt(5));
    double[] grid = new double[25];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = rng.nextDouble();
    }
    double[] out = new double[size * size * 3];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double a = (x * ca + y * sa) / size;
        double b = (-x * sa + y * ca) / size;
        double t = switch (kind) {
          case 0 -> 0.5 + 0.5 * Math.sin(2 * Math.PI * freq * a + phase);
          case 1 -> ((long) Math.floor(a * size / cell) + (long) Math.floor(b * size / cell)) % 2 == 0 ? 0.2 : 0.8;
          case 2 -> bilinear(grid, 5, x * 4.0 / (size - 1), y * 4.0 / (size - 1));
          default -> Math.min(1, Math.max(0, a + 0.5 * (1 - ca - sa)));
        };
        int i = (y * size + x) * 3;
        for (int c = 0; c < 3; c++) {
          out[i + c] = c1[c] * (1 - t) + c2[c] * t;
        }
      }
    }
    return out;
  }

  private static double bilinear(double[] grid, int n, double gx, double gy) {
    int x0 = Math.min(n - 2, (int) gx);
    int y0 = Math.min(n - 2, (int) gy);
    double fx = gx - x0;
    double fy = gy - y0;
    double top = grid[y0 * n + x0] * (1 - fx) + grid[y0 * n + x0 + 1] * fx;
    double bottom = grid[(y0 + 1) * n + x0] * (1 - fx) + grid[(y0 + 1) * n + x0 + 1] * fx;
    return top * (1 - fy) + bottom * fy;
  }

  private static double[] randomColour(SplittableRandom rng) {
    return new double[] {rng.nextInt(256), rng.nextInt(256), rng.nextInt(256)};
  }

  private static double[] mean(double[] px) {
    double[] m = new double[3];
    for (int i = 0; i < px.length; i++) {
      m[i % 3] += px[i];
    }
    int n = px.length / 3;
    return new double[] {m[0] / n, m[1] / n, m[2] / n};
  }

  private static double distance(double[] a, double[] b) {
    double d0 = a[0] - b[0];
    double d1 = a[1] - b[1];
    double d2 = a[2] - b[2];
    return Math.sqrt(d0 * d0 + d1 * d1 + d2 * d2);
  }
}
