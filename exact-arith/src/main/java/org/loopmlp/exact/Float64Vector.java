package org.loopmlp.exact;

import java.util.Arrays;

/**
 * A vector of doubles, the representation of the {@code float64} backend. Each entry reports the
 * exact value of the double it holds; an infinite or NaN entry has none, and asking for it fails.
 * Immutable.
 */
public final class Float64Vector extends FloatingPointVector {
  private final double[] values;

  private Float64Vector(double[] values) {
    super("float64");
    this.values = values;
  }

  public static Float64Vector of(double... values) {
    return new Float64Vector(values.clone());
  }

  static Float64Vector wrap(double[] values) {
    return new Float64Vector(values);
  }

  double[] valuesUnsafe() {
    return values;
  }

  /** The double held at entry {@code i}. */
  public double value(int i) {
    return values[i];
  }

  @Override
  double entry(int i) {
    return values[i];
  }

  @Override
  public int dimension() {
    return values.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Float64Vector && Arrays.equals(values, ((Float64Vector) o).values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
