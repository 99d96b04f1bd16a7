package org.loopmlp.exact;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * Evaluation in IEEE single precision, as a GPU in float32 would do it (DESIGN.md §3): weights,
 * biases and inputs are rounded to the nearest float, each row accumulates {@code b + sum w x}
 * left to right in float (product rounded, then sum rounded; no fused multiply-add). Not exact;
 * its vectors report the exact values of the floats they hold.
 */
public final class Float32Backend implements Backend {
  public static final Float32Backend INSTANCE = new Float32Backend();

  private Float32Backend() {}

  @Override
  public String name() {
    return "float32";
  }

  @Override
  public boolean isExact() {
    return false;
  }

  @Override
  public Backend.Compiled compile(Network network) {
    int depth = network.depth();
    float[][] weights = new float[depth][];
    float[][] biases = new float[depth][];
    for (int i = 0; i < depth; i++) {
      SparseLayer l = network.layer(i);
      weights[i] = new float[l.nonZeros()];
      for (int k = 0; k < weights[i].length; k++) {
        weights[i][k] = l.weight(k).floatValue();
      }
      biases[i] = new float[l.outputDimension()];
      for (int r = 0; r < biases[i].length; r++) {
        biases[i][r] = l.bias(r).floatValue();
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
      public Float32Vector load(StateVector input) {
        if (input instanceof Float32Vector) {
          return (Float32Vector) input;
        }
        float[] v = new float[input.dimension()];
        for (int i = 0; i < v.length; i++) {
          v[i] = input.get(i).floatValue();
        }
        return Float32Vector.wrap(v);
      }

      @Override
      public Float32Vector apply(StateVector input, LayerObserver observer) {
        checkArgument(input.dimension() == network.inputDimension(),
            "input has dimension %s, network reads %s", input.dimension(),
            network.inputDimension());
        float[] x = load(input).valuesUnsafe();
        for (int i = 0; i < depth; i++) {
          float[] y = new float[biases[i].length];
          loop(rowStarts[i], columns[i], weights[i], biases[i], x, y);
          x = y;
          observer.afterLayer(i, network.layer(i), Float32Vector.wrap(x));
        }
        return Float32Vector.wrap(x);
      }
    };
  }

  /** ReLU keeps NaN (as {@code torch.relu} does): only values below zero become 0. */
  static void loop(int[] rowStart, int[] columns, float[] w, float[] b, float[] x, float[] y) {
    for (int r = 0; r < y.length; r++) {
      float acc = b[r];
      for (int k = rowStart[r], end = rowStart[r + 1]; k < end; k++) {
        acc += w[k] * x[columns[k]];
      }
      y[r] = acc < 0 ? 0 : acc;
    }
  }
}
