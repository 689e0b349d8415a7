package io.augmill.ops.geometric;

import io.augmill.ops.Border;
import io.augmill.ops.Fill;
import io.augmill.ops.Interpolation;
import io.augmill.ops.image.Images;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Geometric pixel functions: static, RNG-free, never mutate their input, return a new Mat.
 * Coordinates: {@code x} to the right and {@code y} down from the top-left pixel; angles in degrees,
 * counter-clockwise positive.
 */
public final class Geometric {

  private Geometric() {}

  /** Mirrors left-right (exact: column {@code x} becomes column {@code w-1-x}). */
  public static Mat hflip(Mat src) {
    Images.requireSupported(src, "hflip");
    Mat dst = new Mat();
    Core.flip(src, dst, 1);
    return dst;
  }

  /** Mirrors top-bottom (exact: row {@code y} becomes row {@code h-1-y}). */
  public static Mat vflip(Mat src) {
    Images.requireSupported(src, "vflip");
    Mat dst = new Mat();
    Core.flip(src, dst, 0);
    return dst;
  }

  /**
   * The {@code width x height} window whose top-left pixel is {@code (x, y)}, copied (exact, as numpy
   * slicing {@code a[y:y+height, x:x+width]}).
   *
   * @throws IllegalArgumentException if the window does not lie inside the image, naming both
   */
  public static Mat crop(Mat src, int x, int y, int width, int height) {
    Images.requireSupported(src, "crop");
    requireWindow("crop", src.cols(), src.rows(), x, y, width, height);
    return copyOf(src, new Rect(x, y, width, height));
  }

  /**
   * Adds {@code top}, {@code bottom}, {@code left} and {@code right} pixels around the image (exact, as
   * {@code numpy.pad} with mode {@code constant}, {@code reflect} or {@code edge}; pads wider than the
   * image keep reflecting).
   *
   * @param fill the constant for {@code border=constant}; ignored otherwise
   */
  public static Mat pad(Mat src, int top, int bottom, int left, int right, Border border, Fill fill) {
    Images.requireSupported(src, "pad");
    if (top < 0 || bottom < 0 || left < 0 || right < 0) {
      throw new IllegalArgumentException("pad: amounts must be >= 0, got top=" + top + ", bottom=" + bottom
          + ", left=" + left + ", right=" + right);
    }
    Mat dst = new Mat();
    Core.copyMakeBorder(src, dst, top, bottom, left, right, border.cvFlag(), fill.scalar(src.channels()));
    return dst;
  }

  /**
   * The centred {@code width x height} window, as torchvision 0.14 {@code CenterCrop}: the top-left
   * corner is {@code round((H - height) / 2)}, {@code round((W - width) / 2)} with Python's
   * round-half-to-even; a dimension smaller than the crop is first zero-padded by
   * {@code (crop - size) / 2} before and {@code (crop - size + 1) / 2} after (integer division).
   */
  public static Mat centerCrop(Mat src, int width, int height) {
    Images.requireSupported(src, "center_crop");
    requirePositive("center_crop", width, height);
    int w = src.cols();
    int h = src.rows();
    Mat padded = src;
    if (width > w || height > h) {
      int left = width > w ? (width - w) / 2 : 0;
      int top = height > h ? (height - h) / 2 : 0;
      int right = width > w ? (width - w + 1) / 2 : 0;
      int bottom = height > h ? (height - h + 1) / 2 : 0;
      padded = pad(src, top, bottom, left, right, Border.CONSTANT, Fill.BLACK);
      w = padded.cols();
      h = padded.rows();
    }
    int y = (int) Math.rint((h - height) / 2.0);
    int x = (int) Math.rint((w - width) / 2.0);
    Mat out = copyOf(padded, new Rect(x, y, width, height));
    if (padded != src) {
      padded.release();
    }
    return out;
  }

  /**
   * Resizes to {@code width x height} with OpenCV's {@code cv2.resize} (exact; no antialiasing, so
   * strong downscaling with bilinear or bicubic aliases; {@code area} averages pixel areas when
   * shrinking).
   */
  public static Mat resize(Mat src, int width, int height, Interpolation interp) {
    Images.requireSupported(src, "resize");
    requirePositive("resize", width, height);
    Mat dst = new Mat();
    Imgproc.resize(src, dst, new Size(width, height), 0, 0, interp.cvFlag());
    return dst;
  }

  /**
   * Rotates by {@code degrees} (counter-clockwise for positive angles) about the image centre
   * {@code ((w-1)/2, (h-1)/2)} in pixel indices, keeping the size: identical to PIL 9
   * {@code Image.rotate(degrees, resample, expand=False, fillcolor=fill)}, including its exact fast paths
   * for multiples of 90 degrees and its affine matrix (angle taken modulo 360, entries rounded to 15
   * decimals). Pixels whose source lies outside the image take {@code fill} with
   * {@code border=constant}; {@code replicate} and {@code reflect} instead continue the image.
   *
   * @param interp nearest, bilinear or bicubic (PIL's kernels; bicubic is PIL's a = -1 convolution)
   */
  public static Mat rotate(Mat src, double degrees, Interpolation interp, Border border, Fill fill) {
    Images.requireSupported(src, "rotate");
    if (!Double.isFinite(degrees)) {
      throw new IllegalArgumentException("rotate: degrees must be finite, got " + degrees);
    }
    int w = src.cols();
    int h = src.rows();
    double angle = pythonMod360(degrees);
    Mat dst = new Mat();
    if (angle == 0) {
      src.copyTo(dst);
      return dst;
    }
    if (angle == 180) {
      Core.flip(src, dst, -1);
      return dst;
    }
    if ((angle == 90 || angle == 270) && w == h) {
      Core.rotate(src, dst, angle == 90 ? Core.ROTATE_90_COUNTERCLOCKWISE : Core.ROTATE_90_CLOCKWISE);
      return dst;
    }
    return affine(src, rotationMatrix(w, h, angle), w, h, interp, border, fill);
  }

