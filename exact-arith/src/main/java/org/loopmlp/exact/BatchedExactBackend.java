package org.loopmlp.exact;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exact evaluation of many independent inputs at once: a block of {@code K} integer vectors is
 * held interleaved ({@code x[column * K + j]} is entry {@code column} of vector {@code j}), and
 * each layer is one sweep over its CSR weights that updates all {@code K} accumulators of a row
 * per weight read. Campaigns that evaluate millions of unrelated states (the exhaustive one-pass
 * check, the differential campaign, mutation testing) read each weight once per block instead of
 * once per state.
 *
 * <p>Exact by the {@code exact} backend's own rule (SPEC §6): a layer runs in the unchecked long
 * loop only when {@code maxRowAbsSum * m + maxAbsBias < 2^62}, with {@code m} the largest
 * {@code |x|} over the whole block, an upper bound of every vector's own {@code m}; when that bound
 * is below 2^31 and the weights are ints, the same loop runs in int arithmetic, which the JIT
 * turns into vector instructions (long multiplication has none below AVX-512). A block whose
 * layer fails that bound, or holds a vector that is not an integer long vector, finishes the
 * remaining layers one vector at a time on {@link ExactBackend}, so the outputs always equal
 * {@code ExactBackend.compile(network).apply(x)} for each {@code x}.
 */
public final class BatchedExactBackend {
  /** Vectors per block: enough to fill the vector unit's lanes several times over. */
  public static final int DEFAULT_BLOCK = 64;

  /** Bounds below this run in int arithmetic, which the JIT vectorizes (8 lanes in AVX2). */
  static final long INT_BOUND = 1L << 31;

  private BatchedExactBackend() {}

  /** The network compiled for block evaluation, with blocks of {@code block} vectors. */
  public static Compiled compile(Network network, int block) {
    checkNotNull(network, "network");
    checkArgument(block >= 1, "block size must be >= 1, was %s", block);
    return new Compiled(ExactBackend.INSTANCE.compile(network), block);
  }

  public static Compiled compile(Network network) {
    return compile(network, DEFAULT_BLOCK);
  }

  /** A network compiled for block evaluation. Safe to share between threads. */
  public static final class Compiled {
    private final ExactBackend.Compiled single;
    private final int block;
    private final int layerCount;

    private Compiled(ExactBackend.Compiled single, int block) {
      this.single = single;
      this.block = block;
      this.layerCount = single.network().layers().size();
    }

    public Network network() {
      return single.network();
    }

    public int blockSize() {
      return block;
    }

    /**
     * The network applied to each input, in order: {@code result.get(i)} equals {@code
     * ExactBackend.compile(network).apply(inputs.get(i))}.
     */
    public ImmutableList<ScaledIntegerVector> applyAll(List<? extends StateVector> inputs) {
      checkNotNull(inputs, "inputs");
      ImmutableList.Builder<ScaledIntegerVector> out = ImmutableList.builder();
      for (int from = 0; from < inputs.size(); from += block) {
        List<? extends StateVector> part = inputs.subList(from, Math.min(inputs.size(), from + block));
        out.addAll(applyBlock(part));
      }
      return out.build();
    }

    private List<ScaledIntegerVector> applyBlock(List<? extends StateVector> part) {
      List<ScaledIntegerVector> xs = new ArrayList<>(part.size());
      for (StateVector v : part) {
        single.network().checkInput(v);
        xs.add(ScaledIntegerVector.copyOf(v));
      }
      long[] x = interleave(xs);
      if (x == null) {
        return finishOneByOne(0, xs);
      }
      int k = xs.size();
      Block block = new Block(x, maxAbs(x));
      for (int i = 0; i < layerCount; i++) {
        IntegerLayer layer = single.integerLayer(i);
        long bound = boundOrNegative(layer, block.max);
        if (bound < 0) {
          return finishOneByOne(i, i == 0 ? xs : deinterleave(block.longs(), k));
        }
        block = bound < INT_BOUND && intRows(layer) ? intLoop(layer, block.ints(), block.max, k, i > 0)
            : longLoop(layer, block.longs(), k);
      }
      return deinterleave(block.longs(), k);
    }

