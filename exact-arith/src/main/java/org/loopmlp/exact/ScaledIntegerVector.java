package org.loopmlp.exact;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A vector of exact rationals held as integer numerators over one common denominator: entry
 * {@code i} is {@code numerator(i) / denominator()}. The representation of the {@code exact}
 * backend. Immutable.
 *
 * <p>Canonical form: the denominator is positive and shares no factor with all numerators
 * together (it is 1 for an integer vector, and for the zero vector); the numerators are held in a
 * {@code long[]} when every one of them fits in a long, otherwise in a {@code BigInteger[]}. Two
 * vectors with the same values therefore have the same representation.
 */
public final class ScaledIntegerVector implements StateVector {
  private static final long NOT_A_LONG = -1;

  private final long[] longs;
  private final BigInteger[] bigs;
  private final BigInteger denominator;
  /** The denominator as a long, or {@link #NOT_A_LONG} when it does not fit. */
  private final long denominatorLong;
  /** {@code max_i |numerator(i)|} saturated at Long.MAX_VALUE, or -1 until first asked. */
  private long maxAbs = -1;

  private ScaledIntegerVector(long[] longs, BigInteger[] bigs, BigInteger denominator) {
    this.longs = longs;
    this.bigs = bigs;
    this.denominator = denominator;
    this.denominatorLong = denominator.bitLength() <= 63 ? denominator.longValue() : NOT_A_LONG;
  }

  /** The integer vector {@code values} (copied). */
  public static ScaledIntegerVector ofLongs(long... values) {
    return new ScaledIntegerVector(values.clone(), null, BigInteger.ONE);
  }

  /** The vector {@code numerators[i] / denominator} (copied and reduced). */
  public static ScaledIntegerVector of(BigInteger[] numerators, BigInteger denominator) {
    checkArgument(denominator.signum() > 0, "denominator must be positive, was %s", denominator);
    BigInteger[] copy = numerators.clone();
    for (int i = 0; i < copy.length; i++) {
      checkNotNull(copy[i], "numerator %s is null", i);
    }
    return ofBigOwned(copy, denominator);
  }

  /** The same values as {@code v}, exactly. */
  public static ScaledIntegerVector copyOf(StateVector v) {
    if (v instanceof ScaledIntegerVector) {
      return (ScaledIntegerVector) v;
    }
    if (v instanceof VersionedVector versioned) {
      return new ScaledIntegerVector(versioned.valuesForReading().clone(), null, BigInteger.ONE);
    }
    if (v instanceof EditedVector e) {
      long[] values = e.longsOrNull();
      if (values != null) {
        return new ScaledIntegerVector(values, null, BigInteger.ONE);
      }
    }
    Rational[] r = v.toRationals();
    boolean allLong = true;
    for (Rational q : r) {
      allLong &= q.isLong();
    }
    if (allLong) {
      long[] values = new long[r.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = r[i].longValueExact();
      }
      return new ScaledIntegerVector(values, null, BigInteger.ONE);
    }
    BigInteger lcm = BigInteger.ONE;
    for (Rational q : r) {
      lcm = lcm(lcm, q.denominator());
    }
    BigInteger[] nums = new BigInteger[r.length];
    for (int i = 0; i < nums.length; i++) {
      nums[i] = r[i].numerator().multiply(lcm.divide(r[i].denominator()));
    }
    return ofBigOwned(nums, lcm);
  }

  /** Integer numerators the caller gives up, denominator 1. */
  static ScaledIntegerVector wrapLongs(long[] values) {
    return new ScaledIntegerVector(values, null, BigInteger.ONE);
  }

  /** Integer numerators the caller gives up, denominator 1, with their known max |value|. */
  static ScaledIntegerVector wrapLongs(long[] values, long maxAbs) {
    ScaledIntegerVector v = new ScaledIntegerVector(values, null, BigInteger.ONE);
    v.maxAbs = maxAbs;
    return v;
  }

  /**
   * {@code max_i |numerator(i)|} of a long-form vector, saturated at Long.MAX_VALUE; computed
   * once (a benign race: every thread computes the same value).
   */
  long maxAbsLong() {
    long m = maxAbs;
    if (m < 0) {
      long max = 0;
      long min = 0;
      for (long v : longs) {
        max = Math.max(max, v);
        min = Math.min(min, v);
      }
      m = Math.max(max, IntegerLayer.absSaturated(min));
      maxAbs = m;
    }
    return m;
  }

