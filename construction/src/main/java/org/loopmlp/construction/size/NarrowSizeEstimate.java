package org.loopmlp.construction.size;

import org.loopmlp.isa.MachineConfig;

/**
 * The size of the narrow construction ({@link org.loopmlp.construction.NarrowConstruction}) in
 * closed form, without building it; dimension, widest layer, non-zero weights and parameters are
 * exact (tests compare them with built networks).
 *
 * <p>With m = 2^A, k = 2^C and D the state dimension (as for the paper construction), each of the
 * 10 layers copies every state direction it does not write or clear and adds: fetch {@code
 * k(2A+C)} neurons of {@code C+1} weights beside next pc's C carries ({@code C(C+1)/2} weights),
 * then {@code 2A+C} sums of k and C pc1 bits ({@code 3C-1} weights); read as the paper's;
 * subtract {@code 2N} neurons of 2, then {@code N(N+3)/2} carry terms ({@code N(N+1)(2N+1)/6 +
 * N(N+1)} weights), then N sums ({@code N^2 + 4N - 1} weights); write beside branch as the
 * paper's.
 */
public final class NarrowSizeEstimate {
  private NarrowSizeEstimate() {}

  /** The closed form for {@code config}. */
  public static SizeEstimate of(MachineConfig config) {
    long n = config.wordBits();
    long a = config.dataBits();
    long c = config.codeBits();
    long m = config.dataSize();
    long k = config.codeSize();
    long d = k * (2 * a + c) + m * n + c + 2 * a + 2 * c + 3 * n;
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
    long totalNnz = 0;
    long rows = 0;
    long widest = 0;
    long directions = d;
    for (int i = 0; i < nnz.length; i++) {
      totalNnz += nnz[i];
      rows += d + hidden[i];
      widest = Math.max(widest, d + hidden[i]);
      directions += hidden[i];
    }
    long memory = totalNnz * SizeEstimate.BYTES_PER_WEIGHT + rows * SizeEstimate.BYTES_PER_ROW
        + directions * SizeEstimate.BYTES_PER_DIRECTION;
    return new SizeEstimate(config, nnz.length, d, widest, totalNnz, totalNnz + rows, memory);
  }
}
