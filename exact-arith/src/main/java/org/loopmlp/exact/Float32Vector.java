package org.loopmlp.exact;

import java.util.Arrays;

/**
 * A vector of floats, the representation of the {@code float32} backend. Each entry reports the
 * exact value of the float it holds; an infinite or NaN entry has none, and asking for it fails.
 * Immutable.
 */
public final class Float32Vector extends FloatingPointVector {
  private final float[] values;

  private Float32Vector(float[] values) {
    super("float32");
    this.values = values;
  }

  public static Float32Vector of(float... values) {
    return new Float32Vector(values.clone());
  }

  static Float32Vector wrap(float[] values) {
    return new Float32Vector(values);
  }

  float[] valuesUnsafe() {
    return values;
  }

  /** The float held at entry {@code i}. */
  public float value(int i) {
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
    return o instanceof Float32Vector && Arrays.equals(values, ((Float32Vector) o).values);
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
