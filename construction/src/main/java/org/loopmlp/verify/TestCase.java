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

  @Override
  public String toString() {
    return config + " " + program.slots() + " " + state + " passes=" + passes;
  }
}
