package org.loopmlp.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * Random programs and states for differential runs, with structured edge values mixed into every
 * word (0, 1, -1, the most negative and most positive word, powers of two and their neighbours):
 * bugs in constructions of this kind hide from uniform random values. Deterministic in the seed.
 */
final class RandomMachines {
  /** One generated input: the program and the initial state. */
  record Input(Program program, MachineState state) {}

  private RandomMachines() {}

  /** The input of try {@code index} of a run seeded with {@code seed}. */
  static Input generate(MachineConfig config, long seed, long index) {
    SplittableRandom random = new SplittableRandom(mix(seed, index));
    int m = config.dataSize();
    int k = config.codeSize();
    // Half the programs fill every slot (no HALT padding), so runs last longer.
    int length = random.nextBoolean() ? k : 1 + random.nextInt(k);
    List<Instruction> code = new ArrayList<>(length);
    for (int q = 0; q < length; q++) {
      int a = random.nextInt(m);
      int b = random.nextInt(8) == 0 ? a : random.nextInt(m);
      int c = random.nextInt(16) == 0 ? q : random.nextInt(k);
      code.add(Instruction.of(a, b, c));
    }
    long[] memory = new long[m];
    for (int i = 0; i < m; i++) {
      memory[i] = word(config, random);
    }
    int zeroCell = random.nextInt(m);
    if (random.nextBoolean()) {
      memory[zeroCell] = 0;
    }
    Program program = Program.padded(config, code, zeroCell);
    return new Input(program, MachineState.of(config, memory, random.nextInt(k)));
  }

  /** A word: half the time an edge value, otherwise uniform over all N-bit words. */
  static long word(MachineConfig config, SplittableRandom random) {
    if (random.nextBoolean()) {
      long[] edges = edgeValues(config);
      return edges[random.nextInt(edges.length)];
    }
    return config.minWord() + random.nextLong(config.maxWord() - config.minWord() + 1);
  }

  /** 0, 1, -1, min, max, and +-2^j, +-2^j +-1 where they fit in N bits. */
  static long[] edgeValues(MachineConfig config) {
    List<Long> v = new ArrayList<>(List.of(0L, 1L, -1L, config.minWord(), config.maxWord(),
        config.minWord() + 1, config.maxWord() - 1));
    for (int j = 1; j < config.wordBits(); j++) {
      long p = 1L << j;
      for (long x : new long[] {p, p - 1, p + 1, -p, -p - 1, -p + 1}) {
        if (config.fitsWord(x)) {
          v.add(x);
        }
      }
    }
    return v.stream().mapToLong(Long::longValue).toArray();
  }

  private static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
