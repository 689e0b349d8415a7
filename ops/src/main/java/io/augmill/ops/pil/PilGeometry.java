package io.augmill.ops.pil;

import io.augmill.ops.Border;
import io.augmill.ops.Fill;
import io.augmill.ops.Interpolation;
import io.augmill.ops.geometric.Geometric;
import io.augmill.ops.image.Images;
import org.opencv.core.Mat;

/**
 * Affine warps with the semantics of Pillow's {@code Image.transform(size, AFFINE, (a, b, c, d, e, f),
 * resample, fillcolor)}: output pixel {@code (x, y)} samples the input at
 * {@code (a (x+0.5) + b (y+0.5) + c, d (x+0.5) + e (y+0.5) + f)} in Pillow's coordinates (pixel
 * {@code i} covers {@code [i, i+1)}); samples outside the input take the fill. The resampler is the
 * one {@code rotate} uses ({@link Geometric#affine}): nearest-neighbour follows Pillow's fast paths (16.16
 * fixed point for general affines, a pretabulated scale for translations), bilinear and bicubic its
 * generic filters (edge pixels clamped, results truncated, bicubic Pillow's a = -1 convolution).
 * Static, RNG-free, never mutate the input; same size out as in.
 */
public final class PilGeometry {

  private PilGeometry() {}

  /**
   * Horizontal shear as the original AutoAugment code: {@code AFFINE (1, factor, 0, 0, 1, 0)}, so
   * output {@code (x, y)} comes from input {@code (x + factor * y, y)} about the top-left corner (for a
   * positive factor, lower rows move left). Identical to torchvision 0.14's AutoAugment {@code ShearX}
   * with magnitude {@code factor} ({@code F.affine(shear=[degrees(atan(factor)), 0], center=[0, 0])}).
   */
  public static Mat shearX(Mat src, double factor, Interpolation interp, Fill fill) {
    return affine(src, new double[] {1, factor, 0, 0, 1, 0}, interp, fill, "shear_x");
  }

  /** Vertical shear: {@code AFFINE (1, 0, 0, factor, 1, 0)}, output {@code (x, y)} from input {@code (x, y + factor * x)}. */
  public static Mat shearY(Mat src, double factor, Interpolation interp, Fill fill) {
    return affine(src, new double[] {1, 0, 0, factor, 1, 0}, interp, fill, "shear_y");
  }

  /** Moves the content {@code pixels} to the right (left when negative): {@code AFFINE (1, 0, -pixels, 0, 1, 0)}. */
  public static Mat translateX(Mat src, double pixels, Interpolation interp, Fill fill) {
    return affine(src, new double[] {1, 0, -pixels, 0, 1, 0}, interp, fill, "translate_x");
  }

  /** Moves the content {@code pixels} down (up when negative): {@code AFFINE (1, 0, 0, 0, 1, -pixels)}. */
  public static Mat translateY(Mat src, double pixels, Interpolation interp, Fill fill) {
    return affine(src, new double[] {1, 0, 0, 0, 1, -pixels}, interp, fill, "translate_y");
  }

  /**
   * The general warp: {@code a} holds Pillow's six AFFINE coefficients (output to input), the output
   * has the input's size, and samples outside the input take {@code fill}. The resampling is
   * {@link Geometric#affine}, a port of Pillow's arithmetic shared with {@code rotate}.
   */
  public static Mat affine(Mat src, double[] a, Interpolation interp, Fill fill, String op) {
    if (a.length != 6) {
      throw new IllegalArgumentException(op + ": an affine warp takes 6 coefficients, got " + a.length);
    }
    if (interp != Interpolation.NEAREST && interp != Interpolation.BILINEAR && interp != Interpolation.BICUBIC) {
      throw new IllegalArgumentException(op + ": parameter 'interp' must be nearest|bilinear|bicubic, got "
          + interp.specName());
    }
    Images.requireSupported(src, op);
    return Geometric.affine(src, a, src.cols(), src.rows(), interp, Border.CONSTANT, fill);
  }
}
