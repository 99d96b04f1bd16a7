package org.loopmlp.exact;

import java.util.Arrays;

/**
 * One layer compiled for {@link IncrementalBackend}: the row-major integer layer of the {@code
 * exact} backend for dense evaluation, and a column-major copy of its weights for incremental
 * updates (column {@code c} holds the rows {@code row(k)} and weights {@code A_row(k),c} for
 * {@code k} in {@code [colStart[c], colStart[c + 1])}), so that a change of input {@code c} is
 * pushed to exactly the rows that read it.
 *
 * <p>Overflow: with {@code m} a bound on {@code |x_c|} for the old and the new input, every
 * pre-activation, every partial sum and every update term {@code A_rc (x_c' - x_c)} is at most
 * {@code 2 m sum_k |A_rk| + |B_r|} in absolute value. {@link #maxSafeInput} is the largest
 * {@code m} for which that stays below {@link ExactBackend#SAFE_BOUND} (2^62) in every row, so
 * two such values never overflow a long when added.
 */
final class IncrementalLayer {
  final IntegerLayer dense;
  final RowChunks chunks;
  final int[] colStart;
  final int[] colRow;
  /** The weights, when some does not fit in an int; else null and {@link #colIntWeight} holds them. */
  final long[] colWeight;
  /** The weights as ints, when they all fit (less memory to stream); else null. */
  final int[] colIntWeight;
  /** Largest {@code max |x|} that this layer may read in unchecked long arithmetic; -1 if none. */
  final long maxSafeInput;
  /** Cost of a dense evaluation: stored weights plus rows. */
  final long denseWork;

  private IncrementalLayer(IntegerLayer dense) {
    this.dense = dense;
    this.chunks = RowChunks.of(dense);
    int columns = dense.source.inputDimension();
    int nnz = dense.rowStart[dense.rows];
    this.colStart = new int[columns + 1];
    for (int k = 0; k < nnz; k++) {
      colStart[dense.columns[k] + 1]++;
    }
    for (int c = 0; c < columns; c++) {
      colStart[c + 1] += colStart[c];
    }
    this.colRow = new int[nnz];
    this.colIntWeight = dense.intWeights == null ? null : new int[nnz];
    this.colWeight = dense.intWeights == null ? new long[nnz] : null;
    int[] next = Arrays.copyOf(colStart, columns);
    for (int r = 0; r < dense.rows; r++) {
      for (int k = dense.rowStart[r]; k < dense.rowStart[r + 1]; k++) {
        int at = next[dense.columns[k]]++;
        colRow[at] = r;
        if (colIntWeight != null) {
          colIntWeight[at] = dense.intWeights[k];
        } else {
          colWeight[at] = dense.longWeights[k];
        }
      }
    }
    this.maxSafeInput = maxSafeInput(dense.maxRowAbsSum, dense.maxAbsBias);
    this.denseWork = (long) nnz + dense.rows;
  }

  /** The incremental form of {@code layer}, which must {@linkplain #runsInLongs run in longs}. */
  static IncrementalLayer of(IntegerLayer layer) {
    if (!runsInLongs(layer)) {
      throw new IllegalArgumentException("layer " + layer.source.label()
          + " has fractions or weights beyond a long");
    }
    return new IncrementalLayer(layer);
  }

  /** True when every weight and bias of {@code layer} is an integer that fits in a long. */
  static boolean runsInLongs(IntegerLayer layer) {
    return layer.isIntegral() && layer.weightsFitLong && layer.longBiases != null;
  }

  /** The largest m with {@code 2 m maxRowAbsSum + maxAbsBias < 2^62}; -1 when there is none. */
  static long maxSafeInput(long maxRowAbsSum, long maxAbsBias) {
    long room = ExactBackend.SAFE_BOUND - 1 - maxAbsBias;
    if (room < 0) {
      return -1;
    }
    if (maxRowAbsSum == 0) {
      return Long.MAX_VALUE;
    }
    return maxRowAbsSum >= ExactBackend.SAFE_BOUND ? 0 : room / (2 * maxRowAbsSum);
  }

  int inputDimension() {
    return colStart.length - 1;
  }

  int rows() {
    return dense.rows;
  }

  /** Stored weights in column {@code c}: the rows a change of input {@code c} updates. */
  int columnLength(int c) {
    return colStart[c + 1] - colStart[c];
  }
}
