package org.loopmlp.exact;

import java.math.BigInteger;

/**
 * A {@link SparseLayer} scaled to integers, the compiled form of the {@code exact} backend
 * (SPEC §6). With {@code D_W} the least common multiple of the weight denominators and
 * {@code D_b} that of the bias denominators, the layer stores the integer weights {@code A = D_W
 * W} and biases {@code B = D_b b}, so that {@code W x + b = A x / D_W + B / D_b}. For the
 * construction every weight and bias is an integer and both scales are 1.
 *
 * <p>Weights are held in the narrowest of {@code int[]}, {@code long[]}, {@code BigInteger[]}
 * that holds them all (one array only), biases in {@code long[]} or else {@code BigInteger[]};
 * the row and column arrays are the source layer's own (both are immutable), so a layer of
 * millions of rows is held about once. The largest row bound {@code sum_k |A_rk|} is precomputed
 * (saturated at {@link Long#MAX_VALUE}) so that evaluation can decide in O(1) per layer whether
 * an unchecked long loop is safe; a single row's bound is computed when a row needs it.
 */
final class IntegerLayer {
  final SparseLayer source;
  final int rows;
  final int[] rowStart;
  final int[] columns;
  /** Non-null when every integer weight fits in an int. */
  final int[] intWeights;
  /** Non-null when every integer weight fits in a long but not every one in an int. */
  final long[] longWeights;
  /** Non-null only when some integer weight does not fit in a long. */
  final BigInteger[] bigWeights;
  /** True when every integer weight fits in a long ({@link #weightLong} then reads it). */
  final boolean weightsFitLong;
  /** Non-null when every integer bias fits in a long. */
  final long[] longBiases;
  /** Non-null only when some integer bias does not fit in a long. */
  final BigInteger[] bigBiases;
  final BigInteger weightScale;
  final BigInteger biasScale;
  /** {@code max_r sum_k |A_rk|}, saturated. */
  final long maxRowAbsSum;
  /** {@code max_r |B_r|}, saturated. */
  final long maxAbsBias;

  IntegerLayer(SparseLayer layer) {
    this.source = layer;
    this.rows = layer.outputDimension();
    this.rowStart = layer.rowStartShared();
    this.columns = layer.columnsShared();
    Rational[] b = layer.biasArray();
    // Integer weights that fit a long (every construction's) come from the table of distinct
    // weights, without one Rational per weight.
    long[] lw = layer.longWeightsOrNull();
    Rational[] w = lw == null ? layer.weightArray() : null;
    this.weightScale = lw == null ? commonDenominator(w) : BigInteger.ONE;
    this.biasScale = commonDenominator(b);
    if (lw == null && weightScale.equals(BigInteger.ONE)) {
      lw = longsIfAllLong(w);
    }
    BigInteger[] a = lw == null ? scaled(w, weightScale) : null;
    boolean fitsInt = true;
    boolean fitsLong = true;
    if (lw != null) {
      for (long v : lw) {
        fitsInt &= v == (int) v;
      }
    } else {
      for (BigInteger v : a) {
        fitsInt &= v.bitLength() <= 31;
        fitsLong &= v.bitLength() <= 63;
      }
      lw = fitsLong ? longs(a) : null;
    }
    this.weightsFitLong = fitsLong;
    this.intWeights = fitsInt ? ints(lw) : null;
    this.longWeights = fitsInt ? null : lw;
    this.bigWeights = fitsLong ? null : a;

    // Integer biases that fit a long (every construction's) are read as longs directly.
    long[] lb = biasScale.equals(BigInteger.ONE) ? longsIfAllLong(b) : null;
    long maxB = 0;
    if (lb != null) {
      for (long v : lb) {
        maxB = Math.max(maxB, absSaturated(v));
      }
      this.longBiases = lb;
      this.bigBiases = null;
    } else {
      BigInteger[] scaledBiases = scaled(b, biasScale);
      boolean biasesFit = true;
      for (BigInteger v : scaledBiases) {
        biasesFit &= v.bitLength() <= 63;
        maxB = Math.max(maxB, saturated(v.abs()));
      }
      this.longBiases = biasesFit ? longs(scaledBiases) : null;
      this.bigBiases = biasesFit ? null : scaledBiases;
    }
    this.maxAbsBias = maxB;

    long maxRow = 0;
    for (int r = 0; r < rows; r++) {
      maxRow = Math.max(maxRow, rowAbsSum(r));
    }
    this.maxRowAbsSum = maxRow;
  }

