package org.loopmlp.verify;

/**
 * Words as bits of a vector and of a state number (SPEC §7: least significant bit first, words
 * in two's complement), for the machines' state spaces of the exhaustive check.
 */
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

  /** Bit b of the memory, b = i n + t, is bit t of word i: its coordinate. */
  public static int[] memoryBits(int[][] words, int n) {
    int[] inner = new int[n * words.length];
    for (int b = 0; b < inner.length; b++) {
      inner[b] = words[b / n][b % n];
    }
    return inner;
  }

  /** {@code count} words of {@code n} bits: word i is bits [i n, (i + 1) n) of {@code index}. */
  public static long[] words(long index, int n, int count) {
    long[] mem = new long[count];
    for (int i = 0; i < count; i++) {
      mem[i] = index << (64 - (i + 1) * n) >> (64 - n);
    }
    return mem;
  }
}
