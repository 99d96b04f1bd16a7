package org.loopmlp.exact;

/**
 * Evaluation in IEEE single precision, as a GPU in float32 would do it (SPEC §6): weights,
 * biases and inputs are rounded to the nearest float, each row accumulates {@code b + sum w x}
 * left to right in float (product rounded, then sum rounded; no fused multiply-add). Not exact;
 * its vectors report the exact values of the floats they hold.
 */
public final class Float32Backend extends FloatingPointBackend<float[]> {
  public static final Float32Backend INSTANCE = new Float32Backend();

  private Float32Backend() {
    super("float32");
  }

  @Override
  float[] round(Rational[] values) {
    float[] r = new float[values.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = values[i].floatValue();
    }
    return r;
  }

  @Override
  Float32Vector wrap(float[] values) {
    return Float32Vector.wrap(values);
  }

  @Override
  float[] valuesOf(StateVector v) {
    return v instanceof Float32Vector own ? own.valuesUnsafe() : null;
  }

  /** ReLU keeps NaN (as {@code torch.relu} does): only values below zero become 0. */
  @Override
  float[] applyLayer(int[] rowStart, int[] columns, float[] w, float[] b, float[] x) {
    float[] y = new float[b.length];
    for (int r = 0; r < y.length; r++) {
      float acc = b[r];
      for (int k = rowStart[r], end = rowStart[r + 1]; k < end; k++) {
        acc += w[k] * x[columns[k]];
      }
      y[r] = acc < 0 ? 0 : acc;
    }
    return y;
  }
}