  /** {@code sum_k |A_rk|} of row {@code r}, saturated. */
  long rowAbsSum(int r) {
    long s = 0;
    for (int k = rowStart[r]; k < rowStart[r + 1]; k++) {
      s = saturatedAdd(s, weightsFitLong ? absSaturated(weightLong(k))
          : saturated(bigWeights[k].abs()));
    }
    return s;
  }

  /** The integer weight at position {@code k}; only when {@link #weightsFitLong}. */
  long weightLong(int k) {
    return intWeights != null ? intWeights[k] : longWeights[k];
  }

  /** The integer bias of row {@code r} as a BigInteger. */
  BigInteger biasBig(int r) {
    return longBiases != null ? BigInteger.valueOf(longBiases[r]) : bigBiases[r];
  }

  boolean isIntegral() {
    return weightScale.equals(BigInteger.ONE) && biasScale.equals(BigInteger.ONE);
  }

  /** The integer weight at position {@code k} as a BigInteger. */
  BigInteger weightBig(int k) {
    return weightsFitLong ? BigInteger.valueOf(weightLong(k)) : bigWeights[k];
  }

  private static BigInteger commonDenominator(Rational[] values) {
    BigInteger d = BigInteger.ONE;
    for (Rational v : values) {
      if (!v.isInteger()) {
        d = ScaledIntegerVector.lcm(d, v.denominator());
      }
    }
    return d;
  }

  private static BigInteger[] scaled(Rational[] values, BigInteger scale) {
    BigInteger[] r = new BigInteger[values.length];
    for (int i = 0; i < r.length; i++) {
      Rational v = values[i];
      r[i] = v.isLong() && scale.equals(BigInteger.ONE)
          ? BigInteger.valueOf(v.longValueExact())
          : v.numerator().multiply(scale.divide(v.denominator()));
    }
    return r;
  }

  private static long[] longs(BigInteger[] a) {
    long[] r = new long[a.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = a[i].longValueExact();
    }
    return r;
  }

  private static int[] ints(long[] a) {
    int[] r = new int[a.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = (int) a[i];
    }
    return r;
  }

  /** The values as longs when every one is an integer that fits a long, else null. */
  static long[] longsIfAllLong(Rational[] values) {
    long[] r = new long[values.length];
    for (int i = 0; i < r.length; i++) {
      if (!values[i].isLong()) {
        return null;
      }
      r[i] = values[i].longValueExact();
    }
    return r;
  }

  /** {@code |v|}, saturated at {@link Long#MAX_VALUE} (for {@code Long.MIN_VALUE}). */
  static long absSaturated(long v) {
    return v == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(v);
  }

  /** A non-negative BigInteger as a long, saturated at {@link Long#MAX_VALUE}. */
  static long saturated(BigInteger nonNegative) {
    return nonNegative.bitLength() <= 63 ? nonNegative.longValue() : Long.MAX_VALUE;
  }

  /** {@code a + b} for non-negative longs, saturated at {@link Long#MAX_VALUE}. */
  static long saturatedAdd(long a, long b) {
    long s = a + b;
    return s < 0 ? Long.MAX_VALUE : s;
  }

  /** {@code a * b} for non-negative longs, saturated at {@link Long#MAX_VALUE}. */
  static long saturatedMultiply(long a, long b) {
    return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
  }
}
