package org.loopmlp.certcheck;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Binary floating-point formats by their significand precision p (bits, with the implicit one).
 * A format with p bits represents every integer of magnitude at most 2^p exactly, so integer
 * arithmetic whose every operand, product and partial sum stays within 2^p is exact in it,
 * whatever the order of the additions; rounding to nearest (even) stores such a value unchanged.
 */
public enum FloatFormat {
  BFLOAT16("bfloat16", 8), FLOAT16("float16", 11), FLOAT32("float32", 24), FLOAT64("float64", 53);

  private final String label;
  private final int precision;

  FloatFormat(String label, int precision) {
    this.label = label;
    this.precision = precision;
  }

  /** The name used on command lines: float16, bfloat16, float32, float64. */
  public String label() {
    return label;
  }

  /** The significand bits p. */
  public int precision() {
    return precision;
  }

  /** True when integers up to {@code bound} in magnitude (at most 2^p) are exact in the format. */
  public boolean holdsIntegersUpTo(BigInteger bound) {
    return bound.compareTo(BigInteger.ONE.shiftLeft(precision)) <= 0;
  }

  /** The narrowest format holding integers up to {@code bound}, or null when none does. */
  public static FloatFormat narrowestFor(BigInteger bound) {
    return Arrays.stream(values()).filter(f -> f.holdsIntegersUpTo(bound)).findFirst()
        .orElse(null);
  }

  /** The format called {@code label}, or null. */
  public static FloatFormat byLabel(String label) {
    return Arrays.stream(values()).filter(f -> f.label.equals(label)).findFirst().orElse(null);
  }
}