  /** Numerators the caller gives up over a positive denominator; reduces to canonical form. */
  static ScaledIntegerVector ofBigOwned(BigInteger[] nums, BigInteger denominator) {
    if (!denominator.equals(BigInteger.ONE)) {
      BigInteger g = denominator;
      for (int i = 0; i < nums.length && !g.equals(BigInteger.ONE); i++) {
        g = g.gcd(nums[i]);
      }
      if (!g.equals(BigInteger.ONE)) {
        for (int i = 0; i < nums.length; i++) {
          nums[i] = nums[i].divide(g);
        }
        denominator = denominator.divide(g);
      }
    }
    for (BigInteger n : nums) {
      if (n.bitLength() > 63) {
        return new ScaledIntegerVector(null, nums, denominator);
      }
    }
    long[] values = new long[nums.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = nums[i].longValue();
    }
    return new ScaledIntegerVector(values, null, denominator);
  }

  static BigInteger lcm(BigInteger a, BigInteger b) {
    if (a.equals(BigInteger.ONE)) {
      return b;
    }
    if (b.equals(BigInteger.ONE) || a.equals(b)) {
      return a;
    }
    return a.divide(a.gcd(b)).multiply(b);
  }

  @Override
  public int dimension() {
    return longs != null ? longs.length : bigs.length;
  }

  /** True when every numerator fits in a long (the fast representation). */
  public boolean isLongForm() {
    return longs != null;
  }

  /** The common denominator (positive; 1 for an integer vector). */
  public BigInteger denominator() {
    return denominator;
  }

  /** True when every entry is an integer. */
  public boolean isInteger() {
    return denominatorLong == 1;
  }

  /** The numerator of entry {@code i} over {@link #denominator()}. */
  public BigInteger numerator(int i) {
    return longs != null ? BigInteger.valueOf(longs[i]) : bigs[i];
  }

  /** The numerators as BigIntegers (a fresh array). */
  BigInteger[] numeratorsBig() {
    if (bigs != null) {
      return bigs.clone();
    }
    BigInteger[] r = new BigInteger[longs.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = BigInteger.valueOf(longs[i]);
    }
    return r;
  }

  /** The long numerators themselves (not copied; callers must not write); null unless long form. */
  long[] longsUnsafe() {
    return longs;
  }

  /** The denominator as a long, or -1 when it does not fit. */
  long denominatorLong() {
    return denominatorLong;
  }

  @Override
  public Rational get(int i) {
    if (longs != null && denominatorLong != NOT_A_LONG) {
      return Rational.of(longs[i], denominatorLong);
    }
    return Rational.of(numerator(i), denominator);
  }

  @Override
  public boolean isZero(int i) {
    return longs != null ? longs[i] == 0 : bigs[i].signum() == 0;
  }

  @Override
  public boolean isOne(int i) {
    return longs != null ? longs[i] == denominatorLong : bigs[i].equals(denominator);
  }

  /** Against another vector of longs over the same denominator: one pass over both arrays. */
  @Override
  public int[] changedSince(StateVector earlier) {
    if (earlier instanceof ScaledIntegerVector e && longs != null && e.longs != null
        && denominator.equals(e.denominator) && longs.length == e.longs.length) {
      int[] changed = new int[16];
      int n = 0;
      for (int i = 0; i < longs.length; i++) {
        if (longs[i] != e.longs[i]) {
          if (n == changed.length) {
            changed = Arrays.copyOf(changed, 2 * n);
          }
          changed[n++] = i;
        }
      }
      return Arrays.copyOf(changed, n);
    }
    return StateVector.super.changedSince(earlier);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ScaledIntegerVector)) {
      return false;
    }
    ScaledIntegerVector v = (ScaledIntegerVector) o;
    return denominator.equals(v.denominator) && Arrays.equals(longs, v.longs)
        && Arrays.equals(bigs, v.bigs);
  }

  @Override
  public int hashCode() {
    return 31 * (longs != null ? Arrays.hashCode(longs) : Arrays.hashCode(bigs))
        + denominator.hashCode();
  }

  @Override
  public String toString() {
    String nums = longs != null ? Arrays.toString(longs) : Arrays.toString(bigs);
    return denominatorLong == 1 ? nums : nums + " / " + denominator;
  }
}
