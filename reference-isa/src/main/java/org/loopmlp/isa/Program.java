package org.loopmlp.isa;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkElementIndex;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * A program of exactly 2^C instructions for one config. Instructions given beyond the program's
 * own are {@code HALT} padding ({@code Z Z slot}, with Z the reserved zero cell). Immutable.
 */
public final class Program {
  private final MachineConfig config;
  private final ImmutableList<Instruction> slots;
  private final int zeroCell;
  private final int length;

  private Program(MachineConfig config, ImmutableList<Instruction> slots, int zeroCell,
      int length) {
    this.config = config;
    this.slots = slots;
    this.zeroCell = zeroCell;
    this.length = length;
  }

  /**
   * The program whose first instructions are {@code code}; the remaining slots up to 2^C are
   * {@code HALT} using {@code zeroCell} as Z.
   */
  public static Program padded(MachineConfig config, List<Instruction> code, int zeroCell) {
    checkNotNull(config);
    checkArgument(code.size() <= config.codeSize(),
        "%s instructions do not fit in 2^%s = %s slots", code.size(), config.codeBits(),
        config.codeSize());
    checkElementIndex(zeroCell, config.dataSize(), "zero cell");
    ImmutableList.Builder<Instruction> b = ImmutableList.builder();
    for (int q = 0; q < config.codeSize(); q++) {
      Instruction ins = q < code.size() ? code.get(q) : Instruction.haltAt(q, zeroCell);
      checkArgument(ins.fits(config), "instruction %s at slot %s does not fit %s", ins, q, config);
      b.add(ins);
    }
    return new Program(config, b.build(), zeroCell, code.size());
  }

  /** A program given as all 2^C slots (no padding), e.g. a generated one. */
  public static Program ofSlots(MachineConfig config, List<Instruction> slots, int zeroCell) {
    checkArgument(slots.size() == config.codeSize(), "%s slots given, config has %s",
        slots.size(), config.codeSize());
    return padded(config, slots, zeroCell);
  }

  public MachineConfig config() {
    return config;
  }

  /** All 2^C slots. */
  public ImmutableList<Instruction> slots() {
    return slots;
  }

  public Instruction at(int slot) {
    return slots.get(slot);
  }

  /** The reserved zero cell Z used by HALT padding. */
  public int zeroCell() {
    return zeroCell;
  }

  /** The number of slots given explicitly (the rest are padding). */
  public int length() {
    return length;
  }

  /** Slots that are not {@code HALT} at their own slot. */
  public int nonHaltCount() {
    int n = 0;
    for (int q = 0; q < slots.size(); q++) {
      if (!slots.get(q).isHaltAt(q)) {
        n++;
      }
    }
    return n;
  }

  /**
   * Programs are equal when they have the same config and the same 2^C slots: they then run
   * identically. The zero cell and the explicit length are bookkeeping and do not take part.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Program && config.equals(((Program) o).config)
        && slots.equals(((Program) o).slots);
  }

  @Override
  public int hashCode() {
    return config.hashCode() * 31 + slots.hashCode();
  }

  @Override
  public String toString() {
    return "Program[" + config + ", " + slots + "]";
  }
}
