package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkArgument;

import org.loopmlp.exact.Rational;

/**
 * What value a direction may hold after a layer (SPEC §9): exactly 0, a bit in {0, 1}, or an
 * integer in a closed range. Every value of this construction is an integer.
 */
public record Invariant(long low, long high) {
  public static final Invariant ZERO = new Invariant(0, 0);
  public static final Invariant BIT = new Invariant(0, 1);

  public Invariant {
    checkArgument(low <= high, "empty range [%s, %s]", low, high);
  }

  /** Integers in {@code [low, high]}. */
  public static Invariant range(long low, long high) {
    if (low == 0 && high == 0) {
      return ZERO;
    }
    if (low == 0 && high == 1) {
      return BIT;
    }
    return new Invariant(low, high);
  }

  public boolean isZero() {
    return low == 0 && high == 0;
  }

  public boolean isBit() {
    return low == 0 && high == 1;
  }

  /** True when {@code value} is an integer in range. */
  public boolean admits(Rational value) {
    if (!value.isLong()) {
      return false;
    }
    long v = value.longValueExact();
    return v >= low && v <= high;
  }

  @Override
  public String toString() {
    if (isZero()) {
      return "0";
    }
    if (isBit()) {
      return "a bit in {0, 1}";
    }
    return "an integer in [" + low + ", " + high + "]";
  }
}
