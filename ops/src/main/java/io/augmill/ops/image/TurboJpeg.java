package io.augmill.ops.image;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.lang.ref.Cleaner;
import java.util.Locale;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The JPEG fast path: libjpeg-turbo's TurboJPEG library (Debian package {@code libturbojpeg0}), used
 * through JNA when it is installed. The JPEG codec bundled in the OpenCV jar is built without SIMD; this
 * one decodes about twice and encodes four to six times as fast, and gives the same results: decoding
 * yields the same pixels and encoding the same bytes as OpenCV's {@code imdecode}/{@code imencode} with
 * default settings (accurate integer DCT, 4:2:0 chroma for colour, no Huffman optimisation, JFIF
 * header), which the tests check. So which codec ran never shows in a job's output.
 *
 * <p>Choice: system property {@code augmill.jpeg} = {@code auto} (default: TurboJPEG when it loads),
 * {@code opencv} (never), or {@code turbojpeg} (required: an error when the library cannot be loaded).
 *
 * <p>Only plain cases take this path; everything else returns {@code null} so that the caller uses
 * OpenCV with its exact behaviour: JPEGs in colour spaces other than YCbCr or grey (CMYK, YCCK, Adobe
 * RGB), images over OpenCV's own size limits, and any stream libjpeg-turbo warns about (truncated or
 * corrupt data), whose partial decode OpenCV defines.
 */
final class TurboJpeg {

  /** The property that picks the JPEG codec. */
  static final String PROPERTY = "augmill.jpeg";

  // TurboJPEG constants (turbojpeg.h, libjpeg-turbo 2.x; stable across versions).
  private static final int TJPF_RGB = 0;
  private static final int TJPF_GRAY = 6;
  private static final int TJSAMP_420 = 2;
  private static final int TJSAMP_GRAY = 3;
  private static final int TJCS_YCBCR = 1;
  private static final int TJCS_GRAY = 2;
  private static final int TJFLAG_NOREALLOC = 1024;
  private static final int TJFLAG_ACCURATEDCT = 4096;
  private static final int TJFLAG_STOPONWARNING = 8192;

  /** OpenCV's defaults for CV_IO_MAX_IMAGE_WIDTH/HEIGHT and CV_IO_MAX_IMAGE_PIXELS. */
  private static final long MAX_SIDE = 1 << 20;
  private static final long MAX_PIXELS = 1L << 30;

  private static final Cleaner CLEANER = Cleaner.create();
  private static final ThreadLocal<Handles> HANDLES = ThreadLocal.withInitial(Handles::new);
  private static String loadFailure;
  private static boolean registered;
  private static final boolean ENABLED = choose(System.getProperty(PROPERTY, "auto"));

  private TurboJpeg() {}

  /** Whether JPEGs go through TurboJPEG in this JVM. */
  static boolean enabled() {
    return ENABLED;
  }

  /** Why the library could not be loaded, or null. */
  static String loadFailure() {
    return loadFailure;
  }

  /** Whether {@code bytes} start like a JPEG stream (SOI marker then another marker). */
  static boolean isJpeg(byte[] bytes) {
    return bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff;
  }

  /** Reads a value of {@link #PROPERTY}: whether to use TurboJPEG, loading it when needed. */
  static boolean choose(String choice) {
    switch (choice.toLowerCase(Locale.ROOT)) {
      case "opencv":
        return false;
      case "auto":
        return load();
      case "turbojpeg":
        if (!load()) {
          throw new IllegalStateException("-D" + PROPERTY + "=turbojpeg but libturbojpeg cannot be loaded ("
              + loadFailure + "); install libjpeg-turbo's TurboJPEG library (Debian: libturbojpeg0)");
        }
        return true;
      default:
        throw new IllegalStateException("-D" + PROPERTY + " must be auto, opencv or turbojpeg, got '" + choice + "'");
    }
  }

