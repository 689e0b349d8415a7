package io.augmill.datasets.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes small CIFAR and IDX files whose pixels are a known function of the record index. */
public final class DatasetFiles {

  private DatasetFiles() {}

  /** Pixel value of channel {@code c} at pixel {@code p} of record {@code i}. */
  public static int pixel(int i, int c, int p) {
    return (i * 13 + c * 80 + p) & 0xff;
  }

  /** A CIFAR binary file of {@code n} records starting at global index {@code first}; label = index % 10. */
  public static void cifar(Path file, int first, int n, boolean hundred) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = first; i < first + n; i++) {
      if (hundred) {
        out.write(i % 20);
        out.write(i % 100);
      } else {
        out.write(i % 10);
      }
      for (int c = 0; c < 3; c++) {
        for (int p = 0; p < 1024; p++) {
          out.write(pixel(i, c, p));
        }
      }
    }
    Files.createDirectories(file.getParent());
    Files.write(file, out.toByteArray());
  }

  /** A full small CIFAR-10 directory: 5 train batches of {@code perBatch} records and a test batch. */
  public static void cifar10(Path dir, int perBatch) throws IOException {
    for (int b = 1; b <= 5; b++) {
      cifar(dir.resolve("data_batch_" + b + ".bin"), (b - 1) * perBatch, perBatch, false);
    }
    cifar(dir.resolve("test_batch.bin"), 0, perBatch, false);
  }

  /** IDX images ({@code n} of {@code rows}x{@code cols}) and labels for {@code prefix} (train or t10k). */
  public static void idx(Path dir, String prefix, int n, int rows, int cols, boolean gzip) throws IOException {
    ByteBuffer images = ByteBuffer.allocate(16 + n * rows * cols);
    images.putInt(0x803).putInt(n).putInt(rows).putInt(cols);
    ByteBuffer labels = ByteBuffer.allocate(8 + n);
    labels.putInt(0x801).putInt(n);
    for (int i = 0; i < n; i++) {
      for (int p = 0; p < rows * cols; p++) {
        images.put((byte) pixel(i, 0, p));
      }
      labels.put((byte) (i % 10));
    }
    write(dir.resolve(prefix + "-images-idx3-ubyte" + (gzip ? ".gz" : "")), images.array(), gzip);
    write(dir.resolve(prefix + "-labels-idx1-ubyte" + (gzip ? ".gz" : "")), labels.array(), gzip);
  }

  /** Writes bytes, gzipped when asked. */
  public static void write(Path file, byte[] bytes, boolean gzip) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
      out.write(bytes);
    }
  }
}
