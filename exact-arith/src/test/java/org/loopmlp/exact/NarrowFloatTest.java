package org.loopmlp.exact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.FloatRange;
import org.junit.jupiter.api.Test;

/**
 * The 16-bit formats against values computed elsewhere: a table of float16 conversions made
 * with NumPy's {@code numpy.float16} (correctly rounded, from its C library), the encodings
 * listed in IEEE 754 and the bfloat16 specification, the well-known rounding corners, and for
 * bfloat16 the bit trick TensorFlow and PyTorch use to round a float.
 */
class NarrowFloatTest {
  private static final NarrowFloat F16 = NarrowFloat.FLOAT16;
  private static final NarrowFloat BF16 = NarrowFloat.BFLOAT16;

  /** Input, bits of numpy.float16(input), value of those bits. */
  private record Row(double input, int bits, double value) {}

  private static final List<Row> NUMPY_FLOAT16 = List.of(
      new Row(1.0, 0x3C00, 1.0),
      new Row(-2.0, 0xC000, -2.0),
      new Row(0.1, 0x2E66, 0.0999755859375),
      new Row(1.0 / 3, 0x3555, 0.333251953125),
      new Row(65504.0, 0x7BFF, 65504.0),
      new Row(65519.0, 0x7BFF, 65504.0),
      new Row(65520.0, 0x7C00, Double.POSITIVE_INFINITY),
      new Row(-65520.0, 0xFC00, Double.NEGATIVE_INFINITY),
      new Row(2049.0, 0x6800, 2048.0),
      new Row(2051.0, 0x6802, 2052.0),
      new Row(2050.0, 0x6801, 2050.0),
      new Row(4097.0, 0x6C00, 4096.0),
      new Row(0x1p-24, 0x0001, 0x1p-24),
      new Row(0x1p-25, 0x0000, 0.0),
      new Row(3 * 0x1p-25, 0x0002, 0x1p-23),
      new Row(2.980232536792755e-08, 0x0001, 0x1p-24),
      new Row(1023 * 0x1p-24, 0x03FF, 6.097555160522461e-05),
      new Row(0x1p-14, 0x0400, 6.103515625e-05),
      new Row(0.99951171875, 0x3BFF, 0.99951171875),
      new Row(1.00048828125, 0x3C00, 1.0),
      new Row(1.00048828126, 0x3C01, 1.0009765625),
      new Row(1e-9, 0x0000, 0.0),
      new Row(6.1e-5, 0x03FF, 6.097555160522461e-05),
      new Row(12345.678, 0x7207, 12344.0));

  @Test
  void float16RoundsAndEncodesAsNumpyDoes() {
    for (Row r : NUMPY_FLOAT16) {
      double rounded = F16.round(r.input());
      assertEquals(r.value(), rounded, () -> "round " + r);
      assertEquals(r.bits(), F16.encode((float) rounded) & 0xFFFF, () -> "encode " + r);
      assertEquals((float) r.value(), F16.decode((short) r.bits()), () -> "decode " + r);
    }
  }

