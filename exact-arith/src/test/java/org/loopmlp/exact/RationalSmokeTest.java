package org.loopmlp.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RationalSmokeTest {
  @Test
  void addsFractions() {
    assertEquals(Rational.of(5, 6), Rational.of(1, 2).add(Rational.of(1, 3)));
  }

  @Property(tries = 200)
  void sumAgreesWithBigInteger(@ForAll long a, @ForAll long b) {
    BigInteger expected = BigInteger.valueOf(a).add(BigInteger.valueOf(b));
    assertEquals(Rational.of(expected), Rational.of(a).add(Rational.of(b)));
  }

  @Test
  void longMinValueNumeratorsStayCanonical() {
    // -2^63 / 6 = -2^62 / 3: the reduction must not flip the sign onto the denominator.
    Rational r = Rational.of(Long.MIN_VALUE).multiply(Rational.of(1, 6));
    assertEquals(BigInteger.valueOf(-(1L << 62)), r.numerator());
    assertEquals(BigInteger.valueOf(3), r.denominator());
    assertEquals(Rational.of(-(1L << 62), 3), r);
    assertEquals(Rational.of(Long.MIN_VALUE, 6), r);
    assertEquals(r, Rational.of(Long.MIN_VALUE).divide(Rational.of(6)));
  }
}
