package org.loopmlp.prove;

import java.util.List;

/**
 * The largest magnitude any partial sum of a neuron's dot product can reach, layer by layer of a
 * stage, over every stage input in its box (each input a bit, or 0 when an earlier stage cleared
 * it): for row r, {@code |b_r| + sum_k |w_rk| * max x_k} with {@code max x_k} the upper end of
 * input k's range (every value here is >= 0: inputs are bits, hidden values are ReLU outputs),
 * and at least every |weight| (a weight must itself be exact in the format, even where its input
 * is always 0). Ranges follow by interval arithmetic: {@code max ReLU(pre) = max(0, b + sum of
 * w * (w > 0 ? max x : min x))}. The bound of a layer is the largest over its rows; it bounds the
 * layer's outputs too. If every layer's bound is at most 2^p, the layer is exact in a format with
 * p significand bits whatever the order of summation (see {@code
 * org.loopmlp.certcheck.FloatFormat}). Saturates at {@link Long#MAX_VALUE}.
 */
final class PartialSumBounds {
  private PartialSumBounds() {}

  /** One bound per layer; {@code zeroInputs[v] == 0} marks an input fixed to 0. */
  static long[] of(List<IntegerLayer> layers, byte[] zeroInputs) {
    long[] low = new long[zeroInputs.length];
    long[] high = new long[zeroInputs.length];
    for (int v = 0; v < high.length; v++) {
      high[v] = zeroInputs[v] == 0 ? 0 : 1;
    }
    long[] bounds = new long[layers.size()];
    for (int l = 0; l < layers.size(); l++) {
      IntegerLayer layer = layers.get(l);
      long[] nextLow = new long[layer.rows()];
      long[] nextHigh = new long[layer.rows()];
      long layerBound = 0;
      for (int r = 0; r < layer.rows(); r++) {
        long b = layer.biases()[r];
        long partial = Math.abs(b);
        long preLow = b;
        long preHigh = b;
        for (int k = layer.rowStart()[r]; k < layer.rowStart()[r + 1]; k++) {
          long w = layer.weights()[k];
          int col = layer.columns()[k];
          layerBound = Math.max(layerBound, Math.abs(w));
          partial = add(partial, times(Math.abs(w), high[col]));
          preLow = add(preLow, times(w, w > 0 ? low[col] : high[col]));
          preHigh = add(preHigh, times(w, w > 0 ? high[col] : low[col]));
        }
        nextLow[r] = Math.max(0, preLow);
        nextHigh[r] = Math.max(0, preHigh);
        layerBound = Math.max(layerBound, partial);
      }
      bounds[l] = layerBound;
      low = nextLow;
      high = nextHigh;
    }
    return bounds;
  }

  private static long add(long a, long b) {
    long s = a + b;
    // saturate on overflow, keeping the sign of the operands
    return ((a ^ s) & (b ^ s)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : s;
  }

  private static long times(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    return (hi == 0 && lo >= 0) || (hi == -1 && lo < 0) ? lo
        : (a < 0) != (b < 0) ? Long.MIN_VALUE : Long.MAX_VALUE;
  }
}
