package io.augmill.ops.color;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.augmill.ops.ImageInfo;
import io.augmill.ops.Params;
import io.augmill.ops.Transform;
import io.augmill.ops.spec.OpSpec;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.opencv.core.Mat;

/**
 * {@code pca_lighting(alphastd=0.1, eigval, eigvec)}: AlexNet lighting noise with each coefficient
 * drawn from N(0, alphastd), independently per image (Krizhevsky et al. 2012; fb.resnet.torch
 * {@code Lighting}). Replays as {@link PcaLighting} with the drawn coefficients.
 */
public final class RandomPcaLighting implements Transform<RandomPcaLighting.Draw> {

  /** @param alpha the three drawn coefficients */
  public record Draw(double[] alpha) implements Params {
    /** Copies the coefficients. */
    public Draw {
      alpha = alpha.clone();
    }

    @Override
    public double[] alpha() {
      return alpha.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Draw d && Arrays.equals(alpha, d.alpha);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(alpha);
    }

    @Override
    public String toString() {
      return "Draw[alpha=" + Arrays.toString(alpha) + "]";
    }
  }

  /** Largest accepted {@code alphastd}; 0.1 is the usual setting. */
  public static final double MAX_ALPHASTD = 10;

  private final double alphastd;
  private final double[] eigval;
  private final double[][] eigvec;

  /**
   * @param alphastd standard deviation of each coefficient, in [0, {@value #MAX_ALPHASTD}]
   * @param eigval eigenvalues on the 0-1 scale
   * @param eigvec eigenvectors as columns, rows R, G, B
   */
  public RandomPcaLighting(double alphastd, double[] eigval, double[][] eigvec) {
    if (!(alphastd >= 0 && alphastd <= MAX_ALPHASTD)) {
      throw new IllegalArgumentException("pca_lighting: parameter 'alphastd' must be a number in [0, "
          + (int) MAX_ALPHASTD + "], got " + alphastd);
    }
    Lighting.delta(new double[3], eigval, eigvec);
    this.alphastd = alphastd;
    this.eigval = eigval.clone();
    this.eigvec = Arrays.stream(eigvec).map(double[]::clone).toArray(double[][]::new);
  }

  @Override
  public String name() {
    return "pca_lighting";
  }

  @Override
  public ObjectNode args() {
    ObjectNode args = PcaLighting.spec(new double[3], eigval, eigvec).args();
    args.remove("alpha");
    ObjectNode out = args.objectNode();
    out.put("alphastd", alphastd);
    out.setAll(args);
    return out;
  }

  @Override
  public Draw sample(RandomGenerator rng, ImageInfo info) {
    double[] alpha = new double[3];
    for (int j = 0; j < 3; j++) {
      alpha[j] = rng.nextGaussian() * alphastd;
    }
    return new Draw(alpha);
  }

  @Override
  public Mat apply(Mat image, Draw params) {
    return Lighting.add(image, Lighting.delta(params.alpha(), eigval, eigvec));
  }

  @Override
  public List<OpSpec> replay(Draw params) {
    return List.of(PcaLighting.spec(params.alpha(), eigval, eigvec));
  }
}
