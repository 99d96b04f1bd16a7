package org.loopmlp.construction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.isa.ExampleLibrary;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.RunResult;
import org.loopmlp.isa.SubleqMachine;
import org.loopmlp.isa.SubleqRunner;
import org.loopmlp.isa.asm.SqProgram;

/**
 * A run that keeps only its first and last state ends where the run keeping every state ends and
 * where the reference machine ends, and its listener hears of every pass exactly once, in order,
 * with the reference machine's state after that pass.
 */
class KeptStatesTest {
  private static final int LIMIT = 5_000;

  private static LoopedMlp mlp(SqProgram sq) {
    return LoopedMlp.of(TestArbitraries.construction(CompactConstruction.NAME, sq.config()),
        RationalBackend.INSTANCE);
  }

  @Test
  void firstAndLastRunEndsLikeTheFullRunAndTheReference() {
    for (String name : List.of("countdown", "gcd", "max")) {
      SqProgram sq = ExampleLibrary.named(name).orElseThrow().program();
      RunResult reference = SubleqRunner.run(sq.program(), sq.initialState(), LIMIT);
      LoopedMlp mlp = mlp(sq);
      MlpRun full = mlp.run(sq.program(), sq.initialState(), LIMIT);
      List<MachineState> heard = new ArrayList<>();
      List<Integer> passes = new ArrayList<>();
      MlpRun ends = mlp.run(sq.program(), sq.initialState(), LIMIT, MlpRun.Kept.FIRST_AND_LAST,
          (pass, after) -> {
            passes.add(pass);
            heard.add(after);
          });

      assertTrue(reference.halted(), name);
      assertEquals(reference.steps(), ends.steps(), name);
      assertEquals(reference.finalState(), ends.last(), name);
      assertEquals(sq.initialState(), ends.initial(), name);
      assertTrue(ends.halted(), name);
      assertEquals(reference.steps() + 1, ends.passes(), name);
      assertEquals(full.steps(), ends.steps(), name);
      assertEquals(full.last(), ends.last(), name);
      assertEquals(full.halted(), ends.halted(), name);
      assertEquals(full.passes(), ends.passes(), name);
      assertEquals(2, ends.kept().size(), name);
      assertFalse(ends.keptAllStates(), name);
      assertThrows(IllegalStateException.class, ends::states, name);

      assertEquals(ends.passes(), passes.size(), name);
      MachineState s = sq.initialState();
      for (int t = 0; t < passes.size(); t++) {
        assertEquals(t, passes.get(t), name);
        s = SubleqMachine.step(sq.program(), s);
        assertEquals(s, heard.get(t), name + " after pass " + t);
      }
    }
  }

  @Test
  void stepLimitStopsBothRunsAlike() {
    SqProgram sq = ExampleLibrary.named("countdown").orElseThrow().program();
    RunResult reference = SubleqRunner.run(sq.program(), sq.initialState(), 3);
    LoopedMlp mlp = mlp(sq);
    int[] calls = {0};
    MlpRun ends = mlp.run(sq.program(), sq.initialState(), 3, MlpRun.Kept.FIRST_AND_LAST,
        (pass, after) -> calls[0]++);
    MlpRun full = mlp.run(sq.program(), sq.initialState(), 3);
    assertFalse(reference.halted());
    assertEquals(3, ends.steps());
    assertEquals(3, ends.passes());
    assertFalse(ends.halted());
    assertEquals(reference.finalState(), ends.last());
    assertEquals(full.last(), ends.last());
    assertEquals(4, full.states().size());
    assertTrue(full.keptAllStates());
    assertEquals(3, calls[0]);
  }

  @Test
  void zeroPassesKeepTheInitialStateOnly() {
    SqProgram sq = ExampleLibrary.named("countdown").orElseThrow().program();
    MlpRun ends = mlp(sq).run(sq.program(), sq.initialState(), 0, MlpRun.Kept.FIRST_AND_LAST,
        (pass, after) -> {
          throw new AssertionError("no pass runs");
        });
    assertEquals(0, ends.steps());
    assertEquals(0, ends.passes());
    assertEquals(sq.initialState(), ends.last());
    assertEquals(List.of(sq.initialState()), ends.states());
  }
}
