package org.loopmlp.construction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

class PaperConstructionTest {
  private static final MachineConfig CONFIG = MachineConfig.of(8, 4, 4);

  /** SPEC §4's example (with X = 7): Z=0, ONE=1, X=7; loop: ONE X done; Z Z loop; done: HALT. */
  private static Program countdown() {
    return Program.padded(CONFIG, List.of(
        Instruction.of(1, 2, 2),
        Instruction.of(0, 0, 0),
        Instruction.haltAt(2, 0)), 0);
  }

  private static MachineState countdownState() {
    long[] mem = new long[CONFIG.dataSize()];
    mem[1] = 1;
    mem[2] = 7;
    return MachineState.of(CONFIG, mem, 0);
  }

  @Test
  void hasThirteenLayersWithinBudget() {
    Construction c = PaperConstruction.build(CONFIG);
    assertEquals(13, c.depth());
    assertEquals(6, c.lemmas().size());
    assertTrue(c.network().isLoopable());
    c.lemmas().forEach(l -> assertTrue(l.withinBudget(), l.toString()));
  }

  @Test
  void countdownEqualsReferenceInCheckedMode() {
    for (String name : List.of(PaperConstruction.NAME, CompactConstruction.NAME,
        OneHotConstruction.NAME, OneHotConstruction.SPLIT_NAME, FusedConstruction.NAME)) {
      LoopedMlp mlp = LoopedMlp.checked(Constructions.build(name, CONFIG),
          RationalBackend.INSTANCE);
      MlpRun run = mlp.run(countdown(), countdownState(), 100);
      assertEquals(ReferenceRun.trace(countdown(), countdownState(), 100), run.states(), name);
      assertTrue(run.halted(), name);
      // X counts 7, 6, ..., 0: seven subtractions and six jumps back (13 steps), then HALT.
      assertEquals(0, run.last().word(2), name);
      assertEquals(2, run.last().pc(), name);
      assertEquals(13, run.steps(), name);
    }
  }

  @Test
  void fusedRunsAllSixStagesInFourLayers() {
    Construction c = FusedConstruction.build(CONFIG);
    assertEquals(4, c.depth());
    assertEquals(1, c.lemmas().size());
    assertEquals(23, c.lemmas().get(0).budget());
    assertEquals("fetch + read + subtract + write + next pc + branch",
        c.lemmas().get(0).paperLabel());
    assertTrue(FusedConstruction.supports(MachineConfig.of(16, 6, 6)));
    assertFalse(FusedConstruction.supports(MachineConfig.of(16, 10, 10)));
  }

  @Test
  void shallowRunsAllSixStagesInTwoLayers() {
    MachineConfig config = MachineConfig.of(6, 2, 2);
    Construction c = ShallowConstruction.build(config);
    assertEquals(2, c.depth());
    assertEquals(23, c.lemmas().get(0).budget());
    // Countdown from 5 with the same program (addresses fit in A = 2).
    long[] mem = new long[config.dataSize()];
    mem[1] = 1;
    mem[2] = 5;
    MachineState s = MachineState.of(config, mem, 0);
    Program p = Program.padded(config, List.of(Instruction.of(1, 2, 2), Instruction.of(0, 0, 0),
        Instruction.haltAt(2, 0)), 0);
    MlpRun run = LoopedMlp.checked(c, RationalBackend.INSTANCE).run(p, s, 50);
    assertEquals(ReferenceRun.trace(p, s, 50), run.states());
    assertEquals(9, run.steps());
    assertFalse(ShallowConstruction.supports(MachineConfig.of(16, 6, 6)));
  }

  @Test
  void compactRunsTheSameStagesInNineLayers() {
    Construction c = CompactConstruction.build(CONFIG);
    assertEquals(9, c.depth());
    assertEquals(23, c.lemmas().stream().mapToInt(l -> l.budget()).sum());
    assertEquals("fetch + next pc", c.lemmas().get(0).paperLabel());
    assertEquals("write + branch", c.lemmas().get(3).paperLabel());
    c.lemmas().forEach(l -> assertTrue(l.withinBudget(), l.toString()));
  }
}
