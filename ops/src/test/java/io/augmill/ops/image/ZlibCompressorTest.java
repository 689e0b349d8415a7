package io.augmill.ops.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The compressor must write valid zlib streams (checked by the JDK's zlib inflater, which rejects
 * incomplete or over-full codes, bad lengths and wrong checksums) that give back the input, for every
 * block form it picks, and compress about as well as zlib's fastest level.
 */
class ZlibCompressorTest {

  static Stream<Arguments> inputs() {
    Random rng = new Random(7);
    byte[] random = new byte[200_000];
    rng.nextBytes(random);
    byte[] skewed = new byte[100_000];
    for (int i = 0; i < skewed.length; i++) {
      skewed[i] = (byte) Math.min(255, (int) (-Math.log(1 - rng.nextDouble()) * 6));
    }
    byte[] runs = new byte[70_000];
    for (int i = 0, len = 1; i < runs.length; len = len % 300 + 1) {
      Arrays.fill(runs, i, Math.min(runs.length, i + len), (byte) (len * 7));
      i += len;
    }
    byte[] fibonacci = fibonacciText(18);
    byte[] mixed = concat(Arrays.copyOf(skewed, 20_000), Arrays.copyOf(random, 20_000),
        Arrays.copyOfRange(skewed, 20_000, 40_000), new byte[5000], Arrays.copyOfRange(random, 20_000, 30_000));
    return Stream.of(
        Arguments.of("empty", new byte[0]),
        Arguments.of("one byte", new byte[] {42}),
        Arguments.of("two bytes", new byte[] {0, 0}),
        Arguments.of("zeros", new byte[100_000]),
        Arguments.of("random (stored blocks)", random),
        Arguments.of("skewed literals (dynamic blocks)", skewed),
        Arguments.of("runs of 1 to 300 bytes", runs),
        Arguments.of("run lengths 257 to 259", concat(new byte[257], new byte[] {1}, new byte[258], new byte[] {2},
            new byte[259])),
        Arguments.of("fibonacci frequencies (length limit)", fibonacci),
        Arguments.of("dynamic, stored and run blocks in turn", mixed));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void writesAZlibStreamThatInflatesToTheInput(String name, byte[] input) throws DataFormatException {
    byte[] compressed = new ZlibCompressor().compress(input, input.length);
    assertThat(inflate(compressed, input.length)).isEqualTo(input);
    assertThat((compressed[0] << 8 | compressed[1] & 0xff) % 31).as("zlib header check bits").isZero();
  }

  @Test
  void picksTheCheapestBlockForm() {
    Random rng = new Random(11);
    byte[] random = new byte[5000];
    rng.nextBytes(random);
    byte[] rows = subFilteredRows(32, 32, 3, rng);
    assertThat(firstBlockType(random)).as("incompressible: stored").isEqualTo(0);
    assertThat(firstBlockType(new byte[] {1, 2, 3})).as("tiny: fixed codes").isEqualTo(1);
    assertThat(firstBlockType(rows)).as("image rows: dynamic codes").isEqualTo(2);
  }

  private static int firstBlockType(byte[] input) {
    byte[] compressed = new ZlibCompressor().compress(input, input.length);
    return (compressed[2] >> 1) & 3;
  }

  @Test
  void anInstanceKeepsNoStateFromOneInputToTheNext() {
    ZlibCompressor reused = new ZlibCompressor();
    byte[] a = fibonacciText(12);
    byte[] b = new byte[50_000];
    new Random(1).nextBytes(b);
    byte[] first = reused.compress(a, a.length);
    reused.compress(b, b.length);
    assertThat(reused.compress(a, a.length)).isEqualTo(first).isEqualTo(new ZlibCompressor().compress(a, a.length));
  }

  @Test
  void compressesOnlyTheGivenLength() throws DataFormatException {
    byte[] data = fibonacciText(10);
    byte[] compressed = new ZlibCompressor().compress(data, 40);
    assertThat(inflate(compressed, 40)).isEqualTo(Arrays.copyOf(data, 40));
  }

  @Test
  void compressesImageRowsAboutAsWellAsZlibsFastestLevel() {
    Random rng = new Random(3);
    ZlibCompressor compressor = new ZlibCompressor();
    long ours = 0;
    long zlib = 0;
    for (int image = 0; image < 50; image++) {
      byte[] rows = subFilteredRows(32, 32, 3, rng);
      ours += compressor.compress(rows, rows.length).length;
      Deflater deflater = new Deflater(Deflater.BEST_SPEED);
      deflater.setInput(rows);
      deflater.finish();
      byte[] out = new byte[rows.length * 2];
      zlib += deflater.deflate(out);
      deflater.end();
    }
    assertThat((double) ours / zlib).isLessThan(1.03);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 19, 30, 286})
  void huffmanCodesAreCompleteWithinTheLimitAndOptimalWhenTheLimitDoesNotBind(int symbols) {
    Random rng = new Random(symbols);
    for (int trial = 0; trial < 200; trial++) {
      int[] freq = new int[symbols];
      for (int s = 0; s < symbols; s++) {
        freq[s] = rng.nextInt(4) == 0 ? 0 : 1 + rng.nextInt(trial % 2 == 0 ? 50 : 5000);
      }
      checkCode(freq, 15);
      if (Arrays.stream(freq).filter(f -> f > 0).count() <= 1 << 7) {
        checkCode(freq, 7);
      }
    }
  }

