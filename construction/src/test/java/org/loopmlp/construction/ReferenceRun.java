package org.loopmlp.construction;

import java.util.List;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.SubleqRunner;

/** The reference machine's states, initial first, with the same stopping rule as {@link MlpRun}. */
final class ReferenceRun {
  private ReferenceRun() {}

  static List<MachineState> trace(Program program, MachineState state, int maxSteps) {
    return SubleqRunner.runTraced(program, state, maxSteps).trace().orElseThrow().states();
  }
}
