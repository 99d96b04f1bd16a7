package org.loopmlp.construction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.SubleqMachine;

/**
 * One checked pass of every construction from every program and every state of the two smallest
 * configs (N = 2 and 3, A = C = 1): all 64 programs times all 32 (resp. 128) states.
 */
class ExhaustiveTinyConfigsTest {
  @Test
  void everyPassOfTheSmallestConfigsEqualsTheReference() {
    for (MachineConfig config : List.of(MachineConfig.of(2, 1, 1), MachineConfig.of(3, 1, 1))) {
      List<Program> programs = allPrograms(config);
      List<MachineState> states = allStates(config);
      assertEquals(64, programs.size());
      for (String name : Constructions.names()) {
        LoopedMlp mlp = LoopedMlp.checked(Constructions.build(name, config),
            RationalBackend.INSTANCE);
        int checked = 0;
        for (Program p : programs) {
          for (MachineState s : states) {
            assertEquals(SubleqMachine.step(p, s), mlp.step(p, s), name + " " + p + " " + s);
            checked++;
          }
        }
        assertEquals(64 * states.size(), checked);
      }
    }
  }

  private static List<Program> allPrograms(MachineConfig config) {
    List<Instruction> slot = new ArrayList<>();
    for (int a = 0; a < config.dataSize(); a++) {
      for (int b = 0; b < config.dataSize(); b++) {
        for (int c = 0; c < config.codeSize(); c++) {
          slot.add(Instruction.of(a, b, c));
        }
      }
    }
    List<Program> programs = new ArrayList<>();
    for (Instruction first : slot) {
      for (Instruction second : slot) {
        programs.add(Program.ofSlots(config, List.of(first, second), 0));
      }
    }
    return programs;
  }

  private static List<MachineState> allStates(MachineConfig config) {
    List<MachineState> states = new ArrayList<>();
    for (long x = config.minWord(); x <= config.maxWord(); x++) {
      for (long y = config.minWord(); y <= config.maxWord(); y++) {
        for (int pc = 0; pc < config.codeSize(); pc++) {
          states.add(MachineState.of(config, new long[] {x, y}, pc));
        }
      }
    }
    return states;
  }
}
