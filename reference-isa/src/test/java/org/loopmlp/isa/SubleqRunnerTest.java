package org.loopmlp.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SubleqRunnerTest {
  private static final MachineConfig CONFIG = MachineConfig.of(8, 2, 2);

  /** mem[1] -= mem[2] until it is <= 0, then HALT at slot 2 (Z = cell 0). */
  private static Program countdown() {
    return Program.padded(CONFIG, List.of(Instruction.of(2, 1, 2), Instruction.of(0, 0, 0)), 0);
  }

  private static MachineState start(long x) {
    return MachineState.of(CONFIG, new long[] {0, x, 1, 0}, 0);
  }

  @Test
  void runsToTheFixedPointAndCountsChangingSteps() {
    RunResult r = SubleqRunner.run(countdown(), start(3), 100);
    // x: 3 -> 2 (pc 1), jump (pc 0), 2 -> 1, jump, 1 -> 0 (pc 2): 5 steps, then HALT.
    assertEquals(5, r.steps());
    assertTrue(r.halted());
    assertEquals(0, r.finalState().word(1));
    assertEquals(2, r.finalState().pc());
    assertTrue(r.trace().isEmpty());
  }

  @Test
  void stopsAtTheLimitWithoutHalting() {
    RunResult r = SubleqRunner.run(countdown(), start(3), 4);
    assertEquals(4, r.steps());
    assertFalse(r.halted());
    assertEquals(1, r.finalState().word(1));
  }

  @Test
  void reportsHaltedWhenTheLimitIsReachedExactlyAtTheFixedPoint() {
    RunResult r = SubleqRunner.run(countdown(), start(3), 5);
    assertEquals(5, r.steps());
    assertTrue(r.halted());
  }

  @Test
  void anInitialFixedPointTakesNoSteps() {
    RunResult r = SubleqRunner.run(countdown(), start(3).withPc(2), 10);
    assertEquals(0, r.steps());
    assertTrue(r.halted());
  }

  @Test
  void traceListsEveryStateAndStep() {
    RunResult r = SubleqRunner.runTraced(countdown(), start(2), 100);
    RunResult.Trace t = r.trace().orElseThrow();
    assertEquals(r.steps() + 1, t.states().size());
    assertEquals(start(2), t.states().get(0));
    assertEquals(r.finalState(), t.states().get(r.steps()));
    for (int i = 0; i < r.steps(); i++) {
      assertEquals(t.states().get(i + 1), SubleqMachine.step(countdown(), t.states().get(i)));
      assertEquals(SubleqMachine.detail(countdown(), t.states().get(i)), t.details().get(i));
    }
  }
}
