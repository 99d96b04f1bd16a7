package org.loopmlp.exact;

import java.util.Arrays;

/** A vector of exact rationals. Immutable. */
public final class RationalVector implements StateVector {
  private final Rational[] values;

  private RationalVector(Rational[] values) {
    this.values = values;
  }

  public static RationalVector of(Rational[] values) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        throw new NullPointerException("entry " + i + " is null");
      }
    }
    return new RationalVector(values.clone());
  }

  public static RationalVector copyOf(StateVector v) {
    return v instanceof RationalVector ? (RationalVector) v : new RationalVector(v.toRationals());
  }

  /** A vector of {@code dimension} zeros. */
  public static RationalVector zeros(int dimension) {
    Rational[] v = new Rational[dimension];
    Arrays.fill(v, Rational.ZERO);
    return new RationalVector(v);
  }

  /** Wraps an array the caller gives up. */
  static RationalVector wrap(Rational[] values) {
    return new RationalVector(values);
  }

  @Override
  public int dimension() {
    return values.length;
  }

  @Override
  public Rational get(int i) {
    return values[i];
  }

  @Override
  public Rational[] toRationals() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RationalVector && Arrays.equals(values, ((RationalVector) o).values);
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
