package io.augmill.ops.color;

import io.augmill.ops.FixedTransform;
import io.augmill.ops.spec.OpSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.opencv.core.Mat;

/**
 * {@code pca_lighting(alpha=[a1,a2,a3], eigval=[...], eigvec=[[...],[...],[...]])}: {@link Lighting}
 * with fixed coefficients. The eigen-pairs default to {@link Lighting#IMAGENET_EIGVAL} and
 * {@link Lighting#IMAGENET_EIGVEC} and are written in the spec only when they differ from those.
 */
public final class PcaLighting extends FixedTransform {

  private final double[] delta;

  /**
   * @param alpha the three coefficients, one per eigenvector
   * @param eigval eigenvalues on the 0-1 scale
   * @param eigvec eigenvectors as columns, rows R, G, B
   */
  public PcaLighting(double[] alpha, double[] eigval, double[][] eigvec) {
    super(spec(alpha, eigval, eigvec));
    this.delta = Lighting.delta(alpha, eigval, eigvec);
  }

  /** The spec of a fixed lighting op, omitting default eigen-pairs. */
  static OpSpec spec(double[] alpha, double[] eigval, double[][] eigvec) {
    List<Object> kv = new ArrayList<>(List.of("alpha", alpha.clone()));
    if (!Arrays.equals(eigval, Lighting.IMAGENET_EIGVAL)) {
      kv.addAll(List.of("eigval", eigval.clone()));
    }
    if (!Arrays.deepEquals(eigvec, Lighting.IMAGENET_EIGVEC)) {
      kv.addAll(List.of("eigvec", eigvec));
    }
    return OpSpec.of("pca_lighting", kv.toArray());
  }

  @Override
  protected Mat apply(Mat image) {
    return Lighting.add(image, delta);
  }
}
