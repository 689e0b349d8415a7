package io.augmill.ops.image;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Adler32;

/**
 * A fast zlib-format compressor (RFC 1950 stream of RFC 1951 deflate blocks) for PNG image data, written
 * for small inputs such as one 32x32 image's rows, where zlib itself spends about 10 ns per byte.
 *
 * <p>Method: run-length matching (repeats of the previous byte, distance 1, as zlib's {@code Z_RLE}
 * strategy, which suits filtered image rows); blocks of up to {@value #BLOCK_SYMBOLS} symbols, each written
 * as whichever of dynamic Huffman, fixed Huffman or stored is smallest. Output sizes are those of zlib's
 * level 1 with that strategy, within a percent. The output depends on the input alone, so the same input
 * gives the same bytes on every machine and JVM. One instance per thread: it reuses its buffers from one
 * input to the next.
 */
final class ZlibCompressor {

  private static final int WINDOW = 32768;
  private static final int MIN_MATCH = 4;
  private static final int MAX_MATCH = 258;
  static final int BLOCK_SYMBOLS = 1 << 14;
  private static final int MAX_STORED = 65535;
  private static final int LITLEN_CODES = 286;
  private static final int DIST_CODES = 30;
  private static final int CLEN_CODES = 19;
  private static final int END_OF_BLOCK = 256;
  private static final int[] CLEN_ORDER = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
  private static final int[] LEN_BASE = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51,
      59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
  private static final int[] LEN_EXTRA = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4,
      5, 5, 5, 5, 0};
  private static final int[] DIST_BASE = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385,
      513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
  private static final int[] DIST_EXTRA = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10,
      10, 11, 11, 12, 12, 13, 13};
  /** Length 3..258 to its length code's index (code - 257). */
  private static final byte[] LEN_CODE = new byte[MAX_MATCH + 1];
  /** Distance 1..32768 to its distance code. */
  private static final byte[] DIST_CODE = new byte[WINDOW + 1];
  private static final Huffman FIXED_LITLEN = Huffman.fixedLiteralLength();
  private static final Huffman FIXED_DIST = Huffman.fixedDistance();

  static {
    for (int code = 0; code < LEN_BASE.length; code++) {
      int end = code + 1 < LEN_BASE.length ? LEN_BASE[code + 1] : MAX_MATCH + 1;
      Arrays.fill(LEN_CODE, LEN_BASE[code], end, (byte) code);
    }
    LEN_CODE[MAX_MATCH] = (byte) (LEN_BASE.length - 1);
    for (int code = 0; code < DIST_BASE.length; code++) {
      int end = code + 1 < DIST_BASE.length ? DIST_BASE[code + 1] : WINDOW + 1;
      Arrays.fill(DIST_CODE, DIST_BASE[code], end, (byte) code);
    }
  }

  /** A block's symbols: a literal byte, or {@code distance << 9 | length} for a match. */
  private final int[] symbols = new int[BLOCK_SYMBOLS];
  private final int[] litLenFreq = new int[LITLEN_CODES];
  private final int[] distFreq = new int[DIST_CODES];
  private final Huffman litLen = new Huffman(LITLEN_CODES, 15);
  private final Huffman dist = new Huffman(DIST_CODES, 15);
  private final Huffman clen = new Huffman(CLEN_CODES, 7);
  private final int[] clenSymbols = new int[LITLEN_CODES + DIST_CODES];
  private final int[] clenFreq = new int[CLEN_CODES];
  private final BitWriter out = new BitWriter();

  /** Compresses {@code data[0, length)} into a complete zlib stream. */
  byte[] compress(byte[] data, int length) {
    Arrays.fill(litLenFreq, 0);
    Arrays.fill(distFreq, 0);
    out.reset(length + length / 16 + 64);
    out.ensure(2);
    out.bits(0x0178, 16); // CMF 0x78 (deflate, 32K window), then FLG 0x01 (fastest, check bits)
    int count = 0;
    int blockStart = 0;
    int i = 0;
    while (i < length) {
      byte b = data[i];
      int run = 0;
      if (i > 0 && data[i - 1] == b) {
        int max = Math.min(MAX_MATCH, length - i);
        run = 1;
        while (run < max && data[i + run] == b) {
          run++;
        }
      }
      if (run >= MIN_MATCH) {
        symbols[count++] = 1 << 9 | run;
        litLenFreq[257 + LEN_CODE[run]]++;
        distFreq[0]++;
        i += run;
      } else {
        symbols[count++] = b & 0xff;
        litLenFreq[b & 0xff]++;
        i++;
      }
      if (count == BLOCK_SYMBOLS && i < length) {
        writeBlock(data, blockStart, i, count, false);
        blockStart = i;
        count = 0;
      }
    }
    writeBlock(data, blockStart, length, count, true);
    out.alignToByte();
    out.ensure(4);
    Adler32 adler = new Adler32();
    adler.update(data, 0, length);
    int check = (int) adler.getValue();
    out.bits(Integer.reverseBytes(check) & 0xffff, 16);
    out.bits(Integer.reverseBytes(check) >>> 16, 16);
    return out.toByteArray();
  }

  /** Writes one block of {@code count} symbols covering {@code data[from, to)} in its cheapest form. */
  private void writeBlock(byte[] data, int from, int to, int count, boolean last) {
    litLenFreq[END_OF_BLOCK]++;
    litLen.build(litLenFreq);
    dist.build(distFreq);
    int litLenCount = Math.max(257, litLen.usedCodes());
    int distCount = Math.max(1, dist.usedCodes());
    int clenCount = encodeCodeLengths(litLenCount, distCount);
    clen.build(clenFreq);
    int clenSent = 4;
    for (int k = CLEN_CODES - 1; k >= 4; k--) {
      if (clen.length(CLEN_ORDER[k]) != 0) {
        clenSent = k + 1;
        break;
      }
    }
    long extra = extraBits();
    long dynamic = 3 + 5 + 5 + 4 + 3L * clenSent + clen.cost(clenFreq) + clenExtraBits(clenCount)
        + litLen.cost(litLenFreq) + dist.cost(distFreq) + extra;
    long fixed = 3 + FIXED_LITLEN.cost(litLenFreq) + FIXED_DIST.cost(distFreq) + extra;
    int bytes = to - from;
    long stored = 8L * (bytes + 5L * Math.max(1, (bytes + MAX_STORED - 1) / MAX_STORED)) + 7;
    out.ensure((int) (Math.min(stored, Math.min(fixed, dynamic)) >>> 3) + 16);
    if (stored < dynamic && stored < fixed) {
      writeStored(data, from, to, last);
    } else if (fixed <= dynamic) {
      out.bits((last ? 1 : 0) | 1 << 1, 3);
      writeSymbols(count, FIXED_LITLEN, FIXED_DIST);
    } else {
      out.bits((last ? 1 : 0) | 2 << 1, 3);
      out.bits(litLenCount - 257, 5);
      out.bits(distCount - 1, 5);
      out.bits(clenSent - 4, 4);
      for (int k = 0; k < clenSent; k++) {
        out.bits(clen.length(CLEN_ORDER[k]), 3);
      }
      for (int k = 0; k < clenCount; k++) {
        int s = clenSymbols[k];
        int symbol = s & 0x1f;
        clen.write(out, symbol);
        if (symbol == 16) {
          out.bits(s >>> 5, 2);
        } else if (symbol == 17) {
          out.bits(s >>> 5, 3);
        } else if (symbol == 18) {
          out.bits(s >>> 5, 7);
        }
      }
      writeSymbols(count, litLen, dist);
    }
    Arrays.fill(litLenFreq, 0);
    Arrays.fill(distFreq, 0);
  }

  private long extraBits() {
    long bits = 0;
    for (int c = 0; c < LEN_EXTRA.length; c++) {
      bits += (long) litLenFreq[257 + c] * LEN_EXTRA[c];
    }
    for (int c = 0; c < DIST_CODES; c++) {
      bits += (long) distFreq[c] * DIST_EXTRA[c];
    }
    return bits;
  }

  private void writeSymbols(int count, Huffman litLenCode, Huffman distCode) {
    for (int k = 0; k < count; k++) {
      int s = symbols[k];
      if (s < 256) {
        litLenCode.write(out, s);
        continue;
      }
      int len = s & 0x1ff;
      int distance = s >>> 9;
      int lc = LEN_CODE[len];
      litLenCode.write(out, 257 + lc);
      if (LEN_EXTRA[lc] != 0) {
        out.bits(len - LEN_BASE[lc], LEN_EXTRA[lc]);
      }
      int dc = DIST_CODE[distance];
      distCode.write(out, dc);
      if (DIST_EXTRA[dc] != 0) {
        out.bits(distance - DIST_BASE[dc], DIST_EXTRA[dc]);
      }
    }
    litLenCode.write(out, END_OF_BLOCK);
  }

  private void writeStored(byte[] data, int from, int to, boolean last) {
    int at = from;
    do {
      int n = Math.min(MAX_STORED, to - at);
      boolean end = last && at + n == to;
      out.ensure(n + 8);
      out.bits(end ? 1 : 0, 3);
      out.alignToByte();
      out.bits(n, 16);
      out.bits(~n & 0xffff, 16);
      out.bytes(data, at, n);
      at += n;
    } while (at < to);
  }

  /**
   * Run-length codes the literal/length and distance code lengths as one sequence (RFC 1951 3.2.7) into
   * {@link #clenSymbols} ({@code extra << 5 | symbol}) and counts them in {@link #clenFreq}; returns how
   * many there are.
   */
  private int encodeCodeLengths(int litLenCount, int distCount) {
    Arrays.fill(clenFreq, 0);
    int total = litLenCount + distCount;
    int n = 0;
    int i = 0;
    while (i < total) {
      int value = i < litLenCount ? litLen.length(i) : dist.length(i - litLenCount);
      int run = 1;
      while (i + run < total && (i + run < litLenCount ? litLen.length(i + run) : dist.length(i + run - litLenCount)) == value) {
        run++;
      }
      i += run;
      if (value == 0) {
        while (run >= 11) {
          int r = Math.min(run, 138);
          n = addClen(n, 18, r - 11);
          run -= r;
        }
        if (run >= 3) {
          n = addClen(n, 17, run - 3);
          run = 0;
        }
      } else {
        n = addClen(n, value, 0);
        run--;
        while (run >= 3) {
          int r = Math.min(run, 6);
          n = addClen(n, 16, r - 3);
          run -= r;
        }
      }
      while (run-- > 0) {
        n = addClen(n, value, 0);
      }
    }
    return n;
  }

  private int addClen(int n, int symbol, int extra) {
    clenSymbols[n] = extra << 5 | symbol;
    clenFreq[symbol]++;
    return n + 1;
  }

  private long clenExtraBits(int count) {
    long bits = 0;
    for (int k = 0; k < count; k++) {
      int symbol = clenSymbols[k] & 0x1f;
      bits += symbol == 16 ? 2 : symbol == 17 ? 3 : symbol == 18 ? 7 : 0;
    }
    return bits;
  }

  /** Deflate's bit order: least significant bit first, Huffman codes already bit-reversed. */
  static final class BitWriter {
    private static final VarHandle INT_LE = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private byte[] buffer = new byte[1 << 12];
    private int size;
    private long pending;
    private int pendingBits;

    void reset(int capacity) {
      // Grow for a big input, and give the memory back after one rather than keep it for the thread's life.
      if (buffer.length < capacity || (buffer.length > 1 << 20 && buffer.length > 4 * capacity)) {
        buffer = new byte[Math.max(capacity, 1 << 12)];
      }
      size = 0;
      pending = 0;
      pendingBits = 0;
    }

    /**
     * Appends the low {@code count} bits of {@code value} (count at most 32). Room must have been made with
     * {@link #ensure}: callers reserve a block's size once instead of checking every code.
     */
    void bits(int value, int count) {
      pending |= (value & 0xffffffffL) << pendingBits;
      pendingBits += count;
      if (pendingBits >= 32) {
        INT_LE.set(buffer, size, (int) pending);
        size += 4;
        pending >>>= 32;
        pendingBits -= 32;
      }
    }

    void alignToByte() {
      while (pendingBits > 0) {
        buffer[size++] = (byte) pending;
        pending >>>= 8;
        pendingBits = Math.max(0, pendingBits - 8);
      }
      pending = 0;
    }

    /** Appends whole bytes; the writer must be byte-aligned. */
    void bytes(byte[] data, int from, int length) {
      System.arraycopy(data, from, buffer, size, length);
      size += length;
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buffer, size);
    }

    /** Makes room for {@code more} bytes beyond those pending. */
    void ensure(int more) {
      if (size + more + 8 > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more + 8));
      }
    }
  }

  /** A length-limited canonical Huffman code for one alphabet, rebuilt in place for each block. */
  static final class Huffman {
    private final int limit;
    private final int[] lengths;
    /** Bit-reversed codes, ready for {@link BitWriter}. */
    private final int[] codes;
    private final long[] leaves;
    private final int[] parent;
    private final int[] depth;
    private final long[] weight;
    private final long[] scratch;
    private final int[] buckets = new int[256];
    private final int[] lengthCount;
    private final int[] nextCode;
    private int used;

    Huffman(int symbols, int limit) {
      this.limit = limit;
      lengths = new int[symbols];
      codes = new int[symbols];
      leaves = new long[symbols];
      parent = new int[2 * symbols];
      depth = new int[2 * symbols];
      weight = new long[2 * symbols];
      scratch = new long[symbols];
      lengthCount = new int[limit + 1];
      nextCode = new int[limit + 1];
    }

    static Huffman fixedLiteralLength() {
      Huffman h = new Huffman(288, 15);
      Arrays.fill(h.lengths, 0, 144, 8);
      Arrays.fill(h.lengths, 144, 256, 9);
      Arrays.fill(h.lengths, 256, 280, 7);
      Arrays.fill(h.lengths, 280, 288, 8);
      h.assignCodes();
      return h;
    }

    static Huffman fixedDistance() {
      Huffman h = new Huffman(30, 15);
      Arrays.fill(h.lengths, 5);
      h.assignCodes();
      return h;
    }

    int length(int symbol) {
      return lengths[symbol];
    }

    /** One more than the highest symbol with a code. */
    int usedCodes() {
      return used;
    }

    void write(BitWriter out, int symbol) {
      out.bits(codes[symbol], lengths[symbol]);
    }

    /** Bits to write symbols with these frequencies. */
    long cost(int[] freq) {
      long bits = 0;
      for (int s = 0; s < freq.length; s++) {
        bits += (long) freq[s] * lengths[s];
      }
      return bits;
    }

    /**
     * Builds optimal code lengths for {@code freq} (two-queue Huffman), then limits them to {@link #limit}
     * bits keeping the code complete. Codes with fewer than two used symbols get dummy partners, since
     * inflaters require complete codes (as zlib's compressor does).
     */
    void build(int[] freq) {
      int n = 0;
      for (int s = 0; s < freq.length; s++) {
        if (freq[s] > 0) {
          leaves[n++] = (long) freq[s] << 16 | s;
        }
      }
      for (int s = 0; n < 2; s++) {
        if (freq[s] == 0) {
          leaves[n++] = s;
        }
      }
      sortByFrequency(n);
      Arrays.fill(lengths, 0);
      // Two queues: sorted leaves 0..n-1, then internal nodes n.. in creation order (weights non-decreasing).
      for (int k = 0; k < n; k++) {
        weight[k] = leaves[k] >>> 16;
      }
      int nextLeaf = 0;
      int nextNode = n;
      int nodes = n;
      while (nodes < 2 * n - 1) {
        int a = nextLeaf < n && (nextNode >= nodes || weight[nextLeaf] <= weight[nextNode]) ? nextLeaf++ : nextNode++;
        int b = nextLeaf < n && (nextNode >= nodes || weight[nextLeaf] <= weight[nextNode]) ? nextLeaf++ : nextNode++;
        weight[nodes] = weight[a] + weight[b];
        parent[a] = nodes;
        parent[b] = nodes;
        nodes++;
      }
      depth[nodes - 1] = 0;
      for (int k = nodes - 2; k >= 0; k--) {
        depth[k] = depth[parent[k]] + 1;
      }
      boolean over = false;
      for (int k = 0; k < n; k++) {
        int symbol = (int) (leaves[k] & 0xffff);
        lengths[symbol] = Math.min(depth[k], limit);
        over |= depth[k] > limit;
      }
      if (over) {
        limitLengths(n);
      }
      used = 0;
      for (int k = 0; k < n; k++) {
        used = Math.max(used, (int) (leaves[k] & 0xffff) + 1);
      }
      assignCodes();
    }

    /**
     * Restores a complete code after lengths were clipped to the limit: lengthens the longest codes below
     * the limit (rarest first) until the Kraft sum is at most one, then shortens the longest codes until it
     * is exactly one. The shortening always fits: every length is at most the longest, so the deficit is a
     * multiple of the longest code's share.
     */
    private void limitLengths(int n) {
      long target = 1L << limit;
      long kraft = 0;
      for (int k = 0; k < n; k++) {
        kraft += 1L << (limit - lengths[symbolAt(k)]);
      }
      while (kraft > target) {
        int pick = -1;
        for (int k = 0; k < n; k++) {
          int len = lengths[symbolAt(k)];
          if (len < limit && (pick < 0 || len > lengths[symbolAt(pick)])) {
            pick = k;
          }
        }
        int symbol = symbolAt(pick);
        kraft -= 1L << (limit - lengths[symbol] - 1);
        lengths[symbol]++;
      }
      while (kraft < target) {
        int pick = 0;
        for (int k = 1; k < n; k++) {
          if (lengths[symbolAt(k)] > lengths[symbolAt(pick)]) {
            pick = k;
          }
        }
        int symbol = symbolAt(pick);
        kraft += 1L << (limit - lengths[symbol]);
        lengths[symbol]--;
      }
    }

    /**
     * Sorts the first {@code n} leaves by frequency, ties by symbol: an LSD radix sort on the frequency's two
     * low bytes (frequencies stay below 65 536: a block has at most {@value #BLOCK_SYMBOLS} symbols), in
     * symbol order to start with. Several times faster than a comparison sort for a few hundred leaves.
     */
    private void sortByFrequency(int n) {
      for (int shift = 16; shift < 32; shift += 8) {
        Arrays.fill(buckets, 0);
        for (int k = 0; k < n; k++) {
          buckets[(int) (leaves[k] >>> shift) & 0xff]++;
        }
        int sum = 0;
        for (int b = 0; b < 256; b++) {
          int c = buckets[b];
          buckets[b] = sum;
          sum += c;
        }
        for (int k = 0; k < n; k++) {
          scratch[buckets[(int) (leaves[k] >>> shift) & 0xff]++] = leaves[k];
        }
        System.arraycopy(scratch, 0, leaves, 0, n);
      }
    }

    private int symbolAt(int k) {
      return (int) (leaves[k] & 0xffff);
    }

    /** Canonical codes from the lengths (RFC 1951 3.2.2), stored bit-reversed. */
    private void assignCodes() {
      int[] count = lengthCount;
      Arrays.fill(count, 0);
      for (int len : lengths) {
        count[len]++;
      }
      count[0] = 0;
      int[] next = nextCode;
      int code = 0;
      for (int len = 1; len <= limit; len++) {
        code = (code + count[len - 1]) << 1;
        next[len] = code;
      }
      for (int s = 0; s < lengths.length; s++) {
        int len = lengths[s];
        codes[s] = len == 0 ? 0 : Integer.reverse(next[len]++) >>> (32 - len);
      }
    }
  }
}
