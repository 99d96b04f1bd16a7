package org.loopmlp.exact.bench;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigInteger;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.exact.StateVector;

/**
 * The speed limit of sparse evaluation (SPEC §6): a plain CSR multiply-add loop in {@code
 * long} over the same arrays the {@code exact} backend uses ({@code int[]} columns, {@code int[]}
 * weights when they fit, else {@code long[]}), into preallocated buffers, with no overflow check,
 * no scaling and no bound computation. Not an evaluator: its results are meaningless once a sum
 * overflows or a layer has fractions (each layer is scaled to integers by its common denominator,
 * which changes values but not cost).
 */
public final class BareCsrLoop {
  private final int[][] rowStart;
  private final int[][] columns;
  private final int[][] intWeights;
  private final long[][] longWeights;
  private final long[][] biases;
  private final long[][] buffers;
  private final long multiplyAdds;
  private final int inputDimension;

  private BareCsrLoop(Network network) {
    int depth = network.depth();
    rowStart = new int[depth][];
    columns = new int[depth][];
    intWeights = new int[depth][];
    longWeights = new long[depth][];
    biases = new long[depth][];
    buffers = new long[depth][];
    for (int i = 0; i < depth; i++) {
      SparseLayer l = network.layer(i);
      rowStart[i] = l.rowStartArray();
      columns[i] = l.columnArray();
      long[] w = integers(l.weightArray());
      boolean fitsInt = true;
      for (long v : w) {
        fitsInt &= v == (int) v;
      }
      if (fitsInt) {
        intWeights[i] = new int[w.length];
        for (int k = 0; k < w.length; k++) {
          intWeights[i][k] = (int) w[k];
        }
      } else {
        longWeights[i] = w;
      }
      biases[i] = integers(l.biasArray());
      buffers[i] = new long[l.outputDimension()];
    }
    multiplyAdds = network.nonZeros();
    inputDimension = network.inputDimension();
  }

  /** Compiles the loop for {@code network}. */
  public static BareCsrLoop of(Network network) {
    return new BareCsrLoop(network);
  }

  /** Non-zero weights of the network: multiply-adds per pass. */
  public long multiplyAddsPerPass() {
    return multiplyAdds;
  }

  /** The input as longs (numerators over the common denominator); for feeding {@link #run}. */
  public static long[] integers(StateVector input) {
    return integers(input.toRationals());
  }

  /** One pass; returns the last layer's buffer (reused by the next call). */
  public long[] run(long[] input) {
    checkArgument(input.length == inputDimension, "input has %s entries, network reads %s",
        input.length, inputDimension);
    long[] x = input;
    for (int i = 0; i < rowStart.length; i++) {
      long[] y = buffers[i];
      if (intWeights[i] != null) {
        loop(rowStart[i], columns[i], intWeights[i], biases[i], x, y);
      } else {
        loop(rowStart[i], columns[i], longWeights[i], biases[i], x, y);
      }
      x = y;
    }
    return x;
  }

  private static void loop(int[] rs, int[] cols, int[] w, long[] b, long[] x, long[] y) {
    for (int r = 0; r < y.length; r++) {
      long acc = b[r];
      for (int k = rs[r], end = rs[r + 1]; k < end; k++) {
        acc += w[k] * x[cols[k]];
      }
      y[r] = Math.max(acc, 0);
    }
  }

  private static void loop(int[] rs, int[] cols, long[] w, long[] b, long[] x, long[] y) {
    for (int r = 0; r < y.length; r++) {
      long acc = b[r];
      for (int k = rs[r], end = rs[r + 1]; k < end; k++) {
        acc += w[k] * x[cols[k]];
      }
      y[r] = Math.max(acc, 0);
    }
  }

  /** Values scaled by their common denominator, truncated to longs (cost model only). */
  private static long[] integers(Rational[] values) {
    BigInteger scale = BigInteger.ONE;
    for (Rational v : values) {
      if (!v.isInteger()) {
        BigInteger d = v.denominator();
        scale = scale.divide(scale.gcd(d)).multiply(d);
      }
    }
    long[] r = new long[values.length];
    for (int i = 0; i < r.length; i++) {
      Rational v = values[i];
      r[i] = v.isLong() && scale.equals(BigInteger.ONE)
          ? v.longValueExact()
          : v.numerator().multiply(scale.divide(v.denominator())).longValue();
    }
    return r;
  }
}
