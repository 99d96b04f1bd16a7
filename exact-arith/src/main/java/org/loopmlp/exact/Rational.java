package org.loopmlp.exact;

import static com.google.common.base.Preconditions.checkArgument;

import java.math.BigInteger;
import java.util.Objects;
import org.apfloat.Apint;
import org.apfloat.Aprational;

/**
 * An exact rational number. Immutable. Values whose numerator and denominator fit in a {@code
 * long} are held as two longs (the common case: every weight of the construction is a small
 * integer); larger values are held as an apfloat {@link Aprational}. Arithmetic never rounds.
 *
 * <p>Invariant: {@code den > 0}, {@code gcd(|num|, den) == 1}; {@code big == null} iff the value
 * is held in the long fields.
 */
public final class Rational implements Comparable<Rational> {
  public static final Rational ZERO = new Rational(0, 1);
  public static final Rational ONE = new Rational(1, 1);
  public static final Rational MINUS_ONE = new Rational(-1, 1);

  private static final Rational[] SMALL = new Rational[257];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = new Rational(i - 128, 1);
    }
  }

  private final long num;
  private final long den;
  private final Aprational big;

  private Rational(long num, long den) {
    this.num = num;
    this.den = den;
    this.big = null;
  }

  private Rational(Aprational big) {
    this.num = 0;
    this.den = 1;
    this.big = big;
  }

  /** The integer {@code value}. */
  public static Rational of(long value) {
    if (value >= -128 && value <= 128) {
      return SMALL[(int) value + 128];
    }
    return new Rational(value, 1);
  }

  /** The fraction {@code numerator / denominator}, reduced. */
  public static Rational of(long numerator, long denominator) {
    checkArgument(denominator != 0, "denominator must not be 0");
    if (denominator > 0 && numerator != Long.MIN_VALUE) {
      return reduce(numerator, denominator);
    }
    return of(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
  }

  public static Rational of(BigInteger value) {
    return of(value, BigInteger.ONE);
  }

  /** The fraction {@code numerator / denominator}, reduced. */
  public static Rational of(BigInteger numerator, BigInteger denominator) {
    checkArgument(denominator.signum() != 0, "denominator must not be 0");
    if (denominator.signum() < 0) {
      numerator = numerator.negate();
      denominator = denominator.negate();
    }
    BigInteger g = numerator.gcd(denominator);
    if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
      numerator = numerator.divide(g);
      denominator = denominator.divide(g);
    }
    if (numerator.bitLength() <= 63 && denominator.bitLength() <= 63) {
      long n = numerator.longValue();
      long d = denominator.longValue();
      return d == 1 ? of(n) : new Rational(n, d);
    }
    return new Rational(new Aprational(new Apint(numerator), new Apint(denominator)));
  }

  public static Rational of(Aprational value) {
    return of(value.numerator().toBigInteger(), value.denominator().toBigInteger());
  }

  /** The exact value of a finite double (every finite double is a dyadic rational). */
  public static Rational ofExactDouble(double value) {
    checkArgument(Double.isFinite(value), "not a finite double: %s", value);
    if (value == Math.rint(value) && Math.abs(value) < 0x1p62) {
      return of((long) value);
    }
    java.math.BigDecimal d = new java.math.BigDecimal(value);
    BigInteger unscaled = d.unscaledValue();
    int scale = d.scale();
    return scale >= 0
        ? of(unscaled, BigInteger.TEN.pow(scale))
        : of(unscaled.multiply(BigInteger.TEN.pow(-scale)), BigInteger.ONE);
  }

  /** Parses {@code "p"} or {@code "p/q"} with decimal integers p, q. */
  public static Rational parse(String text) {
    int slash = text.indexOf('/');
    try {
      if (slash < 0) {
        return of(new BigInteger(text.trim()));
      }
      return of(
          new BigInteger(text.substring(0, slash).trim()),
          new BigInteger(text.substring(slash + 1).trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a rational number: '" + text + "'", e);
    }
  }

  public boolean isSmall() {
    return big == null;
  }

  public boolean isInteger() {
    return big == null ? den == 1 : big.denominator().equals(Apint.ONE);
  }

  /** True when this is an integer that fits in a long. */
  public boolean isLong() {
    return big == null && den == 1;
  }

  /** The value as a long; fails unless {@link #isLong()}. */
  public long longValueExact() {
    checkArgument(isLong(), "not a long integer: %s", this);
    return num;
  }

  public BigInteger numerator() {
    return big == null ? BigInteger.valueOf(num) : big.numerator().toBigInteger();
  }

  public BigInteger denominator() {
    return big == null ? BigInteger.valueOf(den) : big.denominator().toBigInteger();
  }

  public Aprational toAprational() {
    return big != null ? big : new Aprational(new Apint(num), new Apint(den));
  }

  public int signum() {
    return big == null ? Long.signum(num) : big.signum();
  }

  public boolean isZero() {
    return signum() == 0;
  }

  public Rational add(Rational o) {
    if (big == null && o.big == null) {
      try {
        if (den == 1 && o.den == 1) {
          return of(Math.addExact(num, o.num));
        }
        long n = Math.addExact(Math.multiplyExact(num, o.den), Math.multiplyExact(o.num, den));
        long d = Math.multiplyExact(den, o.den);
        if (n != Long.MIN_VALUE) {
          return reduce(n, d);
        }
      } catch (ArithmeticException overflow) {
        // fall through to the big path
      }
    }
    return of(toAprational().add(o.toAprational()));
  }

  public Rational subtract(Rational o) {
    return add(o.negate());
  }

  public Rational multiply(Rational o) {
    if (big == null && o.big == null) {
      try {
        if (den == 1 && o.den == 1) {
          return of(Math.multiplyExact(num, o.num));
        }
        long n = Math.multiplyExact(num, o.num);
        long d = Math.multiplyExact(den, o.den);
        if (n != Long.MIN_VALUE) {
          return reduce(n, d);
        }
      } catch (ArithmeticException overflow) {
        // fall through to the big path
      }
    }
    return of(toAprational().multiply(o.toAprational()));
  }

  public Rational divide(Rational o) {
    checkArgument(!o.isZero(), "division by zero");
    if (big == null && o.big == null && o.num != Long.MIN_VALUE) {
      // a/b : c/d = a/b * d/c, with the sign moved to the numerator.
      Rational reciprocal = o.num > 0 ? new Rational(o.den, o.num) : new Rational(-o.den, -o.num);
      return multiply(reciprocal);
    }
    return of(toAprational().divide(o.toAprational()));
  }

  public Rational negate() {
    if (big == null && num != Long.MIN_VALUE) {
      return den == 1 ? of(-num) : new Rational(-num, den);
    }
    return of(toAprational().negate());
  }

  public Rational abs() {
    return signum() < 0 ? negate() : this;
  }

  /** {@code max(0, this)}: the ReLU. */
  public Rational relu() {
    return signum() < 0 ? ZERO : this;
  }

  public Rational max(Rational o) {
    return compareTo(o) >= 0 ? this : o;
  }

  /** The double nearest to this value (ties to even); infinite when out of range. */
  public double doubleValue() {
    if (big == null && den == 1) {
      return (double) num; // a long-to-double cast rounds to nearest
    }
    if (big == null && Math.abs(num) <= (1L << 53) && den <= (1L << 53)) {
      return (double) num / den; // both exact, one correctly rounded division
    }
    return roundedQuotient(numerator(), denominator(), 53).doubleValue();
  }

  /** The float nearest to this value (ties to even); infinite when out of range. */
  public float floatValue() {
    if (big == null && Math.abs(num) <= (1L << 24) && den <= (1L << 24)) {
      return (float) num / den;
    }
    return (float) roundedQuotient(numerator(), denominator(), 24).doubleValue();
  }

  /**
   * {@code n / d} as a double carrying at least {@code precision + 2} significant bits with a
   * sticky last bit, so that rounding it to {@code precision} bits rounds the exact quotient
   * correctly. The returned double itself is exact (its integer part has at most 62 bits, scaled
   * by a power of two); values below the normal range of the target type may round twice.
   */
  private static ScaledMantissa roundedQuotient(BigInteger n, BigInteger d, int precision) {
    int sign = n.signum();
    if (sign == 0) {
      return new ScaledMantissa(0, 0);
    }
    BigInteger a = n.abs();
    // Choose k so that q = floor(a * 2^k / d) has between 61 and 62 bits.
    int k = 61 - (a.bitLength() - d.bitLength());
    BigInteger[] qr = (k >= 0 ? a.shiftLeft(k) : a).divideAndRemainder(k >= 0 ? d : d.shiftLeft(-k));
    long q = qr[0].longValueExact();
    if (qr[1].signum() != 0) {
      q |= 1; // sticky bit: the quotient was not exact
    }
    // q has >= 61 bits; keep precision + 2 of them (plus sticky) so one final rounding is correct.
    int drop = 64 - Long.numberOfLeadingZeros(q) - (precision + 2);
    long kept = q >>> drop;
    if ((q & ((1L << drop) - 1)) != 0) {
      kept |= 1;
    }
    return new ScaledMantissa(sign * kept, drop - k);
  }

  /** {@code mantissa * 2^exponent}, where the mantissa has at most 27 or 56 bits. */
  private record ScaledMantissa(long mantissa, int exponent) {
    double doubleValue() {
      return Math.scalb((double) mantissa, exponent);
    }
  }

  /** {@code n / d} in lowest terms; requires {@code d > 0} and {@code n != Long.MIN_VALUE}. */
  private static Rational reduce(long n, long d) {
    long g = gcd(Math.abs(n), d);
    if (g > 1) {
      n /= g;
      d /= g;
    }
    return d == 1 ? of(n) : new Rational(n, d);
  }

  /** Greatest common divisor of two non-negative longs (1 when both are 0). */
  static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a == 0 ? 1 : a;
  }

  @Override
  public int compareTo(Rational o) {
    if (big == null && o.big == null) {
      if (den == 1 && o.den == 1) {
        return Long.compare(num, o.num);
      }
      try {
        return Long.compare(Math.multiplyExact(num, o.den), Math.multiplyExact(o.num, den));
      } catch (ArithmeticException overflow) {
        // fall through
      }
    }
    return toAprational().compareTo(o.toAprational());
  }

  @Override
  public boolean equals(Object obj) {
    if (this == obj) {
      return true;
    }
    if (!(obj instanceof Rational)) {
      return false;
    }
    Rational o = (Rational) obj;
    if (big == null && o.big == null) {
      return num == o.num && den == o.den;
    }
    // Canonical form: a value that fits in longs is never held as big.
    return big != null && o.big != null && big.equals(o.big);
  }

  @Override
  public int hashCode() {
    return big == null ? Objects.hash(num, den) : Objects.hash(numerator(), denominator());
  }

  /** {@code "p"} or {@code "p/q"}; {@link #parse} reads it back. */
  @Override
  public String toString() {
    if (big == null) {
      return den == 1 ? Long.toString(num) : num + "/" + den;
    }
    BigInteger d = denominator();
    return d.equals(BigInteger.ONE) ? numerator().toString() : numerator() + "/" + d;
  }
}
