package org.loopmlp.construction.classic;

import org.loopmlp.construction.size.SizeEstimate;
import org.loopmlp.construction.size.SizeEstimate.HeapModel;
import org.loopmlp.isa.classic.ClassicConfig;

/**
 * The sizes of the classic machine's constructions in closed form, without building them
 * ({@link SizeEstimate}). Dimension, widest layer, non-zero weights and parameters (weights plus
 * one bias per row) are exact: tests compare them with built networks.
 *
 * <p>With m = 2^A words, F = min(2^A - 2, 2^(N-1)) fetch addresses, W = min(A, N) pc bits
 * matched, and the state dimension {@code D = mN + 8N + 28} (memory, pc, ports 20, scratch 7N +
 * 8), every layer copies each state direction it does not write or clear by one identity weight,
 * and adds:
 *
 * <ul>
 *   <li>fetch: {@code 3FN} select neurons of W + 1 weights, the halt test (2 of N), the steps of
 *       pc + 3 (k_t = 4, 3, 2, 2, ... thresholds of t + 1 weights for bit t); then ra, rb, rc (N
 *       rows of F + 2 each), io_a, io_b (NF + 2 each), p3 (bit t: 2 k_t + 2), run (2);
 *   <li>read: {@code 2mN} select neurons of {@code s(i) + 2} weights, where s(i) is the number
 *       of terms of the score of address i (A when N > A; else N - 1, plus 1 unless the bits
 *       N-1..A-1 of i hold as many ones as zeros, which cancel on the repeated sign bit), N input
 *       neurons (4 weights for j < 8, else 3), four op flags (9); then va, vb (m and m + 1);
 *   <li>subtract and I/O: {@code 6N(N+1) + 8N} weights of the steps, 17 I/O neurons (34), taken
 *       (2), executed (4); then r (6 each), br (11), out.byte (2 each), out.valid (2);
 *   <li>write and branch: {@code 2mN} neurons of {@code s(i) + 3}, 3N pc neurons (9N weights);
 *       then mN + N rows of 3.
 * </ul>
 */
public final class ClassicSizes {
  /**
   * Heap of a built classic construction: 8 bytes a stored weight, 12 a row, 150 a named
   * direction; building needs about 2.5 times what the construction holds.
   */
  static final HeapModel HEAP = new HeapModel(8, 12, 150, memory -> memory / 2 * 5);

  private ClassicSizes() {}

  /** The state dimension {@code mN + 8N + 28}: memory, pc, ports 20, scratch 7N + 8. */
  static long stateDimension(ClassicConfig config) {
    return (long) config.memorySize() * config.wordBits() + 8L * config.wordBits() + 28;
  }

  /** The closed form for {@code config}. */
  public static SizeEstimate<ClassicConfig> of(ClassicConfig config) {
    long[][] layers = layers(config);
    return SizeEstimate.fromLayers(config, stateDimension(config), layers[0], layers[1], HEAP);
  }

  /** Hidden neurons and non-zero weights per layer of {@code classic}. */
  private static long[][] layers(ClassicConfig config) {
    long n = config.wordBits();
    long a = config.memoryBits();
    long m = config.memorySize();
    long f = ClassicFetchStage.fetchAddresses(config);
    long w = Math.min(a, n);
    long d = stateDimension(config);
    long scoreTerms = scoreTerms(config);
    PlusThree p3 = PlusThree.of(n);
    long byteBits = Math.min(8, n);
    long[] hidden = {
        3 * f * n + 2 + p3.neurons(), 0,
        2 * m * n + n, 0,
        6 * n + 21, 0,
        2 * m * n + 3 * n, 0};
    long[] nnz = {
        d + 3 * f * n * (w + 1) + 2 * n + p3.weights(),
        (d - 4 * n - 3) + 3 * n * (f + 2) + 2 * (n * f + 2) + p3.rows() + 2,
        (d - n - 7) + 9 + 2 * n * (scoreTerms + 2 * m) + 3 * n + byteBits,
        d - 2 * n + 2 * n * m + n,
        (d - 2 * n - 2) + 6 + 6 * n * (n + 1) + 8 * n + 34,
        (d - n - 10) + 6 * n + 11 + 16 + 2,
        (d - 4 * n - 5) + 2 * n * (scoreTerms + 3 * m) + 9 * n,
        (d - m * n - n) + 3 * m * n + 3 * n};
    return new long[][] {hidden, nnz};
  }

