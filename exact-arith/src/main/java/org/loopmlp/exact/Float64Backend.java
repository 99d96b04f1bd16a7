package org.loopmlp.exact;

/**
 * Evaluation in IEEE double precision, as a GPU in float64 would do it (SPEC §6): weights,
 * biases and inputs are rounded to the nearest double, each row accumulates {@code b + sum w x}
 * left to right in double (product rounded, then sum rounded; no fused multiply-add). Not exact;
 * its vectors report the exact values of the doubles they hold.
 */
public final class Float64Backend extends FloatingPointBackend<double[]> {
  public static final Float64Backend INSTANCE = new Float64Backend();

  private Float64Backend() {
    super("float64");
  }

  @Override
  double[] round(Rational[] values) {
    double[] r = new double[values.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = values[i].doubleValue();
    }
    return r;
  }

  @Override
  Float64Vector wrap(double[] values) {
    return Float64Vector.wrap(values);
  }

  @Override
  double[] valuesOf(StateVector v) {
    return v instanceof Float64Vector own ? own.valuesUnsafe() : null;
  }

  /** ReLU keeps NaN (as {@code torch.relu} does): only values below zero become 0. */
  @Override
  double[] applyLayer(int[] rowStart, int[] columns, double[] w, double[] b, double[] x) {
    double[] y = new double[b.length];
    for (int r = 0; r < y.length; r++) {
      double acc = b[r];
      for (int k = rowStart[r], end = rowStart[r + 1]; k < end; k++) {
        acc += w[k] * x[columns[k]];
      }
      y[r] = acc < 0 ? 0 : acc;
    }
    return y;
  }
}
