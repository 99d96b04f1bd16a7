package org.loopmlp.exact;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Evaluation in IEEE double precision, as a GPU in float64 would do it (DESIGN.md §3): weights,
 * biases and inputs are rounded to the nearest double, each row accumulates {@code b + sum w x}
 * left to right in double (product rounded, then sum rounded; no fused multiply-add). Not exact;
 * its vectors report the exact values of the doubles they hold.
 */
public final class Float64Backend implements Backend {
  public static final Float64Backend INSTANCE = new Float64Backend();

  private Float64Backend() {}

  @Override
  public String name() {
    return "float64";
  }

  @Override
  public boolean isExact() {
    return false;
  }

  @Override
  public Backend.Compiled compile(Network network) {
    int depth = network.depth();
    double[][] weights = new double[depth][];
    double[][] biases = new double[depth][];
    for (int i = 0; i < depth; i++) {
      SparseLayer l = network.layer(i);
      weights[i] = new double[l.nonZeros()];
      for (int k = 0; k < weights[i].length; k++) {
        weights[i][k] = l.weight(k).doubleValue();
      }
      biases[i] = new double[l.outputDimension()];
      for (int r = 0; r < biases[i].length; r++) {
        biases[i][r] = l.bias(r).doubleValue();
      }
    }
    int[][] rowStarts = new int[depth][];
    int[][] columns = new int[depth][];
    for (int i = 0; i < depth; i++) {
      rowStarts[i] = network.layer(i).rowStartArray();
      columns[i] = network.layer(i).columnArray();
    }
    return new Backend.Compiled() {
      @Override
      public Network network() {
        return network;
      }

      @Override
      public Float64Vector load(StateVector input) {
        if (input instanceof Float64Vector) {
          return (Float64Vector) input;
        }
        double[] v = new double[input.dimension()];
        for (int i = 0; i < v.length; i++) {
          v[i] = input.get(i).doubleValue();
        }
        return Float64Vector.wrap(v);
      }

      @Override
      public Float64Vector apply(StateVector input, LayerObserver observer) {
        checkArgument(input.dimension() == network.inputDimension(),
            "input has dimension %s, network reads %s", input.dimension(),
            network.inputDimension());
        double[] x = load(input).valuesUnsafe();
        for (int i = 0; i < depth; i++) {
          double[] y = new double[biases[i].length];
          loop(rowStarts[i], columns[i], weights[i], biases[i], x, y);
          x = y;
          observer.afterLayer(i, network.layer(i), Float64Vector.wrap(x));
        }
        return Float64Vector.wrap(x);
      }
    };
  }

  /** ReLU keeps NaN (as {@code torch.relu} does): only values below zero become 0. */
  static void loop(int[] rowStart, int[] columns, double[] w, double[] b, double[] x, double[] y) {
    for (int r = 0; r < y.length; r++) {
      double acc = b[r];
      for (int k = rowStart[r], end = rowStart[r + 1]; k < end; k++) {
        acc += w[k] * x[columns[k]];
      }
      y[r] = acc < 0 ? 0 : acc;
    }
  }
}
