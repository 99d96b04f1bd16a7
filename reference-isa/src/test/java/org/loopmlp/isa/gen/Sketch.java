package org.loopmlp.isa.gen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * A machine drawn once for the largest config of a range and projected onto any smaller config.
 * Shrinking the config then keeps the program and memory: addresses and slots are taken modulo
 * the smaller sizes, memory cells and program slots fold onto {@code index mod size} (a later
 * non-zero cell or real instruction wins), and words keep their kind (an edge value stays the
 * same edge, a uniform value is scaled by an arithmetic shift). Package-private: the public face
 * is {@link MachineArbitraries#machines(int, int, int)}.
 */
record Sketch(int zeroCell, List<Optional<SketchInstruction>> slots, List<SketchWord> memory,
    int pc) {

  /** An edge value by kind ({@code edge >= 0}), or a uniform draw of the largest word size. */
  record SketchWord(int edge, long uniform, int maxWordBits) {
    long project(MachineConfig config) {
      if (edge < 0) {
        return uniform >> (maxWordBits - config.wordBits());
      }
      return config.wrap(edgeValue(config, edge));
    }

    /** 0, 1, -1, max, min, max - 1, min + 1, then +-(2^j - 1), +-2^j, +-(2^j + 1) for j >= 1. */
    static long edgeValue(MachineConfig config, int edge) {
      switch (edge) {
        case 0: return 0;
        case 1: return 1;
        case 2: return -1;
        case 3: return config.maxWord();
        case 4: return config.minWord();
        case 5: return config.maxWord() - 1;
        case 6: return config.minWord() + 1;
        default:
          int k = edge - 7;
          int j = Math.min(1 + k / 6, config.wordBits() - 1);
          long v = (1L << j) + (k % 3) - 1;
          return (k / 3) % 2 == 0 ? v : -v;
      }
    }
  }

  /** a, b (already distinct unless drawn equal) and c as addresses of the largest config. */
  record SketchInstruction(int a, int b, int c) {
    Instruction project(MachineConfig config) {
      int m = config.dataSize();
      int pa = a % m;
      int pb = b % m;
      if (a != b && pa == pb) {
        pb = (pa + 1) % m;
      }
      return Instruction.of(pa, pb, c % config.codeSize());
    }
  }

  GeneratedMachine project(MachineConfig config) {
    int m = config.dataSize();
    int k = config.codeSize();
    int zero = zeroCell % m;
    List<Instruction> program = new ArrayList<>(k);
    for (int q = 0; q < k; q++) {
      program.add(Instruction.haltAt(q, zero));
    }
    for (int j = 0; j < slots.size(); j++) {
      int q = j % k;
      Optional<SketchInstruction> ins = slots.get(j);
      if (ins.isPresent()) {
        program.set(q, ins.get().project(config));
      }
    }
    long[] cells = new long[m];
    for (int j = 0; j < memory.size(); j++) {
      long v = memory.get(j).project(config);
      if (v != 0) {
        cells[j % m] = v;
      }
    }
    return new GeneratedMachine(config, Program.ofSlots(config, program, zero),
        MachineState.of(config, cells, pc % k));
  }
}