  /**
   * Resamples {@code src} into a {@code width x height} image through an inverse affine matrix,
   * identical to PIL 9 {@code Image.transform((width, height), Image.AFFINE, matrix, resample,
   * fillcolor=fill)}: output point {@code (X, Y)} (pixel centres at {@code i + 0.5}) takes the input at
   * {@code (m0 X + m1 Y + m2, m3 X + m4 Y + m5)}. Shears and translations of AutoAugment are such
   * matrices. {@code border=replicate|reflect} extend PIL by continuing the image instead of filling.
   *
   * @param matrix six coefficients {@code (a, b, c, d, e, f)}, finite
   * @param interp nearest, bilinear or bicubic
   */
  public static Mat affine(Mat src, double[] matrix, int width, int height, Interpolation interp, Border border,
      Fill fill) {
    Images.requireSupported(src, "affine");
    requirePositive("affine", width, height);
    if (matrix.length != 6) {
      throw new IllegalArgumentException("affine: matrix must have 6 coefficients, got " + matrix.length);
    }
    for (double v : matrix) {
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("affine: matrix coefficients must be finite, got " + v);
      }
    }
    if (interp == Interpolation.AREA) {
      throw new IllegalArgumentException("affine: interp must be nearest|bilinear|bicubic, got area");
    }
    int channels = src.channels();
    byte[] in = pixels(src);
    byte[] out = new byte[width * height * channels];
    if (border == Border.CONSTANT) {
      fillWith(out, fill.scalar(channels).val, channels);
    }
    new AffineSampler(in, src.cols(), src.rows(), channels, border).transform(out, width, height, matrix, interp);
    Mat dst = new Mat(height, width, channels == 1 ? CvType.CV_8UC1 : CvType.CV_8UC3);
    dst.put(0, 0, out);
    return dst;
  }

  /**
   * The inverse matrix PIL's {@code Image.rotate} builds for {@code angle} in [0, 360): about the
   * continuous centre {@code (w/2, h/2)}, cosine and sine rounded to 15 decimals (Python {@code round}),
   * evaluated in PIL's order so that every coefficient is the same double.
   */
  static double[] rotationMatrix(int w, int h, double angle) {
    double cx = w / 2.0;
    double cy = h / 2.0;
    double a = -Math.toRadians(angle);
    double cos = round15(StrictMath.cos(a));
    double sin = round15(StrictMath.sin(a));
    double[] m = {cos, sin, 0.0, round15(-StrictMath.sin(a)), cos, 0.0};
    m[2] = m[0] * -cx + m[1] * -cy + 0.0;
    m[5] = m[3] * -cx + m[4] * -cy + 0.0;
    m[2] += cx;
    m[5] += cy;
    return m;
  }

  /** Python's {@code round(v, 15)}: the double nearest the decimal rounded half-to-even. */
  private static double round15(double v) {
    return new BigDecimal(v).setScale(15, RoundingMode.HALF_EVEN).doubleValue();
  }

  /** Python's {@code degrees % 360.0}: in [0, 360), the sign of the divisor. */
  static double pythonMod360(double degrees) {
    double m = degrees % 360.0;
    if (m < 0) {
      m += 360.0;
    }
    return m == 0 ? 0.0 : m;
  }

  static void requireWindow(String op, int imageWidth, int imageHeight, int x, int y, int width, int height) {
    requirePositive(op, width, height);
    if (x < 0 || y < 0 || (long) x + width > imageWidth || (long) y + height > imageHeight) {
      throw new IllegalArgumentException(op + ": window x=" + x + ", y=" + y + ", width=" + width + ", height="
          + height + " does not fit in the " + imageWidth + "x" + imageHeight + " image (need x + width <= "
          + imageWidth + " and y + height <= " + imageHeight + ")");
    }
  }

  private static void requirePositive(String op, int width, int height) {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException(op + ": width and height must be >= 1, got " + width + "x" + height);
    }
  }

  /** A copy of the window, releasing the view's header at once rather than leaving it to the GC. */
  private static Mat copyOf(Mat src, Rect window) {
    Mat view = src.submat(window);
    Mat copy = view.clone();
    view.release();
    return copy;
  }

  private static byte[] pixels(Mat src) {
    Mat continuous = src.isContinuous() ? src : src.clone();
    byte[] px = new byte[(int) (continuous.total() * continuous.channels())];
    continuous.get(0, 0, px);
    if (continuous != src) {
      continuous.release();
    }
    return px;
  }

  private static void fillWith(byte[] out, double[] value, int channels) {
    if (out.length == 0) {
      return;
    }
    for (int c = 0; c < channels; c++) {
      out[c] = (byte) (int) Math.rint(value[c]);
    }
    for (int filled = channels; filled < out.length; filled *= 2) {
      System.arraycopy(out, 0, out, filled, Math.min(filled, out.length - filled));
    }
  }
}
