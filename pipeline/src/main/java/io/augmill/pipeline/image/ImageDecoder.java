package io.augmill.pipeline.image;

import io.augmill.datasets.source.SourceRecord;
import io.augmill.ops.image.ImageCodec;
import io.augmill.ops.image.OpenCv;
import io.augmill.ops.image.UnsupportedImageException;
import java.util.Optional;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Decoding with the input guards: turns one source input into an 8-bit grey or RGB Mat, or says why it
 * cannot be used: zero-byte ({@code empty}), undecodable, 16-bit or float ({@code unsupported-depth}),
 * an odd channel count ({@code unsupported-channels}), more pixels than the limit ({@code too-large},
 * checked from the PNG/JPEG/BMP header before the decoder allocates anything), raw pixels whose length
 * does not match their geometry ({@code bad-raw-pixels}), or the source's own reason for a record it
 * could not read.
 */
public final class ImageDecoder {

  private ImageDecoder() {}

  /**
   * Applies the guards and decodes one input; the caller releases the returned Mat.
   *
   * @param in the source input
   * @param maxPixels largest accepted {@code width * height}
   * @throws UnsupportedImageException with the reason the input is rejected
   */
  public static Mat decode(SourceRecord in, long maxPixels) {
    String name = in.location();
    if (in.failed()) {
      throw new UnsupportedImageException(in.failureReason(), in.failureMessage());
    }
    if (in.raw()) {
      return fromRaw(in, maxPixels);
    }
    if (in.data().length == 0) {
      throw new UnsupportedImageException(UnsupportedImageException.EMPTY, name + ": zero-byte image");
    }
    Optional<ImageHeader> header = ImageHeader.probe(in.data());
    if (header.isPresent()) {
      ImageHeader h = header.get();
      checkPixels(name, h.width(), h.height(), maxPixels);
      if (h.bitsPerSample() != 8) {
        throw new UnsupportedImageException(UnsupportedImageException.UNSUPPORTED_DEPTH,
            name + ": " + h.bitsPerSample() + "-bit " + h.format() + " (only 8-bit images are supported)");
      }
    }
    Mat image = ImageCodec.decode(in.data(), name);
    try {
      checkPixels(name, image.cols(), image.rows(), maxPixels);
    } catch (UnsupportedImageException e) {
      image.release();
      throw e;
    }
    return image;
  }

  private static Mat fromRaw(SourceRecord in, long maxPixels) {
    String name = in.location();
    if (in.width() < 1 || in.height() < 1 || (long) in.width() * in.height() * in.channels() != in.data().length) {
      throw new UnsupportedImageException(RejectReasons.BAD_RAW, name + ": " + in.data().length
          + " raw bytes do not hold " + in.width() + "x" + in.height() + "x" + in.channels() + " pixels");
    }
    checkPixels(name, in.width(), in.height(), maxPixels);
    OpenCv.load();
    return switch (in.channels()) {
      case 1, 3 -> ImageCodec.fromRaw(in.data(), in.width(), in.height(), in.channels());
      case 4 -> dropAlpha(in.data(), in.width(), in.height());
      default -> throw new UnsupportedImageException(UnsupportedImageException.UNSUPPORTED_CHANNELS,
          name + ": unsupported channel count " + in.channels() + " (expected grey, RGB or RGBA)");
    };
  }

  private static Mat dropAlpha(byte[] rgba, int width, int height) {
    Mat src = new Mat(height, width, CvType.CV_8UC4);
    src.put(0, 0, rgba);
    Mat rgb = new Mat();
    Imgproc.cvtColor(src, rgb, Imgproc.COLOR_RGBA2RGB);
    src.release();
    return rgb;
  }

  private static void checkPixels(String name, long width, long height, long maxPixels) {
    if (width * height > maxPixels) {
      throw new UnsupportedImageException(RejectReasons.TOO_LARGE, name + ": " + width + "x" + height
          + " = " + width * height + " pixels exceeds the limit of " + maxPixels + " (--max-pixels)");
    }
  }
}
