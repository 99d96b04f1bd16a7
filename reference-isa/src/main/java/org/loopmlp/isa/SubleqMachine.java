package org.loopmlp.isa;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * The reference SUBLEQ machine (program separate from data), exactly as SPEC §2.3:
 *
 * <pre>
 *   r = wrap_N(mem[b] - mem[a]);  mem[b] = r;  pc = (r <= 0) ? c : (pc + 1) mod 2^C
 * </pre>
 *
 * Plain integer arithmetic only; this is what every construction is checked against.
 */
public final class SubleqMachine {
  private SubleqMachine() {}

  /** The intermediate values of executing the instruction at {@code state.pc()}. */
  public static StepDetail detail(Program program, MachineState state) {
    MachineConfig config = program.config();
    checkArgument(config.equals(state.config()), "program is for %s, state for %s", config,
        state.config());
    int pc = state.pc();
    Instruction ins = program.at(pc);
    long memA = state.word(ins.a());
    long memB = state.word(ins.b());
    long exact = memB - memA;
    long result = config.wrap(exact);
    // at N = 64 the long difference itself wraps: it overflowed when its sign is impossible
    boolean overflowed = result != exact || ((memB ^ memA) & (memB ^ exact)) < 0;
    boolean branch = result <= 0;
    int pcPlusOne = (pc + 1) % config.codeSize();
    return new StepDetail(pc, ins.a(), ins.b(), ins.c(), memA, memB, result, overflowed,
        branch, pcPlusOne, branch ? ins.c() : pcPlusOne);
  }

  /** One step. */
  public static MachineState step(Program program, MachineState state) {
    return apply(state, detail(program, state));
  }

  /** The state after the step described by {@code d}, which was computed for {@code state}. */
  static MachineState apply(MachineState state, StepDetail d) {
    return state.afterStep(d.b(), d.result(), d.nextPc());
  }

  /** True when a step leaves the state unchanged. */
  public static boolean isHalted(Program program, MachineState state) {
    return step(program, state).equals(state);
  }
}
