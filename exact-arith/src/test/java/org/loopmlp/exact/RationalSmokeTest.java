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
}