    /**
     * The network applied to {@code k} inputs given as rows: {@code x[c][j]} is entry {@code c}
     * of input {@code j}, every entry >= 0; the outputs as rows the same way. Null when a layer
     * needs more than int arithmetic (its bound, by the exact backend's rule with {@code m} the
     * largest entry of the block, reaches 2^31) or has weights beyond ints: the caller then
     * evaluates the inputs one by one. A copy row (weight 1 on one input, bias 0: ReLU(x) = x
     * for x >= 0) is the input's row itself, not a copy, so a pass costs what its other rows
     * compute; the rows of the result may therefore be rows of {@code x} or shared with each
     * other, and must not be modified. For a caller that builds its inputs in place (the
     * exhaustive check writes only the bits that change between states).
     */
    public int[][] applyRows(int[][] x, int k) {
      checkArgument(x.length == single.network().inputDimension(), "%s rows, input dimension %s",
          x.length, single.network().inputDimension());
      long max = 0;
      for (int[] row : x) {
        checkArgument(row.length == k, "a row of %s entries, not %s", row.length, k);
        for (int v : row) {
          checkArgument(v >= 0, "an entry %s < 0", v);
          max = Math.max(max, v);
        }
      }
      int[][] rows = x;
      for (int i = 0; i < layerCount && rows != null; i++) {
        IntegerLayer layer = single.integerLayer(i);
        long bound = boundOrNegative(layer, max);
        if (bound < 0 || bound >= INT_BOUND || !intRows(layer)) {
          return null;
        }
        int[][] y = new int[layer.rows][];
        max = rowLoop(layer, rows, y, (int) max, k);
        rows = y;
      }
      return rows;
    }

    /**
     * {@code y[r][j] = ReLU(b_r + sum_p w_p x[c_p][j])} in int arithmetic (the caller has shown
     * every partial sum below 2^31 in absolute value); {@code max_r,j y[r][j]}, bounded by the
     * input's {@code max} on copy rows.
     */
    private static int rowLoop(IntegerLayer layer, int[][] x, int[][] y, int inMax, int k) {
      int[] w = layer.intWeights;
      int[] zero = null;
      int max = 0;
      for (int r = 0; r < layer.rows; r++) {
        int bias = (int) layer.longBiases[r];
        int first = layer.rowStart[r];
        int end = layer.rowStart[r + 1];
        if (bias == 0 && end == first + 1 && w[first] == 1) {
          y[r] = x[layer.columns[first]];
          max = Math.max(max, inMax);
          continue;
        }
        if (first == end && bias <= 0) {
          y[r] = zero == null ? zero = new int[k] : zero;
          continue;
        }
        int[] acc = new int[k];
        if (first == end) {
          Arrays.fill(acc, bias);
        } else {
          int w0 = w[first];
          int[] in0 = x[layer.columns[first]];
          for (int j = 0; j < k; j++) {
            acc[j] = bias + w0 * in0[j];
          }
        }
        for (int p = first + 1; p < end; p++) {
          int wp = w[p];
          int[] in = x[layer.columns[p]];
          for (int j = 0; j < k; j++) {
            acc[j] += wp * in[j];
          }
        }
        for (int j = 0; j < k; j++) {
          int v = Math.max(acc[j], 0);
          acc[j] = v;
          max = Math.max(max, v);
        }
        y[r] = acc;
      }
      return max;
    }

    /**
     * The block's entries as ints or longs (one of the two; the other made on demand), and
     * {@code max |entry|}.
     */
    private static final class Block {
      private int[] ints;
      private long[] longs;
      final long max;

      Block(long[] longs, long max) {
        this.longs = longs;
        this.max = max;
      }

      Block(int[] ints, long max) {
        this.ints = ints;
        this.max = max;
      }

      /** Only when {@code max} fits an int, or where every weight that reads it is 0. */
      int[] ints() {
        if (ints == null) {
          ints = new int[longs.length];
          for (int i = 0; i < ints.length; i++) {
            ints[i] = (int) longs[i];
          }
        }
        return ints;
      }

      long[] longs() {
        if (longs == null) {
          longs = new long[ints.length];
          for (int i = 0; i < longs.length; i++) {
            longs[i] = ints[i];
          }
        }
        return longs;
      }
    }

    /** Layers {@code from}, ... applied to each vector on its own, exactly. */
    private List<ScaledIntegerVector> finishOneByOne(int from, List<ScaledIntegerVector> xs) {
      List<ScaledIntegerVector> r = new ArrayList<>(xs.size());
      for (ScaledIntegerVector v : xs) {
        r.add(single.applyFrom(from, v, LayerObserver.NONE));
      }
      return r;
    }

