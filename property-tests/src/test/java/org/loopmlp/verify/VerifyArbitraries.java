package org.loopmlp.verify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * Arbitraries for the differential properties. Shrinking is by construction: configs shrink to
 * (2, 1, 1); a slot's kind shrinks to 0, which is HALT (fewest non-HALT instructions); operands
 * shrink to 0; words shrink to 0 (edge values are listed by magnitude, 0 first); pc shrinks to 0.
 */
final class VerifyArbitraries {
  private VerifyArbitraries() {}

  /** A config, a program and a state. */
  record Machine(MachineConfig config, Program program, MachineState state) {
    @Override
    public String toString() {
      return config + " " + program.slots() + " " + state;
    }
  }

  static Arbitrary<MachineConfig> configs(int maxN, int maxA, int maxC) {
    return Combinators.combine(
        Arbitraries.integers().between(2, maxN),
        Arbitraries.integers().between(1, maxA),
        Arbitraries.integers().between(1, maxC)).as(MachineConfig::of);
  }

  /**
   * Words mixing edge values (0, 1, -1, min, max, powers of two and neighbours; 55%) with uniform
   * values (45%).
   */
  static Arbitrary<Long> words(MachineConfig config) {
    Long[] edges = Arrays.stream(MachineGenerator.edgeValues(config)).boxed()
        .sorted(Comparator.comparingLong(Math::abs)).toArray(Long[]::new);
    Arbitrary<Long> special = Arbitraries.of(0L, 1L, -1L, config.minWord(), config.maxWord());
    return Arbitraries.frequencyOf(
        Tuple.of(30, special),
        Tuple.of(25, Arbitraries.of(edges)),
        Tuple.of(45, Arbitraries.longs().between(config.minWord(), config.maxWord())));
  }

  /** One slot: kind < 10 is HALT, kind < 20 has a == b, else random operands. */
  private record Slot(int kind, int a, int b, int c) {
    Instruction at(int q) {
      if (kind < 10) {
        return Instruction.haltAt(q, 0);
      }
      return Instruction.of(a, kind < 20 ? a : b, c);
    }
  }

  static Arbitrary<Program> programs(MachineConfig config) {
    Arbitrary<Slot> slot = Combinators.combine(
        Arbitraries.integers().between(0, 99).withDistribution(RandomDistribution.uniform()),
        Arbitraries.integers().between(0, config.dataSize() - 1),
        Arbitraries.integers().between(0, config.dataSize() - 1),
        Arbitraries.integers().between(0, config.codeSize() - 1)).as(Slot::new);
    return slot.list().ofSize(config.codeSize()).map(slots -> {
      List<Instruction> ins = new ArrayList<>();
      for (int q = 0; q < slots.size(); q++) {
        ins.add(slots.get(q).at(q));
      }
      return Program.ofSlots(config, ins, 0);
    });
  }

  /** States: every word from {@link #words}; pc at the last slot 30% of the time. */
  static Arbitrary<MachineState> states(MachineConfig config) {
    Arbitrary<long[]> memory = words(config).list().ofSize(config.dataSize())
        .map(l -> l.stream().mapToLong(Long::longValue).toArray());
    Arbitrary<Integer> pc = Arbitraries.frequencyOf(
        Tuple.of(70, Arbitraries.integers().between(0, config.codeSize() - 1)),
        Tuple.of(30, Arbitraries.just(config.codeSize() - 1)));
    return Combinators.combine(memory, pc).as((m, p) -> MachineState.of(config, m, p));
  }

  static Arbitrary<Machine> machines(int maxN, int maxA, int maxC) {
    return configs(maxN, maxA, maxC).flatMap(config -> Combinators.combine(programs(config),
        states(config)).as((p, s) -> new Machine(config, p, s)));
  }
}
