package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.math.BigInteger;
import java.util.List;

/**
 * A named group of bit directions read as one number, least significant bit first (SPEC §7):
 * an unsigned address such as {@code ra} or {@code code[2].c}, or a two's complement word such as
 * {@code mem[5]} or {@code r}.
 */
public record Register(String name, Encoding encoding, ImmutableList<Direction> bits) {
  /** How the bits of a register are read as a number. */
  public enum Encoding {
    /** Plain binary, value in [0, 2^L). */
    UNSIGNED,
    /** Two's complement, value in [-2^(L-1), 2^(L-1)). */
    TWOS_COMPLEMENT
  }

  public Register {
    checkNotNull(name, "name");
    checkNotNull(encoding, "encoding");
    checkArgument(!bits.isEmpty(), "register %s needs at least one bit", name);
    // a value is a long: 64 bits two's complement, 63 unsigned
    int most = encoding == Encoding.UNSIGNED ? 63 : 64;
    checkArgument(bits.size() <= most, "register %s has %s bits, at most %s supported", name,
        bits.size(), most);
  }

  /** The unsigned register {@code name} of {@code width} bits {@code name.bit[0..width)}. */
  public static Register unsigned(String name, int width) {
    return new Register(name, Encoding.UNSIGNED, bitsOf(name, width));
  }

  /** The two's complement register {@code name} of {@code width} bits. */
  public static Register signed(String name, int width) {
    return new Register(name, Encoding.TWOS_COMPLEMENT, bitsOf(name, width));
  }

  private static ImmutableList<Direction> bitsOf(String name, int width) {
    checkArgument(width >= 1, "register %s needs width >= 1, was %s", name, width);
    ImmutableList.Builder<Direction> b = ImmutableList.builderWithExpectedSize(width);
    for (int t = 0; t < width; t++) {
      b.add(Direction.bit(name, t));
    }
    return b.build();
  }

  /** The register made of this register's low {@code width} bits (same encoding). */
  public Register lowBits(int width) {
    checkArgument(width >= 1 && width <= width(), "%s low bits of %s", width, name);
    return width == width() ? this
        : new Register(name + ".low[" + width + "]", encoding, bits.subList(0, width));
  }

  public int width() {
    return bits.size();
  }

  public Direction bit(int t) {
    return bits.get(t);
  }

  /** The value whose bits (least significant first) are {@code bitValues}, each 0 or 1. */
  public long valueOf(List<Integer> bitValues) {
    checkArgument(bitValues.size() == width(), "%s bits for register %s of width %s",
        bitValues.size(), name, width());
    long u = 0;
    for (int t = 0; t < width(); t++) {
      int v = bitValues.get(t);
      checkArgument(v == 0 || v == 1, "bit %s of %s is %s", t, name, v);
      u |= (long) v << t;
    }
    // at width 64 the long is already the two's complement value
    if (encoding == Encoding.TWOS_COMPLEMENT && bitValues.get(width() - 1) == 1 && width() < 64) {
      u -= 1L << width();
    }
    return u;
  }

  /** Bit {@code t} of {@code value} in this register's encoding; fails if it does not fit. */
  public int bitOf(long value, int t) {
    checkArgument(fits(value), "%s does not fit register %s (%s, %s bits)", value, name,
        encoding, width());
    return BigInteger.valueOf(value).testBit(t) ? 1 : 0;
  }

  /** True when {@code value} is representable in this register. */
  public boolean fits(long value) {
    int w = width();
    return encoding == Encoding.UNSIGNED
        ? value >= 0 && (w >= 63 || value < (1L << w))
        : w >= 64 || (value >= -(1L << (w - 1)) && value < (1L << (w - 1)));
  }

  @Override
  public String toString() {
    return name;
  }
}
