package org.loopmlp.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * {@link Rational} against an independent model: a fraction of two BigIntegers, reduced with
 * BigInteger.gcd, compared by cross-multiplication.
 */
@StatisticsReport(onFailureOnly = true)
class RationalProperties {

  /** The model: n/d with d > 0 and gcd(n, d) = 1. */
  record Fraction(BigInteger n, BigInteger d) {
    static Fraction of(BigInteger n, BigInteger d) {
      if (d.signum() < 0) {
        n = n.negate();
        d = d.negate();
      }
      BigInteger g = n.gcd(d);
      return g.signum() == 0 ? new Fraction(n, d) : new Fraction(n.divide(g), d.divide(g));
    }

    Fraction add(Fraction o) {
      return of(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d));
    }

    Fraction multiply(Fraction o) {
      return of(n.multiply(o.n), d.multiply(o.d));
    }

    Fraction divide(Fraction o) {
      return of(n.multiply(o.d), d.multiply(o.n));
    }

    int compareTo(Fraction o) {
      return n.multiply(o.d).compareTo(o.n.multiply(d));
    }

    Rational toRational() {
      return Rational.of(n, d);
    }
  }

  /** Longs with their edge cases, and integers of up to 100 bits. */
  static Arbitrary<BigInteger> integers() {
    Arbitrary<BigInteger> longs = Arbitraries.longs().map(BigInteger::valueOf);
    Arbitrary<BigInteger> edges = Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1,
        0L, 1L, -1L, 1L << 62, 6L, -6L).map(BigInteger::valueOf);
    Arbitrary<BigInteger> small = Arbitraries.longs().between(-50, 50).map(BigInteger::valueOf);
    Arbitrary<BigInteger> huge = Arbitraries.bigIntegers()
        .between(BigInteger.ONE.shiftLeft(100).negate(), BigInteger.ONE.shiftLeft(100));
    return Arbitraries.frequencyOf(Tuple.of(3, longs), Tuple.of(2, edges), Tuple.of(3, small),
        Tuple.of(2, huge));
  }

  @Provide
  Arbitrary<Fraction> fractions() {
    return Combinators.combine(integers(), integers().filter(d -> d.signum() != 0))
        .as(Fraction::of);
  }

  @Property(tries = 500)
  @StatisticsReport(onFailureOnly = true)
  void canonicalFormMatchesTheModel(@ForAll("fractions") Fraction f) {
    Rational r = f.toRational();
    assertEquals(f.n(), r.numerator());
    assertEquals(f.d(), r.denominator());
    boolean fits = f.n().bitLength() <= 63 && f.d().bitLength() <= 63;
    assertEquals(fits, r.isSmall());
    assertEquals(f.d().equals(BigInteger.ONE) && f.n().bitLength() <= 63, r.isLong());
    Statistics.label("form").collect(r.isLong() ? "long" : r.isSmall() ? "long fraction" : "big");
  }

  @Property(tries = 500)
  void arithmeticMatchesTheModel(@ForAll("fractions") Fraction a, @ForAll("fractions") Fraction b) {
    Rational x = a.toRational();
    Rational y = b.toRational();
    assertEquals(a.add(b).toRational(), x.add(y));
    assertEquals(a.add(Fraction.of(b.n().negate(), b.d())).toRational(), x.subtract(y));
    assertEquals(a.multiply(b).toRational(), x.multiply(y));
    if (b.n().signum() != 0) {
      assertEquals(a.divide(b).toRational(), x.divide(y));
    }
    assertEquals(Integer.signum(a.compareTo(b)), Integer.signum(x.compareTo(y)));
    assertEquals(a.compareTo(b) == 0, x.equals(y));
    if (x.equals(y)) {
      assertEquals(x.hashCode(), y.hashCode());
    }
  }

  @Property(tries = 300)
  void negateReluParseAndToString(@ForAll("fractions") Fraction a) {
    Rational x = a.toRational();
    assertEquals(Fraction.of(a.n().negate(), a.d()).toRational(), x.negate());
    assertEquals(a.n().signum() < 0 ? Rational.ZERO : x, x.relu());
    String expected = a.d().equals(BigInteger.ONE) ? a.n().toString() : a.n() + "/" + a.d();
    assertEquals(expected, x.toString());
    assertEquals(x, Rational.parse(expected));
  }

  @Property(tries = 500)
  void doubleAndFloatValuesAreCorrectlyRounded(@ForAll("fractions") Fraction a) {
    Rational x = a.toRational();
    BigDecimal exact = new BigDecimal(a.n()).divide(new BigDecimal(a.d()),
        new MathContext(60, RoundingMode.HALF_EVEN));
    double d = x.doubleValue();
    // Correct rounding: no double is strictly closer to the exact value than d.
    assertNearest(a, Rational.ofExactDouble(d), Rational.ofExactDouble(Math.nextUp(d)),
        Rational.ofExactDouble(Math.nextDown(d)));
    float f = x.floatValue();
    assertNearest(a, Rational.ofExactDouble(f), Rational.ofExactDouble(Math.nextUp(f)),
        Rational.ofExactDouble(Math.nextDown(f)));
    assertTrue(Math.abs(exact.doubleValue() - d) <= Math.ulp(d));
  }

  private static void assertNearest(Fraction a, Rational chosen, Rational up, Rational down) {
    Rational exact = a.toRational();
    Rational err = chosen.subtract(exact).abs();
    assertTrue(err.compareTo(up.subtract(exact).abs()) <= 0, "next up is closer");
    assertTrue(err.compareTo(down.subtract(exact).abs()) <= 0, "next down is closer");
  }

  @Property(tries = 300)
  void ofExactDoubleIsExact(@ForAll double d) {
    if (!Double.isFinite(d)) {
      return;
    }
    Rational r = Rational.ofExactDouble(d);
    BigDecimal bd = new BigDecimal(d);
    assertEquals(0, new BigDecimal(r.numerator()).compareTo(bd.multiply(new BigDecimal(r.denominator()))));
  }
}
