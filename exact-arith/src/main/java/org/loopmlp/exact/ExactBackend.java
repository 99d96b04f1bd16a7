package org.loopmlp.exact;

import com.google.common.collect.ImmutableList;
import java.math.BigInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Exact evaluation in integer arithmetic (SPEC §6, "exact integer backend"). Each layer is
 * scaled to integers by its common denominators ({@link IntegerLayer}); vectors are integers over
 * a common denominator ({@link ScaledIntegerVector}).
 *
 * <p>Never silently wrong: before a layer runs, it takes {@code m = max|x_i|} of the input numerators
 * (one O(n) pass for a loaded input; a layer's output carries the maximum its loop computed); when {@code max_r sum_k |A_rk| * m * s + max_r |B_r| * t < 2^62} (s, t the
 * scale factors below, both 1 for integer layers and inputs) no partial sum of any row can
 * overflow, and the layer runs in an unchecked CSR loop over {@code int[]}/{@code long[]} arrays.
 * Otherwise an integer layer runs row by row, each row in the unchecked loop when its own bound
 * fits and in {@code BigInteger} when it does not; a layer with fractions runs in {@code
 * BigInteger}. The result always equals the {@code rational} backend's.
 *
 * <p>Scaling: with input {@code x = X / d} and layer {@code W = A / D_W}, {@code b = B / D_b},
 * the output is {@code ReLU(s A X + t B) / L} with {@code L = lcm(D_W d, D_b)}, {@code s = L /
 * (D_W d)}, {@code t = L / D_b}, then reduced to canonical form.
 */
public final class ExactBackend implements Backend {
  public static final ExactBackend INSTANCE = new ExactBackend();

  /** Bounds below this run in unchecked long arithmetic (one bit of headroom below 2^63). */
  static final long SAFE_BOUND = 1L << 62;

  private ExactBackend() {}

  @Override
  public String name() {
    return "exact";
  }

  @Override
  public boolean isExact() {
    return true;
  }

  @Override
  public Compiled compile(Network network) {
    return new Compiled(network);
  }

  /** How often each evaluation path ran; for tests and reports. */
  public record Stats(long longLayers, long rowwiseLayers, long bigIntegerRows) {}

  /** A network compiled to integer layers. Safe to share between threads. */
  public static final class Compiled implements Backend.Compiled {
    private final Network network;
    private final ImmutableList<IntegerLayer> layers;
    private final LongAdder longLayers = new LongAdder();
    private final LongAdder rowwiseLayers = new LongAdder();
    private final LongAdder bigIntegerRows = new LongAdder();

    private Compiled(Network network) {
      this.network = network;
      ImmutableList.Builder<IntegerLayer> b = ImmutableList.builder();
      for (SparseLayer l : network.layers()) {
        b.add(new IntegerLayer(l));
      }
      this.layers = b.build();
    }

    @Override
    public Network network() {
      return network;
    }

    /**
     * Counts so far: layers run entirely in the unchecked long loop, layers run row by row (some
     * rows possibly in BigInteger), and rows computed in BigInteger.
     */
    public Stats stats() {
      return new Stats(longLayers.sum(), rowwiseLayers.sum(), bigIntegerRows.sum());
    }

    @Override
    public ScaledIntegerVector load(StateVector input) {
      return ScaledIntegerVector.copyOf(input);
    }

    /** Applies every layer; an input of another backend is first converted exactly. */
    @Override
    public ScaledIntegerVector apply(StateVector input, LayerObserver observer) {
      network.checkInput(input);
      return applyFrom(0, ScaledIntegerVector.copyOf(input), observer);
    }

    /**
     * Applies layers {@code from}, {@code from + 1}, ... to {@code x}, the output of layer {@code
     * from - 1} (the network's input when {@code from} is 0), reporting each layer's output; for
     * backends that evaluate the first layers their own way and hand the rest over.
     */
    ScaledIntegerVector applyFrom(int from, ScaledIntegerVector x, LayerObserver observer) {
      for (int i = from; i < layers.size(); i++) {
        x = applyLayer(layers.get(i), x);
        observer.afterLayer(i, layers.get(i).source, x);
      }
      return x;
    }

    /** Layer {@code index} applied to {@code x}, exactly. */
    ScaledIntegerVector applyLayer(int index, ScaledIntegerVector x) {
      return applyLayer(layers.get(index), x);
    }

    /** The integer form of layer {@code index}, shared with backends built on this one. */
    IntegerLayer integerLayer(int index) {
      return layers.get(index);
    }

