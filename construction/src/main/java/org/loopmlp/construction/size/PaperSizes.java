package org.loopmlp.construction.size;

import org.loopmlp.isa.MachineConfig;

/**
 * The sizes of the paper machine's constructions (SPEC §8) in closed form, without building
 * them ({@link SizeEstimate}), so a caller can refuse a config that would not fit in memory.
 * Dimension, widest layer, non-zero weights and parameters are exact (tests compare them with
 * built networks); {@code memoryBytes} is an estimate of the heap the built construction
 * occupies.
 *
 * <p>With m = 2^A, k = 2^C and D the state dimension {@code k(2A + C) + mN + C + 2A + 2C + 3N},
 * every layer copies each state direction it does not write or clear by one identity weight, and
 * adds: fetch {@code k(2A+C)} neurons of {@code C+1} weights, then {@code 2A+C} sums of k; read
 * {@code 2mN} neurons of {@code A+1}, then {@code 2N} sums of m; subtract {@code 6N} neurons with
 * {@code 6N(N+1)} weights, then N sums of 6; write {@code 2mN} neurons of {@code A+1}, then
 * {@code mN} rows of 3; next pc {@code 4C} neurons with {@code 2C(C+1)} weights, then C rows of
 * 4; branch one neuron of N, then {@code 2C} of 3, then C rows of 2.
 */
public final class PaperSizes {
  /**
   * Heap of a built paper-machine construction: 6 bytes a stored weight (a column int and a
   * short code into the layer's weights), 12 a row (row start, bias and invariant references),
   * 130 a named direction (name string, record, index slots, lists). Building needs a quarter
   * more, for the rows of the widest layer being assembled. Measured: the paper construction at
   * (16, 16, 10) holds 1.34 GiB after its build (estimate 1.35 GiB) and builds with a heap of
   * 2 GiB; a caller refuses a config when the build heap exceeds {@code Runtime.maxMemory()}.
   */
  static final SizeEstimate.HeapModel HEAP =
      new SizeEstimate.HeapModel(6, 12, 130, memory -> memory + memory / 4);

  private PaperSizes() {}

  /** The state dimension {@code k(2A + C) + mN + C + 2A + 2C + 3N} (SPEC §7). */
  static long stateDimension(MachineConfig config) {
    long n = config.wordBits();
    long a = config.dataBits();
    long c = config.codeBits();
    return config.codeSize() * (2 * a + c) + config.dataSize() * n + c + 2 * a + 2 * c + 3 * n;
  }

  /** The closed form for {@code config}. */
  public static SizeEstimate<MachineConfig> of(MachineConfig config) {
    long n = config.wordBits();
    long a = config.dataBits();
    long c = config.codeBits();
    long m = config.dataSize();
    long k = config.codeSize();
    long d = stateDimension(config);
    long[] hidden = {
        k * (2 * a + c), 0,
        2 * m * n, 0,
        6 * n, 0,
        2 * m * n, 0,
        4 * c, 0,
        1, 2 * c, 0};
    long[] nnz = {
        d + k * (2 * a + c) * (c + 1), d - (2 * a + c) + (2 * a + c) * k,
        d - a + 2 * m * n * (a + 1), d - 2 * n + 2 * n * m,
        d - 2 * n + 6 * n * (n + 1), d - n + 6 * n,
        d + 2 * m * n * (a + 1), d - m * n - a + 3 * m * n,
        d + 2 * c * (c + 1), d - c + 4 * c,
        d + n, d - n - 2 * c + 6 * c, d - c + 2 * c};
    return SizeEstimate.fromLayers(config, d, hidden, nnz, HEAP);
  }

