package org.loopmlp.isa.gen;

import static com.google.common.base.Preconditions.checkArgument;

import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/** A config with a program and a state for it, as drawn by {@link MachineArbitraries#machines}. */
public record GeneratedMachine(MachineConfig config, Program program, MachineState state) {
  public GeneratedMachine {
    checkArgument(config.equals(program.config()) && config.equals(state.config()),
        "program and state must be for %s", config);
  }

  @Override
  public String toString() {
    return config + " pc=" + state.pc() + " mem=" + java.util.Arrays.toString(state.memory())
        + " program=" + program.slots();
  }
}
