package org.loopmlp.isa;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Arrays;

/** Memory (2^A signed N-bit words) and program counter of a SUBLEQ machine. Immutable. */
public final class MachineState {
  private final MachineConfig config;
  private final long[] memory;
  private final int pc;

  private MachineState(MachineConfig config, long[] memory, int pc) {
    this.config = config;
    this.memory = memory;
    this.pc = pc;
  }

  /** The state with the given memory (all 2^A words, signed) and pc. */
  public static MachineState of(MachineConfig config, long[] memory, int pc) {
    checkNotNull(config);
    checkArgument(memory.length == config.dataSize(), "memory has %s words, config needs %s",
        memory.length, config.dataSize());
    for (int i = 0; i < memory.length; i++) {
      checkArgument(config.fitsWord(memory[i]), "mem[%s] = %s does not fit in %s bits", i,
          memory[i], config.wordBits());
    }
    checkArgument(pc >= 0 && pc < config.codeSize(), "pc %s out of [0, %s)", pc,
        config.codeSize());
    return new MachineState(config, memory.clone(), pc);
  }

  /** All-zero memory, pc 0. */
  public static MachineState initial(MachineConfig config) {
    return new MachineState(config, new long[config.dataSize()], 0);
  }

  public MachineConfig config() {
    return config;
  }

  public int pc() {
    return pc;
  }

  public long word(int address) {
    return memory[address];
  }

  /** A copy of the memory, address order, signed values. */
  public long[] memory() {
    return memory.clone();
  }

  public MachineState withWord(int address, long value) {
    checkArgument(config.fitsWord(value), "%s does not fit in %s bits", value, config.wordBits());
    long[] m = memory.clone();
    m[address] = value;
    return new MachineState(config, m, pc);
  }

  /**
   * The state after a step that wrote {@code value} to {@code address} and moved to {@code
   * newPc}, with one copy of the memory.
   */
  MachineState afterStep(int address, long value, int newPc) {
    long[] m = memory.clone();
    m[address] = value;
    return new MachineState(config, m, newPc);
  }

  public MachineState withPc(int newPc) {
    checkArgument(newPc >= 0 && newPc < config.codeSize(), "pc %s out of range", newPc);
    return new MachineState(config, memory, newPc);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MachineState)) {
      return false;
    }
    MachineState s = (MachineState) o;
    return config.equals(s.config) && pc == s.pc && Arrays.equals(memory, s.memory);
  }

  @Override
  public int hashCode() {
    return (config.hashCode() * 31 + pc) * 31 + Arrays.hashCode(memory);
  }

  @Override
  public String toString() {
    return "pc=" + pc + " mem=" + Arrays.toString(memory);
  }
}
