package org.loopmlp.isa.classic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;

/**
 * Memory (2^A signed N-bit words, code and data alike) and program counter (a signed N-bit word)
 * of a classic SUBLEQ machine. Immutable. The memory is persistent ({@link WordTrie}): a state
 * after a write shares every other word with the state before, so {@link #withWord} costs
 * O(A), not a copy of the 2^A words.
 */
public final class ClassicState {
  private final ClassicConfig config;
  private final WordTrie memory;
  private final long pc;

  private ClassicState(ClassicConfig config, WordTrie memory, long pc) {
    this.config = config;
    this.memory = memory;
    this.pc = pc;
  }

  /** The state with the given memory (all 2^A words, signed) and pc. */
  public static ClassicState of(ClassicConfig config, long[] memory, long pc) {
    checkNotNull(config, "config");
    checkArgument(memory.length == config.memorySize(), "memory has %s words, config needs %s",
        memory.length, config.memorySize());
    for (int i = 0; i < memory.length; i++) {
      checkArgument(config.fitsWord(memory[i]), "mem[%s] = %s does not fit in %s bits", i,
          memory[i], config.wordBits());
    }
    checkArgument(config.fitsWord(pc), "pc %s does not fit in %s bits", pc, config.wordBits());
    return new ClassicState(config, WordTrie.of(memory), pc);
  }

  /**
   * The state a program starts in: {@code image} loaded from address 0, the rest of memory 0,
   * pc 0.
   */
  public static ClassicState load(ClassicConfig config, long[] image) {
    checkArgument(image.length <= config.memorySize(), "image of %s words does not fit in 2^%s",
        image.length, config.memoryBits());
    long[] m = new long[config.memorySize()];
    System.arraycopy(image, 0, m, 0, image.length);
    return of(config, m, 0);
  }

  public ClassicConfig config() {
    return config;
  }

  public long pc() {
    return pc;
  }

  /** True when no instruction runs at pc (see {@link ClassicConfig#haltsAt}). */
  public boolean halted() {
    return config.haltsAt(pc);
  }

  public long word(int address) {
    checkElementIndex(address, memory.size(), "address");
    return memory.get(address);
  }

  /** The state over {@code memory} (words that fit, as the caller checked), copied once. */
  static ClassicState adopt(ClassicConfig config, long[] memory, long pc) {
    return new ClassicState(config, WordTrie.of(memory), pc);
  }

  /** A copy of the memory, address order, signed values. */
  public long[] memory() {
    return memory.toArray();
  }

  /** This state with word {@code address} set to {@code value}: O(A), sharing the rest. */
  public ClassicState withWord(int address, long value) {
    checkArgument(config.fitsWord(value), "%s does not fit in %s bits", value,
        config.wordBits());
    checkElementIndex(address, memory.size(), "address");
    return new ClassicState(config, memory.with(address, value), pc);
  }

  public ClassicState withPc(long newPc) {
    checkArgument(config.fitsWord(newPc), "pc %s does not fit in %s bits", newPc,
        config.wordBits());
    return new ClassicState(config, memory, newPc);
  }

  /** The state after a step that wrote (or not) one word and moved to {@code newPc}. */
  ClassicState afterStep(boolean writes, int address, long value, long newPc) {
    return new ClassicState(config, writes ? memory.with(address, value) : memory, newPc);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ClassicState)) {
      return false;
    }
    ClassicState s = (ClassicState) o;
    return config.equals(s.config) && pc == s.pc && memory.sameWords(s.memory);
  }

  @Override
  public int hashCode() {
    return (config.hashCode() * 31 + Long.hashCode(pc)) * 31 + Arrays.hashCode(memory.toArray());
  }

  @Override
  public String toString() {
    return "pc=" + pc + " mem=" + Arrays.toString(memory.toArray());
  }
}