  @Test
  void theFibonacciInputNeedsTheLengthLimit() {
    byte[] text = fibonacciText(18);
    int[] freq = new int[286];
    for (byte b : text) {
      freq[b & 0xff]++;
    }
    freq[256] = 1;
    ZlibCompressor.Huffman unlimited = new ZlibCompressor.Huffman(286, 30);
    unlimited.build(freq);
    assertThat(maxLength(unlimited, 286)).isGreaterThan(15);
    for (int i = 1; i < text.length; i++) {
      assertThat(text[i]).as("no runs at %d", i).isNotEqualTo(text[i - 1]);
    }
  }

  @Test
  void lengthLimitingKeepsTheCodeComplete() {
    int[] freq = new int[24];
    int a = 1;
    int b = 1;
    for (int s = 0; s < freq.length; s++) {
      freq[s] = a;
      int next = a + b;
      a = b;
      b = next;
    }
    ZlibCompressor.Huffman unlimited = new ZlibCompressor.Huffman(24, 30);
    unlimited.build(freq);
    assertThat(maxLength(unlimited, 24)).isEqualTo(23); // Fibonacci weights make the deepest possible tree
    assertThat(code(unlimited, freq)).isEqualTo(huffmanCost(freq));
    checkCode(freq, 15);
    checkCode(freq, 7);
  }

  private static void checkCode(int[] freq, int limit) {
    ZlibCompressor.Huffman code = new ZlibCompressor.Huffman(freq.length, limit);
    code.build(freq);
    long kraft = 0;
    int used = 0;
    for (int s = 0; s < freq.length; s++) {
      int len = code.length(s);
      assertThat(len).isBetween(0, limit);
      if (freq[s] > 0) {
        assertThat(len).as("symbol %d has a code", s).isPositive();
      }
      if (len > 0) {
        kraft += 1L << (limit - len);
        used++;
      }
    }
    assertThat(used).isGreaterThanOrEqualTo(2);
    assertThat(kraft).as("complete code").isEqualTo(1L << limit);
    if (maxLength(code, freq.length) < limit) {
      assertThat(code.cost(freq)).as("optimal cost").isEqualTo(huffmanCost(freq));
    }
  }

  private static long code(ZlibCompressor.Huffman code, int[] freq) {
    return code.cost(freq);
  }

  private static int maxLength(ZlibCompressor.Huffman code, int symbols) {
    int max = 0;
    for (int s = 0; s < symbols; s++) {
      max = Math.max(max, code.length(s));
    }
    return max;
  }

  /** Textbook Huffman: the sum of all merged weights is the coded size in bits. */
  private static long huffmanCost(int[] freq) {
    PriorityQueue<Long> queue = new PriorityQueue<>();
    for (int f : freq) {
      if (f > 0) {
        queue.add((long) f);
      }
    }
    if (queue.size() < 2) {
      return queue.isEmpty() ? 0 : queue.peek();
    }
    long cost = 0;
    while (queue.size() > 1) {
      long merged = queue.poll() + queue.poll();
      cost += merged;
      queue.add(merged);
    }
    return cost;
  }

  static byte[] inflate(byte[] zlib, int expected) throws DataFormatException {
    Inflater inflater = new Inflater();
    inflater.setInput(zlib);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[Math.max(1, expected + 1)];
    while (!inflater.finished()) {
      int n = inflater.inflate(buffer);
      if (n == 0 && !inflater.finished() && (inflater.needsInput() || inflater.needsDictionary())) {
        throw new DataFormatException("stream ends early");
      }
      out.write(buffer, 0, n);
    }
    assertThat(inflater.getRemaining()).as("bytes after the stream").isZero();
    inflater.end();
    return out.toByteArray();
  }

  /**
   * Byte values 0, 13, 26, ... appearing 1, 2, 3, 5, 8, ... times (Fibonacci numbers from the second on), in
   * an order with no two equal neighbours, so every byte is a literal: a Huffman code for those counts is
   * deeper than 15 bits.
   */
  private static byte[] fibonacciText(int symbols) {
    int[] counts = new int[symbols];
    int a = 1;
    int b = 2;
    int total = 0;
    for (int s = 0; s < symbols; s++) {
      counts[s] = a;
      total += a;
      int next = a + b;
      a = b;
      b = next;
    }
    // Largest count first into the even positions, then on into the odd ones: no two neighbours are equal
    // as long as the largest count is at most half the total, which holds for Fibonacci counts.
    byte[] out = new byte[total];
    int position = 0;
    for (int s = symbols - 1; s >= 0; s--) {
      for (int k = 0; k < counts[s]; k++) {
        out[position] = (byte) (s * 13);
        position += 2;
        if (position >= total) {
          position = 1;
        }
      }
    }
    return out;
  }

  /** Rows of a smooth noisy image after PNG's Sub filter, as the PNG encoder hands them over. */
  static byte[] subFilteredRows(int width, int height, int channels, Random rng) {
    int rowBytes = width * channels;
    byte[] rows = new byte[(rowBytes + 1) * height];
    double gx = rng.nextDouble() * 3;
    double gy = rng.nextDouble() * 3;
    int[] row = new int[rowBytes];
    for (int y = 0; y < height; y++) {
      for (int i = 0; i < rowBytes; i++) {
        row[i] = (int) Math.max(0, Math.min(255, 128 + gx * (i / channels) - gy * y + rng.nextGaussian() * 8));
      }
      int at = y * (rowBytes + 1);
      rows[at] = 1;
      for (int i = 0; i < rowBytes; i++) {
        rows[at + 1 + i] = (byte) (row[i] - (i >= channels ? row[i - channels] : 0));
      }
    }
    return rows;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
