package org.loopmlp.construction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/** Seeded random programs and states, several configs, checked mode against the reference. */
class RandomProgramsTest {
  static Program randomProgram(MachineConfig config, Random rnd) {
    List<Instruction> slots = new ArrayList<>();
    for (int q = 0; q < config.codeSize(); q++) {
      slots.add(Instruction.of(rnd.nextInt(config.dataSize()), rnd.nextInt(config.dataSize()),
          rnd.nextInt(config.codeSize())));
    }
    return Program.ofSlots(config, slots, 0);
  }

  static MachineState randomState(MachineConfig config, Random rnd) {
    long[] mem = new long[config.dataSize()];
    for (int i = 0; i < mem.length; i++) {
      mem[i] = config.minWord() + (long) (rnd.nextDouble() * (config.maxWord() - config.minWord()
          + 1));
    }
    return MachineState.of(config, mem, rnd.nextInt(config.codeSize()));
  }

  @Test
  void smallConfigsMatchReferenceForSeveralPasses() {
    Random rnd = new Random(20261123L);
    int[][] configs = {{2, 1, 1}, {3, 2, 1}, {4, 1, 3}, {5, 3, 2}, {8, 2, 2}, {6, 3, 3}};
    for (int[] nac : configs) {
      MachineConfig config = MachineConfig.of(nac[0], nac[1], nac[2]);
      LoopedMlp mlp = LoopedMlp.checked(PaperConstruction.build(config),
          RationalBackend.INSTANCE);
      for (int trial = 0; trial < 5; trial++) {
        Program p = randomProgram(config, rnd);
        MachineState s = randomState(config, rnd);
        assertEquals(ReferenceRun.trace(p, s, 12), mlp.run(p, s, 12).states(),
            config + " " + p + " " + s);
      }
    }
  }
}
