package org.loopmlp.verify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.List;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * One input of a differential campaign: a config, a program, an initial state and how many
 * passes to run (the run also stops at a fixed point). Immutable.
 */
public record TestCase(MachineConfig config, Program program, MachineState state, int passes) {
  public TestCase {
    checkNotNull(config, "config");
    checkNotNull(program, "program");
    checkNotNull(state, "state");
    checkArgument(program.config().equals(config) && state.config().equals(config),
        "program and state must be for %s", config);
    checkArgument(passes >= 1, "at least one pass, was %s", passes);
  }

  public TestCase withProgram(Program p) {
    return new TestCase(config, p, state, passes);
  }

  public TestCase withState(MachineState s) {
    return new TestCase(config, program, s, passes);
  }

  public TestCase withPasses(int n) {
    return new TestCase(config, program, state, n);
  }

  /**
   * The same case carried to {@code target}: addresses keep their low bits, slots and cells
   * beyond the smaller sizes are dropped, words that do not fit are clamped to the most negative
   * or most positive word (so an edge value stays an edge value).
   */
  public TestCase resizedTo(MachineConfig target) {
    int m = target.dataSize();
    int k = target.codeSize();
    List<Instruction> slots = new ArrayList<>(k);
    for (int q = 0; q < k; q++) {
      Instruction ins = q < config.codeSize() ? program.at(q)
          : Instruction.haltAt(q, 0);
      slots.add(Instruction.of(ins.a() & (m - 1), ins.b() & (m - 1), ins.c() & (k - 1)));
    }
    long[] mem = new long[m];
    for (int i = 0; i < m && i < config.dataSize(); i++) {
      mem[i] = Math.max(target.minWord(), Math.min(target.maxWord(), state.word(i)));
    }
    return new TestCase(target, Program.ofSlots(target, slots, program.zeroCell() & (m - 1)),
        MachineState.of(target, mem, state.pc() & (k - 1)), passes);
  }

  /**
   * The same case with one data address bit removed (A - 1 bits): the cells whose address has
   * bit {@code bit} equal to {@code fill} are kept, in order, and every operand drops that bit.
   * Unlike {@link #resizedTo}, which keeps the low bits, this keeps two cells that differ only in
   * a higher bit apart.
   */
  public TestCase withoutAddressBit(int bit, int fill) {
    checkArgument(config.dataBits() > 1 && bit >= 0 && bit < config.dataBits()
        && (fill == 0 || fill == 1), "address bit %s, fill %s of %s", bit, fill, config);
    MachineConfig target = MachineConfig.of(config.wordBits(), config.dataBits() - 1,
        config.codeBits());
    long[] mem = new long[target.dataSize()];
    for (int j = 0; j < mem.length; j++) {
      mem[j] = state.word(insertBit(j, bit, fill));
    }
    List<Instruction> slots = new ArrayList<>(config.codeSize());
    for (Instruction ins : program.slots()) {
      slots.add(Instruction.of(removeBit(ins.a(), bit), removeBit(ins.b(), bit), ins.c()));
    }
    return new TestCase(target, Program.ofSlots(target, slots, removeBit(program.zeroCell(), bit)),
        MachineState.of(target, mem, state.pc()), passes);
  }

  /**
   * The same case with one code address bit removed (C - 1 bits): the slots whose number has
   * bit {@code bit} equal to pc's are kept, in order (so the instruction at pc stays), and every
   * jump target and pc drop that bit.
   */
  public TestCase withoutSlotBit(int bit) {
    checkArgument(config.codeBits() > 1 && bit >= 0 && bit < config.codeBits(),
        "slot bit %s of %s", bit, config);
    MachineConfig target = MachineConfig.of(config.wordBits(), config.dataBits(),
        config.codeBits() - 1);
    int fill = (state.pc() >> bit) & 1;
    List<Instruction> slots = new ArrayList<>(target.codeSize());
    for (int j = 0; j < target.codeSize(); j++) {
      Instruction ins = program.at(insertBit(j, bit, fill));
      slots.add(Instruction.of(ins.a(), ins.b(), removeBit(ins.c(), bit)));
    }
    return new TestCase(target, Program.ofSlots(target, slots, program.zeroCell()),
        MachineState.of(target, state.memory(), removeBit(state.pc(), bit)), passes);
  }

  /** The same case with N - 1 word bits, every word halved (arithmetic shift). */
  public TestCase withWordsHalved() {
    checkArgument(config.wordBits() > 2, "no smaller word than 2 bits");
    MachineConfig target = MachineConfig.of(config.wordBits() - 1, config.dataBits(),
        config.codeBits());
    long[] mem = state.memory();
    for (int i = 0; i < mem.length; i++) {
      mem[i] >>= 1;
    }
    return new TestCase(target, Program.ofSlots(target, program.slots(), program.zeroCell()),
        MachineState.of(target, mem, state.pc()), passes);
  }

  /** {@code x} with a bit {@code value} inserted at position {@code bit}. */
  private static int insertBit(int x, int bit, int value) {
    int low = x & ((1 << bit) - 1);
    return ((x >> bit) << (bit + 1)) | (value << bit) | low;
  }

  /** {@code x} with bit {@code bit} removed. */
  private static int removeBit(int x, int bit) {
    int low = x & ((1 << bit) - 1);
    return ((x >> (bit + 1)) << bit) | low;
  }

  @Override
  public String toString() {
    return config + " " + program.slots() + " " + state + " passes=" + passes;
  }
}
