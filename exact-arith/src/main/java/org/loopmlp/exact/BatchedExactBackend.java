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
 * {@code |x|} over the whole block, an upper bound of every vector's own {@code m}. A block whose
 * layer fails that bound, or holds a vector that is not an integer long vector, finishes the
 * remaining layers one vector at a time on {@link ExactBackend}, so the outputs always equal
 * {@code ExactBackend.compile(network).apply(x)} for each {@code x}.
 */
public final class BatchedExactBackend {
  /** A block size that keeps a row's accumulators and a column's entries in one cache line. */
  public static final int DEFAULT_BLOCK = 64;

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
      long m = maxAbs(x);
      for (int i = 0; i < layerCount; i++) {
        IntegerLayer layer = single.integerLayer(i);
        if (!fitsLongLoop(layer, m)) {
          return finishOneByOne(i, deinterleave(x, k, i == 0 ? xs : null));
        }
        long[] y = new long[layer.rows * k];
        m = blockLoop(layer, x, y, k);
        x = y;
      }
      return deinterleave(x, k, null);
    }

    /** Layers {@code from}, ... applied to each vector on its own, exactly. */
    private List<ScaledIntegerVector> finishOneByOne(int from, List<ScaledIntegerVector> xs) {
      List<ScaledIntegerVector> r = new ArrayList<>(xs.size());
      for (ScaledIntegerVector v : xs) {
        r.add(single.applyFrom(from, v, LayerObserver.NONE));
      }
      return r;
    }

    private static boolean fitsLongLoop(IntegerLayer layer, long m) {
      if (!layer.isIntegral() || !layer.weightsFitLong || layer.longBiases == null) {
        return false;
      }
      long bound = IntegerLayer.saturatedAdd(
          IntegerLayer.saturatedMultiply(layer.maxRowAbsSum, m), layer.maxAbsBias);
      return bound < ExactBackend.SAFE_BOUND;
    }

    /**
     * {@code y[r*K + j] = ReLU(b_r + sum_k w_k x[c_k*K + j])} for every row r and vector j,
     * unchecked: the caller has shown that no partial sum reaches 2^62. Returns {@code max y}.
     */
    private static long blockLoop(IntegerLayer layer, long[] x, long[] y, int k) {
      long[] acc = new long[k];
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
      return max;
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

    /** The block's vectors; {@code original} when the block is still the input (layer 0). */
    private static List<ScaledIntegerVector> deinterleave(long[] x, int k,
        List<ScaledIntegerVector> original) {
      if (original != null) {
        return original;
      }
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
