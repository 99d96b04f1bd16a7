package org.loopmlp.construction;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/** Configs, programs and states for the construction's properties; shrink towards small. */
final class TestArbitraries {
  private static final Map<String, Construction> BUILT = new ConcurrentHashMap<>();

  private TestArbitraries() {}

  /** The paper construction for {@code config}, built once per test run. */
  static Construction paper(MachineConfig config) {
    return construction(PaperConstruction.NAME, config);
  }

  /** The construction called {@code name} for {@code config}, built once per test run. */
  static Construction construction(String name, MachineConfig config) {
    return BUILT.computeIfAbsent(name + " " + config, k -> Constructions.build(name, config));
  }

  static Arbitrary<String> constructionNames() {
    return Arbitraries.of(Constructions.names());
  }

  /** One machine: config, program and state. */
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

  static Arbitrary<Program> programs(MachineConfig config) {
    Arbitrary<Instruction> ins = Combinators.combine(
        Arbitraries.integers().between(0, config.dataSize() - 1),
        Arbitraries.integers().between(0, config.dataSize() - 1),
        Arbitraries.integers().between(0, config.codeSize() - 1)).as(Instruction::of);
    return ins.list().ofSize(config.codeSize()).map(l -> Program.ofSlots(config, l, 0));
  }

  static Arbitrary<MachineState> states(MachineConfig config) {
    Arbitrary<long[]> memory = Arbitraries.longs().between(config.minWord(), config.maxWord())
        .array(long[].class).ofSize(config.dataSize());
    return Combinators.combine(memory, Arbitraries.integers().between(0, config.codeSize() - 1))
        .as((mem, pc) -> MachineState.of(config, mem, pc));
  }

  static Arbitrary<Machine> machines(int maxN, int maxA, int maxC) {
    return configs(maxN, maxA, maxC).flatMap(config -> Combinators.combine(programs(config),
        states(config)).as((p, s) -> new Machine(config, p, s)));
  }
}
