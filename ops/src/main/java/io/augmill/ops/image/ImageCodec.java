package io.augmill.ops.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Decodes image bytes to the Mats ops work on (8-bit grey, or RGB with any alpha dropped) and encodes
 * them back. OpenCV works in BGR; the conversion happens here and nowhere else. JPEG goes through
 * libjpeg-turbo's TurboJPEG library when it is installed (same pixels and bytes as OpenCV's codec, several
 * times faster; see {@link TurboJpeg}, property {@code augmill.jpeg}); PNG through a Java codec that keeps
 * its state per thread (same pixels as OpenCV, about twice as fast on small images; see {@link PngCodec},
 * property {@code augmill.png}); everything else, and whatever those two leave, through OpenCV.
 */
public final class ImageCodec {

  static {
    OpenCv.load();
  }

  /** Output formats. */
  public enum Format {
    /** Lossless PNG. */
    PNG,
    /** JPEG at a chosen quality. */
    JPEG,
    /** Raw HWC uint8 pixels in RGB order, no header. */
    RAW;

    /** The format's name in specs and manifests: {@code png}, {@code jpeg}, {@code raw}. */
    public String specName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code png}, {@code jpeg}/{@code jpg} or {@code raw}. */
    public static Format parse(String name) {
      return switch (name.toLowerCase(Locale.ROOT)) {
        case "png" -> PNG;
        case "jpeg", "jpg" -> JPEG;
        case "raw" -> RAW;
        default -> throw new IllegalArgumentException("unknown image format '" + name + "' (expected png, jpeg or raw)");
      };
    }
  }

  private ImageCodec() {}

  /**
   * Decodes PNG, JPEG, BMP (or any format OpenCV reads) to an 8-bit grey or RGB Mat.
   *
   * @param bytes the encoded image
   * @param name what to call the image in errors (file name or record key)
   * @throws UnsupportedImageException with reason {@code empty}, {@code undecodable},
   *     {@code unsupported-depth} or {@code unsupported-channels}
   */
  public static Mat decode(byte[] bytes, String name) {
    if (bytes.length == 0) {
      throw new UnsupportedImageException(UnsupportedImageException.EMPTY, name + ": zero-byte image");
    }
    if (TurboJpeg.enabled() && TurboJpeg.isJpeg(bytes)) {
      Mat decoded = TurboJpeg.decode(bytes);
      if (decoded != null) {
        return decoded;
      }
    }
    if (PngCodec.enabled() && PngCodec.isPng(bytes)) {
      Mat decoded = PngCodec.decode(bytes);
      if (decoded != null) {
        return decoded;
      }
    }
    MatOfByte buffer = new MatOfByte(bytes);
    Mat raw = Imgcodecs.imdecode(buffer, Imgcodecs.IMREAD_UNCHANGED);
    buffer.release();
    if (raw.empty()) {
      raw.release();
      throw new UnsupportedImageException(UnsupportedImageException.UNDECODABLE, name + ": not a decodable image");
    }
    try {
      return toRgb(raw, name);
    } finally {
      raw.release();
    }
  }

  /**
   * The JPEG codec in use: {@code turbojpeg} (libjpeg-turbo, when installed) or {@code opencv}. Both give
   * the same pixels and bytes; the choice only changes speed.
   */
  public static String jpegCodec() {
    return TurboJpeg.enabled() ? "turbojpeg" : "opencv";
  }

  /** Reads and decodes an image file; errors name the path. */
  public static Mat read(Path file) throws IOException {
    return decode(Files.readAllBytes(file), file.toString());
  }

  /**
   * Encodes a grey or RGB Mat. PNG is tuned for speed like OpenCV's default settings (the Sub row filter,
   * run-length matching, zlib level 1 sizes): lossless like any level, a few percent larger than level 6
   * but several times faster to write, which matters when a job encodes every image it emits.
   *
   * @param format PNG, JPEG or RAW
   * @param jpegQuality 1-100, used for JPEG only
   */
  public static byte[] encode(Mat image, Format format, int jpegQuality) {
    Images.requireSupported(image, "encode");
    if (format == Format.RAW) {
      byte[] pixels = new byte[(int) (image.total() * image.channels())];
      Mat continuous = image.isContinuous() ? image : image.clone();
      continuous.get(0, 0, pixels);
      if (continuous != image) {
        continuous.release();
      }
      return pixels;
    }
    if (jpegQuality < 1 || jpegQuality > 100) {
      throw new IllegalArgumentException("jpeg quality must be in [1, 100], got " + jpegQuality);
    }
    if (format == Format.JPEG && TurboJpeg.enabled()) {
      return TurboJpeg.encode(image, jpegQuality);
    }
    if (format == Format.PNG && PngCodec.enabled() && PngCodec.encodes(image)) {
      return PngCodec.encode(image);
    }
    return openCvEncode(image, format, jpegQuality);
  }

  /** Encodes with OpenCV's own codec (the path when the fast ones are off or do not apply). */
  static byte[] openCvEncode(Mat image, Format format, int jpegQuality) {
    Mat bgr = image;
    if (image.channels() == 3) {
      bgr = new Mat();
      Imgproc.cvtColor(image, bgr, Imgproc.COLOR_RGB2BGR);
    }
    MatOfByte out = new MatOfByte();
    // No PNG parameters on purpose: OpenCV picks its fast path (Sub filter, level 1, RLE) only when
    // no compression level is given; naming level 1 explicitly keeps the slow adaptive filters.
    MatOfInt flags = format == Format.JPEG
        ? new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, jpegQuality)
        : new MatOfInt();
    boolean ok = Imgcodecs.imencode(format == Format.JPEG ? ".jpg" : ".png", bgr, out, flags);
    if (bgr != image) {
      bgr.release();
    }
    flags.release();
    if (!ok) {
      out.release();
      throw new IllegalStateException("OpenCV could not encode a " + image.cols() + "x" + image.rows() + " image as " + format.specName());
    }
    byte[] bytes = out.toArray();
    out.release();
    return bytes;
  }

  /** Encodes by the file's extension ({@code .png}, {@code .jpg}/{@code .jpeg}, JPEG at quality 95) and writes it. */
  public static void write(Path file, Mat image) throws IOException {
    String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
    Format format = lower.endsWith(".jpg") || lower.endsWith(".jpeg") ? Format.JPEG : Format.PNG;
    if (format == Format.PNG && !lower.endsWith(".png")) {
      throw new IllegalArgumentException(file + ": output must end in .png, .jpg or .jpeg");
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, encode(image, format, 95));
  }

  /** Wraps raw HWC RGB or grey pixels as a Mat. */
  public static Mat fromRaw(byte[] pixels, int width, int height, int channels) {
    if ((long) width * height * channels != pixels.length) {
      throw new IllegalArgumentException("raw image of " + pixels.length + " bytes does not match "
          + width + "x" + height + "x" + channels);
    }
    Mat m = new Mat(height, width, channels == 1 ? CvType.CV_8UC1 : CvType.CV_8UC3);
    m.put(0, 0, pixels);
    return m;
  }

  private static Mat toRgb(Mat raw, String name) {
    if (raw.depth() != CvType.CV_8U) {
      throw new UnsupportedImageException(UnsupportedImageException.UNSUPPORTED_DEPTH,
          name + ": unsupported bit depth " + CvType.typeToString(raw.type()) + " (only 8-bit images are supported)");
    }
    Mat out = new Mat();
    switch (raw.channels()) {
      case 1 -> raw.copyTo(out);
      case 3 -> Imgproc.cvtColor(raw, out, Imgproc.COLOR_BGR2RGB);
      case 4 -> Imgproc.cvtColor(raw, out, Imgproc.COLOR_BGRA2RGB);
      default -> {
        out.release();
        throw new UnsupportedImageException(UnsupportedImageException.UNSUPPORTED_CHANNELS,
            name + ": unsupported channel count " + raw.channels() + " (expected grey, RGB or RGBA)");
      }
    }
    return out;
  }
}
