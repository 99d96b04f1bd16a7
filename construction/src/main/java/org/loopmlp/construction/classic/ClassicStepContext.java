package org.loopmlp.construction.classic;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import org.loopmlp.construction.MachineStep;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.isa.classic.ClassicStepDetail;

/**
 * One step of the reference classic machine: the state before, the input byte the host offers
 * ({@link ClassicMachine#END_OF_INPUT} at the end), every intermediate value, and the state
 * after. The classic stage lemmas state their conditions with these values only.
 */
public record ClassicStepContext(ClassicState before, int nextInput, ClassicStepDetail detail,
    ClassicState after) implements MachineStep {
  public ClassicStepContext {
    checkNotNull(before, "before");
    checkArgument(nextInput >= ClassicMachine.END_OF_INPUT && nextInput <= 255,
        "next input must be a byte or -1, was %s", nextInput);
    checkNotNull(detail, "detail");
    checkNotNull(after, "after");
  }

  /** The reference machine's step from {@code before} with {@code nextInput} offered. */
  public static ClassicStepContext of(ClassicState before, int nextInput) {
    ClassicStepDetail d = ClassicMachine.detail(before, nextInput);
    return new ClassicStepContext(before, nextInput, d, ClassicMachine.apply(before, d));
  }

  public ClassicConfig config() {
    return before.config();
  }

  /** {@code config, op at pc (a, b, c), input, from before}. */
  @Override
  public String describe() {
    return config() + ", " + detail.op() + " at pc " + detail.pc() + " (a=" + detail.a()
        + ", b=" + detail.b() + ", c=" + detail.c() + "), input " + nextInput + ", from "
        + before;
  }
}
