package org.loopmlp.exact;

/**
 * Evaluation in a 16-bit format ({@link NarrowFloat}: float16 or bfloat16), emulated: weights,
 * biases and inputs are rounded to the nearest value of the format; each row accumulates
 * {@code b + sum w x} left to right with every product rounded to the format and every sum
 * rounded to the format (round to nearest, ties to even; no fused multiply-add), so each
 * layer's output is stored in the format. This is arithmetic done wholly in 16 bits; hardware
 * that accumulates in float32 (tensor cores, ONNX Runtime on a CPU) can only be closer to exact.
 *
 * <p>The operations run in double and are then rounded once to the format. That is the correct
 * rounding of the exact result: a product of two values with at most 11 significant bits is
 * exact in double, and for a sum of two values of a format with p bits, rounding first to
 * q >= 2p + 2 bits (here 53) and then to p bits equals rounding directly to p bits (Figueroa,
 * "When is double rounding innocuous?", SIGNUM 1995).
 */
public final class NarrowFloatBackend extends FloatingPointBackend<float[]> {
  public static final NarrowFloatBackend FLOAT16 = new NarrowFloatBackend(NarrowFloat.FLOAT16);
  public static final NarrowFloatBackend BFLOAT16 = new NarrowFloatBackend(NarrowFloat.BFLOAT16);

  private final NarrowFloat format;

  private NarrowFloatBackend(NarrowFloat format) {
    super(format.label());
    this.format = format;
  }

  public NarrowFloat format() {
    return format;
  }

  @Override
  float[] round(Rational[] values) {
    float[] r = new float[values.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = format.round(values[i]);
    }
    return r;
  }

  @Override
  NarrowFloatVector wrap(float[] values) {
    return NarrowFloatVector.wrap(format, values);
  }

  @Override
  float[] valuesOf(StateVector v) {
    return v instanceof NarrowFloatVector own && own.format() == format ? own.valuesUnsafe()
        : null;
  }

  /** ReLU keeps NaN: only values below zero become 0. */
  @Override
  float[] applyLayer(int[] rowStart, int[] columns, float[] w, float[] b, float[] x) {
    float[] y = new float[b.length];
    for (int r = 0; r < y.length; r++) {
      double acc = b[r];
      for (int k = rowStart[r], end = rowStart[r + 1]; k < end; k++) {
        acc = format.round(acc + format.round((double) w[k] * x[columns[k]]));
      }
      y[r] = (float) (acc < 0 ? 0 : acc);
    }
    return y;
  }
}