  /**
   * The size of {@code classic-split} for {@code config}: exact when N > A; otherwise an upper
   * bound, as the repeated sign bit of a short word's address cancels some decoding weights. Per
   * layer, with {@code h(L) = ceil(L/2)} low bits and {@code k(L) = L - h(L)} high bits of an
   * address of L bits: fetch decodes the W pc bits ({@code 2^h h + 2^k k} weights, then {@code
   * 2^W} ANDs), gates {@code 3FN} bits by 2 weights beside the halt test and the steps of pc + 3,
   * and gathers as the 8-layer fetch does; read decodes a and b ({@code 2^h h + 2^k (k + 1)}
   * each, io_a inhibiting the high half), ANDs, gates {@code 2mN} bits by 2 weights beside the
   * input value and op flags, and gathers; subtract is unchanged; write decodes b ({@code 2^h h +
   * 2^k (k + 2)}, the write gate inhibiting), ANDs, routes r ({@code 2^h N} ANDs) and copies the
   * high units, gates z and y ({@code 4mN} weights) beside keep, jump and next, and updates.
   */
  public static SizeEstimate<ClassicConfig> ofSplit(ClassicConfig config) {
    long[][] layers = splitLayers(config);
    return SizeEstimate.fromLayers(config, stateDimension(config), layers[0], layers[1], HEAP);
  }

  /** Hidden neurons and non-zero weights per layer of {@code classic-split}. */
  private static long[][] splitLayers(ClassicConfig config) {
    long n = config.wordBits();
    long a = config.memoryBits();
    long m = config.memorySize();
    long f = ClassicFetchStage.fetchAddresses(config);
    long w = Math.min(a, n);
    long d = stateDimension(config);
    PlusThree p3 = PlusThree.of(n);
    long byteBits = Math.min(8, n);
    long hw = (w + 1) / 2;
    long kw = w - hw;
    long ha = (a + 1) / 2;
    long ka = a - ha;
    long halvesW = (1L << hw) + (1L << kw);
    long halvesA = (1L << ha) + (1L << ka);
    long[] hidden = {
        halvesW, 1L << w, 3 * f * n + 2 + p3.neurons(), 0,
        2 * halvesA, 2 * m, 2 * m * n + n, 0,
        6 * n + 21, 0,
        halvesA, m + (1L << ha) * n + (1L << ka), 2 * m * n + 3 * n, 0};
    long[] nnz = {
        d + (1L << hw) * hw + (1L << kw) * kw,
        d + 2 * (1L << w),
        d + 3 * f * n * 2 + 2 * n + p3.weights(),
        (d - 4 * n - 3) + 3 * n * (f + 2) + 2 * (n * f + 2) + p3.rows() + 2,
        (d - n) + 2 * ((1L << ha) * ha + (1L << ka) * (ka + 1)),
        d + 2 * 2 * m,
        (d - 7) + 9 + 2 * m * n * 2 + 3 * n + byteBits,
        d - 2 * n + 2 * n * m + n,
        (d - 2 * n - 2) + 6 + 6 * n * (n + 1) + 8 * n + 34,
        (d - n - 10) + 6 * n + 11 + 16 + 2,
        d + (1L << ha) * ha + (1L << ka) * (ka + 2),
        d + 2 * m + 2 * (1L << ha) * n + (1L << ka),
        (d - 4 * n - 5) + 4 * m * n + 9 * n,
        (d - m * n - n) + 3 * m * n + 3 * n};
    return new long[][] {hidden, nnz};
  }

  /** The size of the classic construction called {@code name}, exact or an upper bound. */
  public static SizeEstimate<ClassicConfig> of(String name, ClassicConfig config) {
    switch (name) {
      case ClassicConstruction.SPLIT_NAME:
        return ofSplit(config);
      case ClassicConstruction.NARROW_NAME:
        return ofNarrow(config, false);
      case ClassicConstruction.NARROW_SPLIT_NAME:
        return ofNarrow(config, true);
      default:
        return of(config);
    }
  }

