package org.loopmlp.construction;

import static com.google.common.base.Preconditions.checkNotNull;

import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/** The program and machine state a state vector encodes. */
public record DecodedState(Program program, MachineState state) {
  public DecodedState {
    checkNotNull(program, "program");
    checkNotNull(state, "state");
  }
}
