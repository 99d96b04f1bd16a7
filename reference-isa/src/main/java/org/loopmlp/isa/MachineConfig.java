package org.loopmlp.isa;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The size of a SUBLEQ machine: word bits N, data address bits A (m = 2^A words) and code
 * address bits C (k = 2^C instruction slots). Words are N-bit two's complement.
 */
public record MachineConfig(int wordBits, int dataBits, int codeBits) {
  /** Up to 64: a word is a Java {@code long}, whose arithmetic is already modulo 2^64. */
  public static final int MAX_WORD_BITS = 64;
  public static final int MAX_DATA_BITS = 20;
  public static final int MAX_CODE_BITS = 20;

  public MachineConfig {
    checkArgument(wordBits >= 2 && wordBits <= MAX_WORD_BITS,
        "word bits N must be in [2, %s], was %s", MAX_WORD_BITS, wordBits);
    checkArgument(dataBits >= 1 && dataBits <= MAX_DATA_BITS,
        "data address bits A must be in [1, %s], was %s", MAX_DATA_BITS, dataBits);
    checkArgument(codeBits >= 1 && codeBits <= MAX_CODE_BITS,
        "code address bits C must be in [1, %s], was %s", MAX_CODE_BITS, codeBits);
  }

  /** The config with N word bits, 2^A data words and 2^C code slots. */
  public static MachineConfig of(int wordBits, int dataBits, int codeBits) {
    return new MachineConfig(wordBits, dataBits, codeBits);
  }

  /** m = 2^A, the number of data words. */
  public int dataSize() {
    return 1 << dataBits;
  }

  /** k = 2^C, the number of instruction slots. */
  public int codeSize() {
    return 1 << codeBits;
  }

  /** -2^(N-1), the most negative word. */
  public long minWord() {
    return -(1L << (wordBits - 1));
  }

  /** 2^(N-1) - 1, the most positive word. */
  public long maxWord() {
    return (1L << (wordBits - 1)) - 1;
  }

  public boolean fitsWord(long value) {
    return value >= minWord() && value <= maxWord();
  }

  /** {@code value} modulo 2^N, read back as a signed N-bit word. */
  public long wrap(long value) {
    if (wordBits == 64) {
      return value;
    }
    long mask = (1L << wordBits) - 1;
    long u = value & mask;
    return u > maxWord() ? u - (1L << wordBits) : u;
  }

  /** Bit {@code j} (0 = least significant) of the two's complement form of a word. */
  public int wordBit(long word, int j) {
    checkArgument(j >= 0 && j < wordBits, "bit %s of an %s-bit word", j, wordBits);
    return (int) ((word >>> j) & 1);
  }

  /** The word whose two's complement bits (least significant first) are {@code bits}. */
  public long wordFromBits(int[] bits) {
    checkArgument(bits.length == wordBits, "%s bits for an %s-bit word", bits.length, wordBits);
    long u = 0;
    for (int j = 0; j < wordBits; j++) {
      checkArgument(bits[j] == 0 || bits[j] == 1, "bit %s is %s", j, bits[j]);
      u |= (long) bits[j] << j;
    }
    return wrap(u);
  }

  @Override
  public String toString() {
    return "N=" + wordBits + ",A=" + dataBits + ",C=" + codeBits;
  }
}
