package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkNotNull;

import org.loopmlp.construction.MachineStep;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.StepDetail;
import org.loopmlp.isa.SubleqMachine;

/**
 * One step of the reference machine: the state before, every intermediate value, and the state
 * after. Stage lemmas state their conditions with these values only.
 */
public record PaperStep(Program program, MachineState before, StepDetail detail,
    MachineState after) implements MachineStep {
  public PaperStep {
    checkNotNull(program, "program");
    checkNotNull(before, "before");
    checkNotNull(detail, "detail");
    checkNotNull(after, "after");
  }

  /** The reference machine's step from {@code before}. */
  public static PaperStep of(Program program, MachineState before) {
    return new PaperStep(program, before, SubleqMachine.detail(program, before),
        SubleqMachine.step(program, before));
  }

  /** {@code config, executing pc: instruction from before}. */
  @Override
  public String describe() {
    return program.config() + ", executing " + detail.pc() + ": " + program.at(detail.pc())
        + " from " + before;
  }
}