  /**
   * The size of {@code classic-narrow} (or, {@code split}, {@code classic-narrow-split}): read
   * and write as in {@code classic} ({@code classic-split}); fetch without the steps of pc + 3
   * and the N-weight halt test, with instead 2F units {@code m1} of W + N + 1 weights (N + 1 with
   * a decoding), the halt test (3 neurons of 3N - 2A - 1 weights; none when N <= A: the sign bit),
   * the 2N - 1 carry terms of pc + 3 (N^2 weights), and io_a, io_b gathering F + h weights (h
   * the halt test's terms: 1 or 3); subtract by lookahead in 3 layers: 2N generate / kill units
   * beside the 17 I/O units, {@code N(N+3)/2} carry terms ({@code sum_i i^2 + 2i} weights) and
   * eq (2N), then r ({@code N(N-1) + 5N - 1} weights in all) and br (2N + 5). Exact when N > A,
   * as for {@code classic-split}.
   */
  static SizeEstimate<ClassicConfig> ofNarrow(ClassicConfig config, boolean split) {
    long[][] base = split ? splitLayers(config) : layers(config);
    long n = config.wordBits();
    long a = config.memoryBits();
    long f = ClassicFetchStage.fetchAddresses(config);
    long w = Math.min(a, n);
    long d = stateDimension(config);
    long[] hidden = base[0];
    long[] nnz = base[1];
    int fetch = split ? 2 : 0;
    PlusThree p3 = PlusThree.of(n);
    long haltNeurons = n <= a ? 0 : 3;
    long haltWeights = n <= a ? 0 : 2 * (n - a) + (n - 1);
    long haltTerms = n <= a ? 1 : 3;
    hidden[fetch] += -2 - p3.neurons() + haltNeurons + 2 * f + (2 * n - 1);
    nnz[fetch] += -2 * n - p3.weights() + haltWeights + 2 * f * ((split ? 1 : w) + n) + n * n;
    long p3Rows = 0;
    for (long t = 0; t < n; t++) {
      p3Rows += 1 + carryTerms(t) + carryTerms(t + 1) + haltTerms;
    }
    nnz[fetch + 1] = (d - 4 * n - 3) + 3 * n * (f + haltTerms) + 2 * (f + haltTerms) + p3Rows
        + haltTerms;
    int sub = split ? 8 : 4;
    long[] subHidden = {2 * n + 17, n * (n + 3) / 2 + 1, 0};
    long[] subNnz = {
        d - 2 + 4 * n + 40,
        (d - 9) + n * (n + 1) * (2 * n + 1) / 6 + n * (n + 1) + 2 * n + 18,
        (d - 3 * n - 1) + n * (n - 1) + 5 * n - 1 + 2 * n + 5};
    return SizeEstimate.fromLayers(config, d, splice(hidden, sub, subHidden),
        splice(nnz, sub, subNnz), HEAP);
  }

  /** The terms of the carry into bit t of pc + 3: none into bit 0, one into 1, two above. */
  private static long carryTerms(long t) {
    return Math.min(t, 2);
  }

  /** {@code layers} with its two entries from {@code at} replaced by {@code three}. */
  private static long[] splice(long[] layers, int at, long[] three) {
    long[] out = new long[layers.length + 1];
    System.arraycopy(layers, 0, out, 0, at);
    System.arraycopy(three, 0, out, at, 3);
    System.arraycopy(layers, at + 2, out, at + 3, layers.length - at - 2);
    return out;
  }

  /**
   * The steps of pc + 3 in both fetch stages: {@code k_t} thresholds of t + 1 weights for bit t
   * (two neurons each), and the rows that gather them ({@code 2 k_t + 2} weights for bit t).
   */
  private record PlusThree(long weights, long neurons, long rows) {
    static PlusThree of(long n) {
      long weights = 0;
      long neurons = 0;
      long rows = 0;
      for (int t = 0; t < n; t++) {
        long k = ClassicFetchStage.plusThreeSteps(t);
        weights += 2 * k * (t + 1);
        neurons += 2 * k;
        rows += 2 * k + 2;
      }
      return new PlusThree(weights, neurons, rows);
    }
  }

  /** The sum over every address i of the number of terms of its address score s_i. */
  static long scoreTerms(ClassicConfig config) {
    long n = config.wordBits();
    long a = config.memoryBits();
    long m = config.memorySize();
    if (n > a) {
      return m * a;
    }
    // Bits N-1..A-1 of the address all read the sign bit: their weights cancel when balanced.
    long top = a - n + 1;
    long balanced = top % 2 == 0 ? binomial(top, top / 2) << (n - 1) : 0;
    return m * (n - 1) + (m - balanced);
  }

  private static long binomial(long n, long k) {
    long r = 1;
    for (long i = 1; i <= k; i++) {
      r = r * (n - k + i) / i;
    }
    return r;
  }
}
