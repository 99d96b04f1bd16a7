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

  @Override
  public final boolean isZero(int i) {
    return entry(i) == 0;
  }

  @Override
  public final boolean isOne(int i) {
    return entry(i) == 1;
  }
}
