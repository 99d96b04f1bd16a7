package org.loopmlp.isa.classic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

/**
 * The size of a classic SUBLEQ machine: word bits N (values, addresses and pc are N-bit two's
 * complement words) and memory address bits A (2^A words holding code and data alike), and how
 * an input instruction stores its byte (docs/SPEC.md, the classic machine).
 */
public record ClassicConfig(int wordBits, int memoryBits, InputMode inputMode) {
  public static final int MIN_WORD_BITS = 2;
  public static final int MAX_WORD_BITS = 32;
  /** An instruction takes three words, so the smallest memory that holds one has 2^2 words. */
  public static final int MIN_MEMORY_BITS = 2;
  public static final int MAX_MEMORY_BITS = 24;

  /** What {@code A = -1} does with the byte it reads. */
  public enum InputMode {
    /** {@code mem[b] = byte} (-1 at end of input); pc += 3. The default (Rosetta Code). */
    STORE,
    /**
     * {@code mem[b] = wrap_N(mem[b] + byte)} (adds -1 at end of input), then jump to c when the
     * new value is {@code <= 0}, else pc += 3 (Mazonka's {@code sqrun}).
     */
    ADD
  }

  public ClassicConfig {
    checkArgument(wordBits >= MIN_WORD_BITS && wordBits <= MAX_WORD_BITS,
        "word bits N must be in [%s, %s], was %s", MIN_WORD_BITS, MAX_WORD_BITS, wordBits);
    checkArgument(memoryBits >= MIN_MEMORY_BITS && memoryBits <= MAX_MEMORY_BITS,
        "memory bits A must be in [%s, %s], was %s", MIN_MEMORY_BITS, MAX_MEMORY_BITS,
        memoryBits);
    checkNotNull(inputMode, "inputMode");
  }

  /** N-bit words, 2^A words of memory, input stores its byte. */
  public static ClassicConfig of(int wordBits, int memoryBits) {
    return new ClassicConfig(wordBits, memoryBits, InputMode.STORE);
  }

  /** This config with input in the given mode. */
  public ClassicConfig withInputMode(InputMode mode) {
    return new ClassicConfig(wordBits, memoryBits, mode);
  }

  /** 2^A, the number of memory words. */
  public int memorySize() {
    return 1 << memoryBits;
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
    long u = value & ((1L << wordBits) - 1);
    return u > maxWord() ? u - (1L << wordBits) : u;
  }

  /** A word taken as an address: its value modulo 2^A, in [0, 2^A). */
  public int address(long word) {
    return (int) (word & (memorySize() - 1));
  }

  /** Bit {@code j} (0 = least significant) of the two's complement form of a word. */
  public int wordBit(long word, int j) {
    checkArgument(j >= 0 && j < wordBits, "bit %s of an %s-bit word", j, wordBits);
    return (int) ((word >>> j) & 1);
  }

  /**
   * True when the machine is halted at {@code pc}: pc is negative, or the instruction at pc does
   * not fit in memory ({@code pc + 2 >= 2^A}).
   */
  public boolean haltsAt(long pc) {
    return pc < 0 || pc + 2 >= memorySize();
  }

  @Override
  public String toString() {
    return "N=" + wordBits + ",A=" + memoryBits
        + (inputMode == InputMode.STORE ? "" : ",input=" + inputMode.name().toLowerCase());
  }
}
