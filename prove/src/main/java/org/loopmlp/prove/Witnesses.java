package org.loopmlp.prove;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.PaperRegisters.Field;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * A full machine step whose stage input agrees with a counterexample on the registers the
 * stage's lemma reads: the program and the state before the pass. Which cells and slots to use
 * follows from what the reference machine does before the stage (fetch sets ra, rb, rc from the
 * slot at pc; read sets va, vb from memory; subtract sets r = wrap(vb - va); next pc sets pc1 =
 * pc + 1).
 */
public final class Witnesses {
  private Witnesses() {}

  /**
   * The step for {@code role} with stage-input register values {@code in}; {@code failing} names
   * the failing register (kept intact for write). Empty when no step reaches that input.
   */
  public static Optional<Step> stepFor(PaperStage role, PaperRegisters regs, Map<String, Long> in,
      String failing) {
    MachineConfig config = regs.config();
    int k = config.codeSize();
    int m = config.dataSize();
    List<Instruction> slots = new ArrayList<>();
    for (int q = 0; q < k; q++) {
      slots.add(Instruction.of(value(in, regs.code(q, Field.A).name()),
          value(in, regs.code(q, Field.B).name()), value(in, regs.code(q, Field.C).name())));
    }
    long[] memory = new long[m];
    for (int i = 0; i < m; i++) {
      memory[i] = in.get(regs.mem(i).name());
    }
    int pc = value(in, "pc");
    switch (role) {
      case FETCH:
      case NEXT_PC:
        break;
      case READ:
        slots.set(pc, Instruction.of(value(in, "ra"), value(in, "rb"), value(in, "rc")));
        break;
      case SUBTRACT:
        memory[0] = in.get("va");
        memory[1] = in.get("vb");
        slots.set(pc, Instruction.of(0, 1, value(in, "rc")));
        break;
      case WRITE: {
        int b = value(in, "rb");
        int a = -1;
        for (int i = 0; i < m && a < 0; i++) {
          if (i != b && !regs.mem(i).name().equals(failing)) {
            a = i;
          }
        }
        if (a < 0) {
          return Optional.empty();
        }
        memory[a] = config.wrap(memory[b] - in.get("r"));
        slots.set(pc, Instruction.of(a, b, value(in, "rc")));
        break;
      }
      case BRANCH:
        pc = Math.floorMod(value(in, "pc1") - 1, k);
        memory[0] = 0;
        memory[1] = in.get("r");
        slots.set(pc, Instruction.of(0, 1, value(in, "rc")));
        break;
      default:
        throw new AssertionError(role);
    }
    return Optional.of(new Step(Program.ofSlots(config, slots, 0),
        MachineState.of(config, memory, pc)));
  }

  private static int value(Map<String, Long> in, String register) {
    return Math.toIntExact(in.get(register));
  }

  public record Step(Program program, MachineState before) {}
}
