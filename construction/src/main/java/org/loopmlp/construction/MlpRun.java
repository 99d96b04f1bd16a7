package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * The decoded trace of a looped network: {@code states.get(0)} is the initial state and {@code
 * states.get(t)} the state after t passes. {@code halted} when the last pass left the state
 * unchanged (a fixed point, not repeated in the trace); otherwise the step limit was reached.
 */
public record MlpRun(Program program, ImmutableList<MachineState> states, boolean halted,
    int passes) {
  public MlpRun {
    checkNotNull(program, "program");
    checkArgument(!states.isEmpty(), "a run has at least its initial state");
  }

  /** The number of state-changing steps. */
  public int steps() {
    return states.size() - 1;
  }

  public MachineState initial() {
    return states.get(0);
  }

  public MachineState last() {
    return states.get(states.size() - 1);
  }
}