    private ScaledIntegerVector applyLayer(IntegerLayer layer, ScaledIntegerVector x) {
      long[] xs = x.longsUnsafe();
      if (xs != null && x.isInteger() && layer.isIntegral() && layer.weightsFitLong
          && layer.longBiases != null) {
        long m = x.maxAbsLong();
        long bound = IntegerLayer.saturatedAdd(
            IntegerLayer.saturatedMultiply(layer.maxRowAbsSum, m), layer.maxAbsBias);
        if (bound < SAFE_BOUND) {
          longLayers.increment();
          long[] y = new long[layer.rows];
          long max = layer.intWeights != null
              ? integerLoop(layer.rowStart, layer.columns, layer.intWeights, layer.longBiases, xs, y)
              : integerLoop(layer.rowStart, layer.columns, layer.longWeights, layer.longBiases, xs,
                  y);
          return ScaledIntegerVector.wrapLongs(y, max);
        }
        rowwiseLayers.increment();
        return rowwise(layer, xs, m);
      }
      rowwiseLayers.increment();
      bigIntegerRows.add(layer.rows);
      return bigLayer(layer, x);
    }

    /** Integer layer, integer input: each row in long when its own bound fits, else BigInteger. */
    private ScaledIntegerVector rowwise(IntegerLayer layer, long[] xs, long m) {
      BigInteger[] ys = new BigInteger[layer.rows];
      long big = 0;
      BigInteger[] xBig = null;
      for (int r = 0; r < layer.rows; r++) {
        long bias = layer.longBiases[r];
        long bound = IntegerLayer.saturatedAdd(
            IntegerLayer.saturatedMultiply(layer.rowAbsSum(r), m), IntegerLayer.absSaturated(bias));
        if (bound < SAFE_BOUND) {
          long acc = bias;
          for (int k = layer.rowStart[r]; k < layer.rowStart[r + 1]; k++) {
            acc += layer.weightLong(k) * xs[layer.columns[k]];
          }
          ys[r] = BigInteger.valueOf(Math.max(acc, 0));
        } else {
          big++;
          if (xBig == null) {
            xBig = ScaledIntegerVector.wrapLongs(xs.clone()).numeratorsBig();
          }
          BigInteger acc = BigInteger.valueOf(bias);
          for (int k = layer.rowStart[r]; k < layer.rowStart[r + 1]; k++) {
            acc = acc.add(BigInteger.valueOf(layer.weightLong(k)).multiply(xBig[layer.columns[k]]));
          }
          ys[r] = acc.signum() > 0 ? acc : BigInteger.ZERO;
        }
      }
      bigIntegerRows.add(big);
      return ScaledIntegerVector.ofBigOwned(ys, BigInteger.ONE);
    }

    /** The general case in BigInteger: any weights, any scales, any input. */
    private static ScaledIntegerVector bigLayer(IntegerLayer layer, ScaledIntegerVector x) {
      BigInteger[] xs = x.numeratorsBig();
      BigInteger inScale = layer.weightScale.multiply(x.denominator());
      BigInteger l = ScaledIntegerVector.lcm(inScale, layer.biasScale);
      BigInteger s = l.divide(inScale);
      BigInteger t = l.divide(layer.biasScale);
      BigInteger[] ys = new BigInteger[layer.rows];
      for (int r = 0; r < layer.rows; r++) {
        BigInteger acc = BigInteger.ZERO;
        for (int k = layer.rowStart[r]; k < layer.rowStart[r + 1]; k++) {
          acc = acc.add(layer.weightBig(k).multiply(xs[layer.columns[k]]));
        }
        acc = acc.multiply(s).add(layer.biasBig(r).multiply(t));
        ys[r] = acc.signum() > 0 ? acc : BigInteger.ZERO;
      }
      return ScaledIntegerVector.ofBigOwned(ys, l);
    }
  }

  /**
   * {@code y = ReLU(A x + b)} without overflow checks; the caller has proved that every partial
   * sum stays below 2^62 in absolute value. Returns {@code max_r y_r} (the outputs are
   * non-negative), which the next layer's bound needs.
   */
  static long integerLoop(int[] rowStart, int[] columns, int[] weights, long[] biases, long[] x,
      long[] y) {
    long max = 0;
    for (int r = 0; r < y.length; r++) {
      long acc = biases[r];
      for (int k = rowStart[r], end = rowStart[r + 1]; k < end; k++) {
        acc += weights[k] * x[columns[k]];
      }
      long out = Math.max(acc, 0);
      y[r] = out;
      max = Math.max(max, out);
    }
    return max;
  }

  /** As {@link #integerLoop(int[], int[], int[], long[], long[], long[])} with long weights. */
  static long integerLoop(int[] rowStart, int[] columns, long[] weights, long[] biases, long[] x,
      long[] y) {
    long max = 0;
    for (int r = 0; r < y.length; r++) {
      long acc = biases[r];
      for (int k = rowStart[r], end = rowStart[r + 1]; k < end; k++) {
        acc += weights[k] * x[columns[k]];
      }
      long out = Math.max(acc, 0);
      y[r] = out;
      max = Math.max(max, out);
    }
    return max;
  }
}
