package org.loopmlp.isa;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * Runs the reference machine until it reaches a fixed point (halted, SPEC §2.4) or a step limit.
 * A step that leaves the state unchanged is not counted; {@link RunResult#halted()} says whether
 * the final state is a fixed point, also when the limit was reached exactly there.
 */
public final class SubleqRunner {
  private SubleqRunner() {}

  /** Runs at most {@code maxSteps} state-changing steps, without recording a trace. */
  public static RunResult run(Program program, MachineState initial, int maxSteps) {
    return run(program, initial, maxSteps, false);
  }

  /** Like {@link #run}, and records every state and {@link StepDetail} on the way. */
  public static RunResult runTraced(Program program, MachineState initial, int maxSteps) {
    return run(program, initial, maxSteps, true);
  }

  private static RunResult run(Program program, MachineState initial, int maxSteps,
      boolean traced) {
    checkArgument(maxSteps >= 0, "maxSteps %s < 0", maxSteps);
    checkArgument(program.config().equals(initial.config()), "program is for %s, state for %s",
        program.config(), initial.config());
    ImmutableList.Builder<MachineState> states = ImmutableList.builder();
    ImmutableList.Builder<StepDetail> details = ImmutableList.builder();
    if (traced) {
      states.add(initial);
    }
    MachineState current = initial;
    int steps = 0;
    boolean halted = false;
    while (true) {
      StepDetail detail = SubleqMachine.detail(program, current);
      MachineState next = SubleqMachine.apply(current, detail);
      if (next.equals(current)) {
        halted = true;
        break;
      }
      if (steps == maxSteps) {
        break;
      }
      current = next;
      steps++;
      if (traced) {
        states.add(next);
        details.add(detail);
      }
    }
    Optional<RunResult.Trace> trace = traced
        ? Optional.of(new RunResult.Trace(states.build(), details.build()))
        : Optional.empty();
    return new RunResult(current, steps, halted, trace);
  }
}