    /**
     * {@code maxRowAbsSum * m + maxAbsBias} when the layer is integral with long weights and
     * biases and that bound is below 2^62 (the exact backend's rule), else -1.
     */
    private static long boundOrNegative(IntegerLayer layer, long m) {
      if (!layer.isIntegral() || !layer.weightsFitLong || layer.longBiases == null) {
        return -1;
      }
      long bound = IntegerLayer.saturatedAdd(
          IntegerLayer.saturatedMultiply(layer.maxRowAbsSum, m), layer.maxAbsBias);
      return bound < ExactBackend.SAFE_BOUND ? bound : -1;
    }

    /** True when the layer's weights are ints (its biases are then below the bound too). */
    private static boolean intRows(IntegerLayer layer) {
      return layer.intWeights != null;
    }

    /**
     * {@code y[r*K + j] = ReLU(b_r + sum_p w_p x[c_p*K + j])} for every row r and vector j in
     * int arithmetic: the caller has shown that no partial sum reaches 2^31 in absolute value
     * ({@code |b_r| + sum_p |w_p| * max|x| < 2^31}), so the int loop is exact.
     */
    private static Block intLoop(IntegerLayer layer, int[] x, long inMax, int k,
        boolean nonNegative) {
      int[] w = layer.intWeights;
      int[] y = new int[layer.rows * k];
      int max = 0;
      for (int r = 0; r < layer.rows; r++) {
        int out = r * k;
        int bias = (int) layer.longBiases[r];
        int first = layer.rowStart[r];
        int end = layer.rowStart[r + 1];
        if (first == end) {
          if (bias > 0) { // a new array is 0 already: ReLU(bias) = 0 for bias <= 0
            Arrays.fill(y, out, out + k, bias);
            max = Math.max(max, bias);
          }
          continue;
        }
        int base = layer.columns[first] * k;
        if (nonNegative && bias == 0 && w[first] == 1 && end == first + 1) {
          // a copy row, ReLU(x) = x for x >= 0, bounded by the input's max (< 2^31: the row's
          // bound is at least it)
          System.arraycopy(x, base, y, out, k);
          max = Math.max(max, (int) inMax);
          continue;
        }
        int w0 = w[first];
        for (int j = 0; j < k; j++) {
          y[out + j] = bias + w0 * x[base + j];
        }
        for (int p = first + 1; p < end; p++) {
          int wp = w[p];
          int b = layer.columns[p] * k;
          for (int j = 0; j < k; j++) {
            y[out + j] += wp * x[b + j];
          }
        }
        for (int j = out; j < out + k; j++) {
          int v = Math.max(y[j], 0);
          y[j] = v;
          max = Math.max(max, v);
        }
      }
      return new Block(y, max);
    }

    /** As {@link #intLoop} in long arithmetic; every partial sum is below 2^62. */
    private static Block longLoop(IntegerLayer layer, long[] x, int k) {
      long[] acc = new long[k];
      long[] y = new long[layer.rows * k];
      long max = 0;
      for (int r = 0; r < layer.rows; r++) {
        Arrays.fill(acc, layer.longBiases[r]);
        for (int p = layer.rowStart[r], end = layer.rowStart[r + 1]; p < end; p++) {
          long w = layer.weightLong(p);
          int base = layer.columns[p] * k;
          for (int j = 0; j < k; j++) {
            acc[j] += w * x[base + j];
          }
        }
        int out = r * k;
        for (int j = 0; j < k; j++) {
          long v = Math.max(acc[j], 0);
          y[out + j] = v;
          max = Math.max(max, v);
        }
      }
      return new Block(y, max);
    }

    /** The block interleaved, or null when some vector is not an integer long vector. */
    private static long[] interleave(List<ScaledIntegerVector> xs) {
      int k = xs.size();
      int n = xs.get(0).dimension();
      long[] x = new long[n * k];
      for (int j = 0; j < k; j++) {
        ScaledIntegerVector v = xs.get(j);
        long[] values = v.longsUnsafe();
        if (values == null || !v.isInteger()) {
          return null;
        }
        for (int c = 0; c < n; c++) {
          x[c * k + j] = values[c];
        }
      }
      return x;
    }

    /** The block's vectors, one by one. */
    private static List<ScaledIntegerVector> deinterleave(long[] x, int k) {
      int n = x.length / k;
      List<ScaledIntegerVector> r = new ArrayList<>(k);
      for (int j = 0; j < k; j++) {
        long[] v = new long[n];
        for (int c = 0; c < n; c++) {
          v[c] = x[c * k + j];
        }
        r.add(ScaledIntegerVector.wrapLongs(v));
      }
      return r;
    }

    private static long maxAbs(long[] x) {
      long m = 0;
      for (long v : x) {
        m = Math.max(m, IntegerLayer.absSaturated(v));
      }
      return m;
    }
  }
}
