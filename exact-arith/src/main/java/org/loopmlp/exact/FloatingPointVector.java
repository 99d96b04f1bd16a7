package org.loopmlp.exact;

/**
 * What {@link Float64Vector} and {@link Float32Vector} share: each entry reports the exact value
 * of the floating-point number it holds; an infinite or NaN entry has none, and asking for it
 * fails.
 */
abstract class FloatingPointVector implements StateVector {
  private final String precision;

  FloatingPointVector(String precision) {
    this.precision = precision;
  }

  /** Entry {@code i} widened to double, which is exact for a float. */
  abstract double entry(int i);

  /** The exact value of entry {@code i}; fails with ArithmeticException if not finite. */
  @Override
  public final Rational get(int i) {
    double v = entry(i);
    if (!Double.isFinite(v)) {
      throw new ArithmeticException("entry " + i + " is " + v + " in " + precision
          + ": no exact value");
    }
    return Rational.ofExactDouble(v);
  }

  /**
   * Against another floating-point vector: entries compared as numbers (two finite floats have
   * the same exact value exactly when they are {@code ==}, -0 and 0 alike), without building
   * rationals; a non-finite entry, which has no exact value, differs unless it is the same
   * non-finite value (NaN beside NaN, the same infinity).
   */
  @Override
  public int[] changedSince(StateVector earlier) {
    if (!(earlier instanceof FloatingPointVector e) || e.dimension() != dimension()) {
      return StateVector.super.changedSince(earlier);
    }
    int[] changed = new int[16];
    int n = 0;
    for (int i = 0; i < dimension(); i++) {
      double a = entry(i);
      double b = e.entry(i);
      if (a != b && !(Double.isNaN(a) && Double.isNaN(b))) {
        if (n == changed.length) {
          changed = java.util.Arrays.copyOf(changed, 2 * n);
        }
        changed[n++] = i;
      }
    }
    return java.util.Arrays.copyOf(changed, n);
  }

  @Override
  public final boolean isZero(int i) {
    return entry(i) == 0;
  }

  @Override
  public final boolean isOne(int i) {
    return entry(i) == 1;
  }
}
