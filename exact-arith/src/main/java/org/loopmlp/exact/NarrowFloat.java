package org.loopmlp.exact;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The 16-bit binary floating-point formats of accelerators, defined by their parameters as IEEE
 * 754 defines a binary format: {@code p} bits of significand (the leading one included), least
 * normal exponent {@code emin}, largest exponent {@code emax}, gradual underflow to subnormals,
 * and rounding to nearest with ties to even. Every value of either format is also a float (and
 * a double), so values travel as Java floats; this class rounds to the format and converts to
 * and from its 16-bit encoding, without the Java 20 {@code Float.floatToFloat16}.
 */
public enum NarrowFloat {
  /** IEEE 754 binary16: 1 sign, 5 exponent, 10 fraction bits; largest finite 65504. */
  FLOAT16("float16", 11, -14, 15),
  /** Brain float: float32's exponent range, 8 bits of significand; largest ~3.39e38. */
  BFLOAT16("bfloat16", 8, -126, 127);

  private final String label;
  private final int precision;
  private final int minExponent;
  private final int maxExponent;
  private final int exponentBits;
  private final double maxFinite;

  NarrowFloat(String label, int precision, int minExponent, int maxExponent) {
    this.label = label;
    this.precision = precision;
    this.minExponent = minExponent;
    this.maxExponent = maxExponent;
    this.exponentBits = 15 - (precision - 1);
    // (2 - 2^(1-p)) * 2^emax: every significand bit set at the largest exponent.
    this.maxFinite = Math.scalb(2.0 - Math.scalb(1.0, 1 - precision), maxExponent);
  }

  /** The name the backends and the command line use: float16, bfloat16. */
  public String label() {
    return label;
  }

  /** Bits of significand, the leading one included: 11 for float16, 8 for bfloat16. */
  public int precision() {
    return precision;
  }

  /** The largest finite value. */
  public double maxFinite() {
    return maxFinite;
  }

  /**
   * {@code x} rounded to this format, ties to even; magnitudes that round beyond the largest
   * finite value become infinite, NaN stays NaN. Correct for every double: the unit in the last
   * place at {@code x}'s binade is {@code 2^(max(e, emin) - p + 1)}, and dividing by that power
   * of two is exact, so {@link Math#rint} (ties to even) rounds the exact value once.
   */
  public double round(double x) {
    if (!Double.isFinite(x) || x == 0) {
      return x;
    }
    int e = Math.max(Math.getExponent(x), minExponent);
    double ulp = Math.scalb(1.0, e - precision + 1);
    double r = Math.rint(x / ulp) * ulp;
    return Math.abs(r) > maxFinite ? Math.copySign(Double.POSITIVE_INFINITY, x) : r;
  }

  /** The value of this format nearest to {@code r} (ties to even), as a float. */
  public float round(Rational r) {
    double d = r.doubleValue();
    // Rounding to double first can only mislead when it lands exactly on a midpoint of this
    // format while the exact value lies beside it; the exact comparison breaks that tie.
    if (Double.isFinite(d) && isMidpoint(d)) {
      int side = r.compareTo(Rational.ofExactDouble(d));
      d = side > 0 ? Math.nextUp(d) : side < 0 ? Math.nextDown(d) : d;
    }
    return (float) round(d);
  }

  private boolean isMidpoint(double d) {
    if (d == 0) {
      return false;
    }
    int e = Math.max(Math.getExponent(d), minExponent);
    double halfUlp = Math.scalb(1.0, e - precision);
    double q = d / halfUlp;
    return q == Math.rint(q) && Math.abs(q % 2) == 1;
  }

  /** True when {@code x} is a value of this format (infinities and NaN included). */
  public boolean contains(double x) {
    return Double.isNaN(x) || round(x) == x;
  }

  /**
   * The 16-bit encoding of {@code x}: sign, biased exponent, fraction; subnormals with exponent
   * field 0. NaN encodes as the quiet NaN with the top fraction bit set.
   *
   * @throws IllegalArgumentException if {@code x} is not a value of this format
   */
  public short encode(float x) {
    checkArgument(contains(x), "%s is not a %s value", x, label);
    int fractionBits = precision - 1;
    int sign = Float.floatToRawIntBits(x) >>> 31 << 15;
    int exponentField;
    int fraction;
    if (Float.isNaN(x)) {
      exponentField = (1 << exponentBits) - 1;
      fraction = 1 << (fractionBits - 1);
    } else if (Float.isInfinite(x)) {
      exponentField = (1 << exponentBits) - 1;
      fraction = 0;
    } else if (x == 0) {
      exponentField = 0;
      fraction = 0;
    } else {
      double a = Math.abs((double) x);
      int e = Math.getExponent(a);
      if (e < minExponent) { // subnormal: a = fraction * 2^(emin - p + 1)
        exponentField = 0;
        fraction = (int) Math.scalb(a, -(minExponent - fractionBits));
      } else { // normal: a = (1 + fraction / 2^(p-1)) * 2^e
        exponentField = e - minExponent + 1;
        fraction = (int) (Math.scalb(a, fractionBits - e) - (1 << fractionBits));
      }
    }
    return (short) (sign | exponentField << fractionBits | fraction);
  }

  /** The value a 16-bit encoding stands for (the inverse of {@link #encode}). */
  public float decode(short bits) {
    int fractionBits = precision - 1;
    int b = bits & 0xFFFF;
    int exponentField = (b >>> fractionBits) & ((1 << exponentBits) - 1);
    int fraction = b & ((1 << fractionBits) - 1);
    double magnitude;
    if (exponentField == (1 << exponentBits) - 1) {
      magnitude = fraction == 0 ? Double.POSITIVE_INFINITY : Double.NaN;
    } else if (exponentField == 0) {
      magnitude = Math.scalb((double) fraction, minExponent - fractionBits);
    } else {
      int e = exponentField - 1 + minExponent;
      magnitude = Math.scalb((double) ((1 << fractionBits) | fraction), e - fractionBits);
    }
    return (float) ((b >>> 15) != 0 ? -magnitude : magnitude);
  }

  /** The format called {@code label}, or an exception naming both. */
  public static NarrowFloat named(String label) {
    for (NarrowFloat f : values()) {
      if (f.label.equals(label)) {
        return f;
      }
    }
    throw new IllegalArgumentException("unknown format '" + label + "', expected float16 or"
        + " bfloat16");
  }

  @Override
  public String toString() {
    return label;
  }
}