  private static synchronized boolean load() {
    if (registered) {
      return true;
    }
    try {
      Native.register(Lib.class, NativeLibrary.getInstance("turbojpeg"));
      registered = true;
      return true;
    } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
      loadFailure = e.getMessage();
      return false;
    }
  }

  /**
   * Decodes a YCbCr or grey JPEG to an RGB or grey Mat, or returns null when OpenCV should decode it
   * (another colour space, over the size limits, or a stream with errors or warnings).
   */
  static Mat decode(byte[] bytes) {
    Handles h = HANDLES.get();
    NativeLong size = new NativeLong(bytes.length);
    if (Lib.tjDecompressHeader3(h.decompressor, bytes, size, h.width, h.height, h.subsampling, h.colorspace) != 0) {
      return null;
    }
    int w = h.width.getValue();
    int ht = h.height.getValue();
    int cs = h.colorspace.getValue();
    if ((cs != TJCS_YCBCR && cs != TJCS_GRAY) || w <= 0 || ht <= 0 || w > MAX_SIDE || ht > MAX_SIDE
        || (long) w * ht > MAX_PIXELS) {
      return null;
    }
    boolean grey = cs == TJCS_GRAY;
    Mat image = new Mat(ht, w, grey ? CvType.CV_8UC1 : CvType.CV_8UC3);
    int rc = Lib.tjDecompress2(h.decompressor, bytes, size, new Pointer(image.dataAddr()), w, 0, ht,
        grey ? TJPF_GRAY : TJPF_RGB, TJFLAG_STOPONWARNING);
    if (rc != 0) {
      image.release();
      return null;
    }
    return image;
  }

  /** Encodes an 8-bit RGB or grey Mat as OpenCV's {@code imencode(".jpg", q)} would. */
  static byte[] encode(Mat image, int quality) {
    boolean grey = image.channels() == 1;
    int w = image.cols();
    int ht = image.rows();
    int subsampling = grey ? TJSAMP_GRAY : TJSAMP_420;
    Handles h = HANDLES.get();
    Memory out = h.output(Lib.tjBufSize(w, ht, subsampling).longValue());
    h.buffer.setValue(out);
    h.length.setValue(new NativeLong(out.size()));
    int rc = Lib.tjCompress2(h.compressor, new Pointer(image.dataAddr()), w, (int) image.step1(0), ht,
        grey ? TJPF_GRAY : TJPF_RGB, h.buffer, h.length, subsampling, quality, TJFLAG_NOREALLOC | TJFLAG_ACCURATEDCT);
    if (rc != 0) {
      throw new IllegalStateException("libjpeg-turbo could not encode a " + w + "x" + ht + " image: "
          + Lib.tjGetErrorStr2(h.compressor));
    }
    return out.getByteArray(0, (int) h.length.getValue().longValue());
  }

  /**
   * One thread's compressor and decompressor (TurboJPEG handles are not thread-safe), output buffer and
   * out-parameters, reused from image to image (each by-reference value is a small native allocation).
   */
  private static final class Handles {
    final Pointer decompressor;
    final Pointer compressor;
    final IntByReference width = new IntByReference();
    final IntByReference height = new IntByReference();
    final IntByReference subsampling = new IntByReference();
    final IntByReference colorspace = new IntByReference();
    final PointerByReference buffer = new PointerByReference();
    final NativeLongByReference length = new NativeLongByReference();
    private Memory output;

    Handles() {
      Pointer d = Lib.tjInitDecompress();
      Pointer c = Lib.tjInitCompress();
      if (d == null || c == null) {
        throw new IllegalStateException("libjpeg-turbo could not create a codec handle");
      }
      decompressor = d;
      compressor = c;
      CLEANER.register(this, () -> {
        Lib.tjDestroy(d);
        Lib.tjDestroy(c);
      });
    }

    Memory output(long bytes) {
      if (output == null || output.size() < bytes) {
        output = new Memory(Math.max(bytes, 1 << 16));
      }
      return output;
    }
  }

  /** The TurboJPEG functions used (directly mapped). */
  private static final class Lib {
    static native Pointer tjInitDecompress();

    static native Pointer tjInitCompress();

    static native int tjDestroy(Pointer handle);

    static native int tjDecompressHeader3(Pointer handle, byte[] jpeg, NativeLong size, IntByReference width,
        IntByReference height, IntByReference subsampling, IntByReference colorspace);

    static native int tjDecompress2(Pointer handle, byte[] jpeg, NativeLong size, Pointer dst, int width, int pitch,
        int height, int pixelFormat, int flags);

    static native NativeLong tjBufSize(int width, int height, int subsampling);

    static native int tjCompress2(Pointer handle, Pointer src, int width, int pitch, int height, int pixelFormat,
        PointerByReference jpeg, NativeLongByReference size, int subsampling, int quality, int flags);

    static native String tjGetErrorStr2(Pointer handle);
  }
}
