package org.loopmlp.construction;

import java.util.ArrayList;
import java.util.List;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.SubleqMachine;

/** The reference machine's trace, with the same stopping rule as {@link MlpRun}. */
final class ReferenceRun {
  private ReferenceRun() {}

  static List<MachineState> trace(Program program, MachineState state, int maxSteps) {
    List<MachineState> states = new ArrayList<>();
    states.add(state);
    MachineState s = state;
    for (int i = 0; i < maxSteps; i++) {
      MachineState next = SubleqMachine.step(program, s);
      if (next.equals(s)) {
        break;
      }
      states.add(next);
      s = next;
    }
    return states;
  }
}
