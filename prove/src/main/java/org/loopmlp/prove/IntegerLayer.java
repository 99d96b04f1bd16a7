package org.loopmlp.prove;

import static com.google.common.base.Preconditions.checkArgument;

import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;

/** A layer's CSR arrays with the weights and biases as longs (the construction's are integers). */
record IntegerLayer(int[] rowStart, int[] columns, long[] weights, long[] biases) {
  static IntegerLayer of(SparseLayer layer) {
    int rows = layer.outputDimension();
    int[] rowStart = layer.rowStartArray();
    int[] columns = layer.columnArray();
    long[] weights = new long[columns.length];
    long[] biases = new long[rows];
    for (int k = 0; k < columns.length; k++) {
      weights[k] = integer(layer.weight(k), layer);
    }
    for (int r = 0; r < rows; r++) {
      biases[r] = integer(layer.bias(r), layer);
    }
    return new IntegerLayer(rowStart, columns, weights, biases);
  }

  private static long integer(Rational x, SparseLayer layer) {
    checkArgument(x.isLong(), "layer %s holds %s; the prover handles integer weights only",
        layer.label(), x);
    return x.longValueExact();
  }

  int rows() {
    return biases.length;
  }
}
