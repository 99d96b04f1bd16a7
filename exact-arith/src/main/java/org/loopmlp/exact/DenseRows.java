package org.loopmlp.exact;

/**
 * Dense evaluation of a range of rows of an integer layer, {@code y_r = ReLU(B_r + sum_k A_rk
 * x_k)}, in unchecked long arithmetic. Callers have proved that no partial sum can overflow
 * (the bound of {@link ExactBackend}); each method touches only rows {@code [from, to)}, so
 * chunks of one layer can run on different cores.
 */
final class DenseRows {
  private DenseRows() {}

  /** Rows {@code [from, to)} into {@code y}; returns their largest output (outputs are >= 0). */
  static long relu(IntegerLayer layer, int from, int to, long[] x, long[] y) {
    int[] rs = layer.rowStart;
    int[] cols = layer.columns;
    long[] b = layer.longBiases;
    long max = 0;
    if (layer.intWeights != null) {
      int[] w = layer.intWeights;
      for (int r = from; r < to; r++) {
        long acc = b[r];
        for (int k = rs[r], end = rs[r + 1]; k < end; k++) {
          acc += w[k] * x[cols[k]];
        }
        long out = Math.max(acc, 0);
        y[r] = out;
        max = Math.max(max, out);
      }
    } else {
      long[] w = layer.longWeights;
      for (int r = from; r < to; r++) {
        long acc = b[r];
        for (int k = rs[r], end = rs[r + 1]; k < end; k++) {
          acc += w[k] * x[cols[k]];
        }
        long out = Math.max(acc, 0);
        y[r] = out;
        max = Math.max(max, out);
      }
    }
    return max;
  }

  /**
   * Rows {@code [from, to)} recomputed from scratch, keeping pre-activations: {@code z_r = B_r +
   * sum_k A_rk x_k} and {@code y_r = ReLU(z_r)}. Each row whose output differs from the {@code
   * y_r} held before is recorded as {@code (r, new - old)} in {@code changed}/{@code delta} at
   * positions {@code from, from + 1, ...} (a chunk never writes outside its own rows). Returns
   * the number of changed rows; {@code max[chunk]} receives the largest output.
   */
  static int reluTracked(IntegerLayer layer, int from, int to, long[] x, long[] z, long[] y,
      int[] changed, long[] delta, long[] max, int chunk) {
    int[] rs = layer.rowStart;
    int[] cols = layer.columns;
    long[] b = layer.longBiases;
    int[] iw = layer.intWeights;
    long[] lw = layer.longWeights;
    int n = from;
    long m = 0;
    for (int r = from; r < to; r++) {
      long acc = b[r];
      if (iw != null) {
        for (int k = rs[r], end = rs[r + 1]; k < end; k++) {
          acc += iw[k] * x[cols[k]];
        }
      } else {
        for (int k = rs[r], end = rs[r + 1]; k < end; k++) {
          acc += lw[k] * x[cols[k]];
        }
      }
      z[r] = acc;
      long out = Math.max(acc, 0);
      long old = y[r];
      if (out != old) {
        y[r] = out;
        changed[n] = r;
        delta[n] = out - old;
        n++;
      }
      m = Math.max(m, out);
    }
    max[chunk] = m;
    return n - from;
  }
}
