package org.loopmlp.construction;

import org.loopmlp.exact.StateVector;

/**
 * Where a register's bits sit in a layout, and its value read off a state vector, for the codecs
 * of every machine (SPEC §7: bits {0, 1}, least significant first, words in two's complement).
 * The memory's coordinates are looked up once per codec ({@link #memory}).
 */
public final class RegisterBits {
  private RegisterBits() {}

  /** The coordinates of {@code r}'s bits in {@code layout}, least significant first. */
  public static int[] indices(StateLayout layout, Register r) {
    int[] idx = new int[r.width()];
    for (int t = 0; t < idx.length; t++) {
      idx[t] = layout.indexOf(r.bit(t));
    }
    return idx;
  }

  /**
   * The coordinates of every memory word of {@code regs}, and per coordinate of {@code layout}
   * the address of the word it is a bit of, or {@code other} where it is none.
   */
  public record Memory(int[][] words, int[] wordOf) {}

  /** The memory coordinates of {@code regs} in {@code layout}; {@code other} elsewhere. */
  public static Memory memory(StateLayout layout, SubleqRegisters regs, int other) {
    int[][] words = new int[regs.memory().size()][];
    int[] wordOf = new int[layout.dimension()];
    java.util.Arrays.fill(wordOf, other);
    for (int a = 0; a < words.length; a++) {
      words[a] = indices(layout, regs.mem(a));
      for (int i : words[a]) {
        wordOf[i] = a;
      }
    }
    return new Memory(words, wordOf);
  }

  /**
   * The value of {@code r}, whose bits are at {@code idx}: its bits read least significant first
   * as {@link Register#valueOf} reads them (two's complement below 64 bits: minus 2^width when
   * the top bit is set).
   *
   * @throws DecodeException naming the first bit that is not exactly 0 or 1
   */
  public static long read(StateVector vector, Register r, int[] idx) {
    long u = 0;
    for (int t = 0; t < idx.length; t++) {
      int i = idx[t];
      if (vector.isOne(i)) {
        u |= 1L << t;
      } else if (!vector.isZero(i)) {
        throw new DecodeException(r.bit(t), vector.get(i), "a bit 0 or 1");
      }
    }
    if (r.encoding() == Register.Encoding.TWOS_COMPLEMENT && idx.length < 64
        && (u >>> (idx.length - 1) & 1) == 1) {
      u -= 1L << idx.length;
    }
    return u;
  }
}