  @Test
  void theNamedCorners() {
    assertEquals(2048.0, F16.round(2049.0)); // tie between 2048 and 2050: even significand
    assertEquals(2052.0, F16.round(2051.0));
    assertEquals(65504.0, F16.maxFinite());
    assertEquals(Double.POSITIVE_INFINITY, F16.round(65520.0));
    assertEquals(65504.0, F16.round(65519.99));
    assertEquals(256.0, BF16.round(257.0));
    assertEquals(260.0, BF16.round(259.0));
    assertEquals(258.0, BF16.round(258.0));
    assertEquals(0x1.fep127, BF16.maxFinite());
    assertEquals(Double.POSITIVE_INFINITY, BF16.round(0x1.ffp127)); // halfway above the largest
    assertEquals(0x1p-133, BF16.round(0x1p-133)); // the least subnormal
    assertEquals(0.0, BF16.round(0x1p-134)); // its half ties to even: zero
    assertEquals(0x1p-132, BF16.round(3 * 0x1p-134));
    assertTrue(Double.isNaN(F16.round(Double.NaN)));
    assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(F16.round(-1e-30)));
  }

  @Test
  void bfloat16EncodingsFromItsSpecification() {
    int[][] table = { // bits, then the value as float bits (bfloat16 is float32's top half)
        {0x3F80, Float.floatToIntBits(1.0f)},
        {0xC000, Float.floatToIntBits(-2.0f)},
        {0x7F7F, Float.floatToIntBits(0x1.fep127f)},
        {0x7F80, Float.floatToIntBits(Float.POSITIVE_INFINITY)},
        {0x0080, Float.floatToIntBits(0x1p-126f)},
        {0x0001, Float.floatToIntBits(0x1p-133f)},
        {0x4049, Float.floatToIntBits(3.140625f)},
        {0x3EAB, Float.floatToIntBits(0.333984375f)}};
    for (int[] row : table) {
      float value = Float.intBitsToFloat(row[1]);
      assertEquals(row[0], BF16.encode(value) & 0xFFFF, () -> "encode " + value);
      assertEquals(value, BF16.decode((short) row[0]));
      assertEquals(row[1] >>> 16, row[0], "bfloat16 bits are the top half of the float's");
    }
    assertEquals(0x3EAB, BF16.encode((float) BF16.round(1.0 / 3)) & 0xFFFF);
    assertEquals(0x4049, BF16.encode((float) BF16.round(Math.PI)) & 0xFFFF);
  }

  /** TensorFlow's float-to-bfloat16 rounding: add 0x7FFF plus the kept lowest bit, truncate. */
  private static float bitTrickBfloat16(float f) {
    int bits = Float.floatToRawIntBits(f);
    int rounded = (bits + 0x7FFF + ((bits >>> 16) & 1)) >>> 16;
    return Float.intBitsToFloat(rounded << 16);
  }

  @Property(tries = 2000)
  void bfloat16RoundsEveryFloatAsTheBitTrickDoes(@ForAll float f) {
    if (Float.isNaN(f)) {
      return;
    }
    assertEquals(bitTrickBfloat16(f), (float) BF16.round(f));
  }

  /** Every finite float16 value, from its 65,536 encodings, in increasing order. */
  private static final double[] FINITE_FLOAT16 = finiteValues(F16);

  private static double[] finiteValues(NarrowFloat format) {
    java.util.TreeSet<Double> values = new java.util.TreeSet<>();
    for (int b = 0; b < 1 << 16; b++) {
      double v = format.decode((short) b);
      if (Double.isFinite(v)) {
        values.add(v);
      }
    }
    double[] sorted = new double[values.size()];
    int i = 0;
    for (double v : values) {
      sorted[i++] = v;
    }
    return sorted;
  }

  @Property(tries = 3000)
  void float16RoundingPicksTheNearestValueTiesToEven(
      @ForAll @DoubleRange(min = -70000, max = 70000) double x) {
    checkNearest(x);
    checkNearest(x * 0x1p-20); // the subnormal range
  }

  private static void checkNearest(double x) {
    int i = Arrays.binarySearch(FINITE_FLOAT16, x);
    double expected;
    if (i >= 0) {
      expected = x;
    } else {
      int above = -i - 1;
      if (above == FINITE_FLOAT16.length) { // beyond 65504: infinity from 65520 on
        expected = x >= 65520 ? Double.POSITIVE_INFINITY : 65504;
      } else if (above == 0) {
        expected = x <= -65520 ? Double.NEGATIVE_INFINITY : -65504;
      } else {
        double lo = FINITE_FLOAT16[above - 1];
        double hi = FINITE_FLOAT16[above];
        double dLo = x - lo;
        double dHi = hi - x;
        expected = dLo < dHi ? lo : dHi < dLo ? hi
            : (F16.encode((float) lo) & 1) == 0 ? lo : hi;
      }
    }
    double got = F16.round(x);
    assertEquals(expected == 0 ? 0.0 : expected, got == 0 ? 0.0 : got, () -> "round " + x);
  }

  @Test
  void everyEncodingDecodesAndEncodesBack() {
    for (NarrowFloat format : NarrowFloat.values()) {
      for (int b = 0; b < 1 << 16; b++) {
        float v = format.decode((short) b);
        if (!Float.isNaN(v)) {
          assertEquals(b, format.encode(v) & 0xFFFF, format + " " + Integer.toHexString(b));
        }
      }
    }
  }

  @Property(tries = 500)
  void roundingARationalAgreesWithRoundingItsExactDouble(
      @ForAll @FloatRange(min = -1e6f, max = 1e6f) float f) {
    for (NarrowFloat format : NarrowFloat.values()) {
      assertEquals((float) format.round((double) f), format.round(Rational.ofExactDouble(f)));
    }
  }

  @Test
  void aRationalJustAboveAMidpointRoundsUp() {
    // 2049 + 2^-60 is 2049 in double (a midpoint of float16); the exact value is above it.
    Rational above = Rational.of(2049).add(Rational.of(java.math.BigInteger.ONE,
        java.math.BigInteger.ONE.shiftLeft(60)));
    assertEquals(2049.0, above.doubleValue());
    assertEquals(2050.0f, F16.round(above));
    assertEquals(2048.0f, F16.round(above.negate().add(Rational.of(4098))));
  }

  @Test
  void encodeRefusesAValueOutsideTheFormat() {
    assertThrows(IllegalArgumentException.class, () -> F16.encode(2049f));
    assertFalse(BF16.contains(257.0));
    assertEquals(NarrowFloat.BFLOAT16, NarrowFloat.named("bfloat16"));
  }
}
