package org.loopmlp.exact;

import java.util.Arrays;

/**
 * A vector of {@link NarrowFloat} values (float16 or bfloat16), the representation of the
 * {@code float16} and {@code bfloat16} backends. The values are held as floats, which represent
 * every value of both formats exactly. Immutable.
 */
public final class NarrowFloatVector extends FloatingPointVector {
  private final NarrowFloat format;
  private final float[] values;

  private NarrowFloatVector(NarrowFloat format, float[] values) {
    super(format.label());
    this.format = format;
    this.values = values;
  }

  /**
   * A vector of {@code values}, each already a value of {@code format}.
   *
   * @throws IllegalArgumentException if a value is not one of the format
   */
  public static NarrowFloatVector of(NarrowFloat format, float... values) {
    for (float v : values) {
      format.encode(v); // checks membership
    }
    return new NarrowFloatVector(format, values.clone());
  }

  static NarrowFloatVector wrap(NarrowFloat format, float[] values) {
    return new NarrowFloatVector(format, values);
  }

  public NarrowFloat format() {
    return format;
  }

  float[] valuesUnsafe() {
    return values;
  }

  /** The value held at entry {@code i}, as a float (exact). */
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
    return o instanceof NarrowFloatVector v && v.format == format
        && Arrays.equals(values, v.values);
  }

  @Override
  public int hashCode() {
    return 31 * format.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return format.label() + Arrays.toString(values);
  }
}
