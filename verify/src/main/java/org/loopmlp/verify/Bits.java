package org.loopmlp.verify;

/** A register's value written as bits of a vector (SPEC §7: least significant bit first). */
public final class Bits {
  private Bits() {}

  /**
   * Bit t of {@code value} at {@code idx[t]}: for a two's complement word this is bit t of the
   * long, which holds the same number sign-extended.
   */
  public static void put(long[] v, int[] idx, long value) {
    for (int t = 0; t < idx.length; t++) {
      v[idx[t]] = value >>> t & 1;
    }
  }
}