  /**
   * The closed form of the {@code onehot} construction (11 layers) when {@code split} is false,
   * of {@code onehot-split} (14 layers) when true. With the paper's d, m, k: an address of L bits
   * decodes into 2^L units of L weights (one layer), or split into {@code h = ceil(L/2)} and
   * {@code L - h} bits, {@code 2^h + 2^(L-h)} units of h and L - h weights, then 2^L units of 2
   * (two layers); a gated bit costs 2 weights. Fetch + next pc: decode pc, gate {@code k(2A+C)}
   * code bits, gather {@code 2A+C} sums of k; read: decode ra and rb (ra cleared), gate
   * {@code 2mN} bits, gather {@code 2N} sums of m; subtract as in the paper; write + branch:
   * decode rb (rb cleared) beside branch's zero test, gate {@code 2mN}, update {@code mN} rows of
   * 3 beside branch's choose and merge; in the split form write also routes r through the low
   * units ({@code 2^h N} units of 2 weights) and copies the {@code 2^(A-h)} high units in the
   * layer of the cell units, beside branch's choose, so merge runs beside the gate.
   */
  public static SizeEstimate<MachineConfig> ofOneHot(MachineConfig config, boolean split) {
    long n = config.wordBits();
    long a = config.dataBits();
    long c = config.codeBits();
    long m = config.dataSize();
    long k = config.codeSize();
    long d = stateDimension(config);
    long[] hidden;
    long[] nnz;
    if (!split) {
      hidden = new long[] {
          k + 4 * c, k * (2 * a + c), 0,
          2 * m, 2 * m * n, 0,
          6 * n, 0,
          m + 1, 2 * m * n + 2 * c, 0};
      nnz = new long[] {
          d + k * c + 2 * c * (c + 1), d - c + 4 * c + 2 * k * (2 * a + c),
          d - (2 * a + c) + (2 * a + c) * k,
          d - a + 2 * m * a, d + 4 * m * n, d - 2 * n + 2 * n * m,
          d - 2 * n + 6 * n * (n + 1), d - n + 6 * n,
          d - a + m * a + n, d - n - 2 * c + 6 * c + 4 * m * n, d - m * n - c + 3 * m * n + 2 * c};
    } else {
      hidden = new long[] {
          halvesUnits(c) + 4 * c, k, k * (2 * a + c), 0,
          2 * halvesUnits(a), 2 * m, 2 * m * n, 0,
          6 * n, 0,
          halvesUnits(a) + 1, m + routedUnits(a, n) + 2 * c, 2 * m * n, 0};
      nnz = new long[] {
          d + halvesWeights(c) + 2 * c * (c + 1), d - c + 4 * c + 2 * k,
          d + 2 * k * (2 * a + c), d - (2 * a + c) + (2 * a + c) * k,
          d - a + 2 * halvesWeights(a), d + 4 * m, d + 4 * m * n, d - 2 * n + 2 * n * m,
          d - 2 * n + 6 * n * (n + 1), d - n + 6 * n,
          d - a + halvesWeights(a) + n, d - n - 2 * c + 2 * m + routedWeights(a, n) + 6 * c,
          d - c + 4 * m * n + 2 * c, d - m * n + 3 * m * n};
    }
    return SizeEstimate.fromLayers(config, d, hidden, nnz, HEAP);
  }

  /** Units of the first split-decoding layer for an address of {@code bits} bits. */
  private static long halvesUnits(long bits) {
    long low = (bits + 1) / 2;
    return (1L << low) + (1L << (bits - low));
  }

  /**
   * Units split write adds beside the cell units: {@code t[u].bit[j]} for {@code 2^h} low units
   * and N bits, and a copy of each of the {@code 2^(A-h)} high units.
   */
  private static long routedUnits(long bits, long n) {
    long low = (bits + 1) / 2;
    return (1L << low) * n + (1L << (bits - low));
  }

  /** Weights of {@link #routedUnits}: 2 per {@code t[u].bit[j]}, 1 per copy. */
  private static long routedWeights(long bits, long n) {
    long low = (bits + 1) / 2;
    return 2 * (1L << low) * n + (1L << (bits - low));
  }

  /** Weights of the first split-decoding layer for an address of {@code bits} bits. */
  private static long halvesWeights(long bits) {
    long low = (bits + 1) / 2;
    return (1L << low) * low + (1L << (bits - low)) * (bits - low);
  }

  /**
   * The closed form of the narrow construction ({@link
   * org.loopmlp.construction.NarrowConstruction}, 10 layers): with the paper's d, m, k, each
   * layer copies every state direction it does not write or clear and adds: fetch {@code
   * k(2A+C)} neurons of {@code C+1} weights beside next pc's C carries ({@code C(C+1)/2}
   * weights), then {@code 2A+C} sums of k and C pc1 bits ({@code 3C-1} weights); read as the
   * paper's; subtract {@code 2N} neurons of 2, then {@code N(N+3)/2} carry terms ({@code
   * N(N+1)(2N+1)/6 + N(N+1)} weights), then N sums ({@code N^2 + 4N - 1} weights); write beside
   * branch as the paper's.
   */
  public static SizeEstimate<MachineConfig> ofNarrow(MachineConfig config) {
    long n = config.wordBits();
    long a = config.dataBits();
    long c = config.codeBits();
    long m = config.dataSize();
    long k = config.codeSize();
    long d = stateDimension(config);
    long[] hidden = {
        k * (2 * a + c) + c, 0,
        2 * m * n, 0,
        2 * n, n * (n + 3) / 2, 0,
        2 * m * n + 1, 2 * c, 0};
    long[] nnz = {
        d + k * (2 * a + c) * (c + 1) + c * (c + 1) / 2,
        d - (2 * a + c) + (2 * a + c) * k - c + 3 * c - 1,
        d - a + 2 * m * n * (a + 1), d - 2 * n + 2 * n * m,
        d + 4 * n, d + n * (n + 1) * (2 * n + 1) / 6 + n * (n + 1), d + n * n + n - 1,
        d + 2 * m * n * (a + 1) + n, d - m * n - a + 3 * m * n - n - 2 * c + 6 * c,
        d - c + 2 * c};
    return SizeEstimate.fromLayers(config, d, hidden, nnz, HEAP);
  }
}
