package org.loopmlp.exact;

/**
 * A vector as a backend holds it. Each backend has its own representation (rationals, scaled
 * longs, doubles, floats); every representation can report each entry as an exact rational (for a
 * floating-point backend: the exact value of the float it holds).
 */
public interface StateVector {
  int dimension();

  /** The exact value of entry {@code i}. */
  Rational get(int i);

  /** True when entry {@code i} is exactly 0. */
  default boolean isZero(int i) {
    return get(i).isZero();
  }

  /** True when entry {@code i} is exactly 1. */
  default boolean isOne(int i) {
    return get(i).equals(Rational.ONE);
  }

  default Rational[] toRationals() {
    Rational[] r = new Rational[dimension()];
    for (int i = 0; i < r.length; i++) {
      r[i] = get(i);
    }
    return r;
  }
}
