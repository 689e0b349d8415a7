package io.augmill.datasets.tfrecord;

import java.util.zip.CRC32C;

/**
 * The masked CRC32C that TFRecord stores: {@code ((crc >>> 15) | (crc << 17)) + 0xa282ead8} (mod 2^32).
 * Masking keeps a CRC of data that itself contains CRCs from being degenerate.
 */
public final class MaskedCrc32c {

  private static final int MASK_DELTA = 0xa282ead8;

  private MaskedCrc32c() {}

  /** Masked CRC32C of {@code length} bytes of {@code data} from {@code offset}, as an unsigned 32-bit value in an int. */
  public static int of(byte[] data, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(data, offset, length);
    return mask((int) crc.getValue());
  }

  /** Masked CRC32C of all of {@code data}. */
  public static int of(byte[] data) {
    return of(data, 0, data.length);
  }

  /** Applies TFRecord's mask to a raw CRC32C value. */
  public static int mask(int crc) {
    return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
  }
}
