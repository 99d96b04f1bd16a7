package org.loopmlp.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.StateCodec;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.exact.LayerObserver;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.gen.GeneratedMachine;
import org.loopmlp.isa.gen.MachineArbitraries;

/**
 * The {@code incremental} backend against dense {@code exact} evaluation on every construction:
 * every neuron of every layer of every pass equal, over random programs and states looped
 * through the network, with passes in between that change nothing (the same input again, or a
 * fresh encoding of the same state) and passes that change much or everything (another state,
 * another program). Checked mode on the incremental backend (the stage lemmas after every layer)
 * runs in {@code ExactBackendsTest} and {@code ExampleProgramsTest}, which take every exact
 * backend.
 */
@StatisticsReport(onFailureOnly = true)
class IncrementalDifferentialProperties {
  /** How a pass's input is made. */
  enum Kind {
    /** Each backend's own previous output: the looped network. */
    LOOP,
    /** The very same input object again. */
    SAME_INPUT,
    /** A fresh encoding of the state the network is in: equal values, a new vector. */
    RE_ENCODED,
    /** Another memory and pc for the same program. */
    OTHER_STATE,
    /** Another program and state: most of the vector changes. */
    OTHER_PROGRAM
  }

  record Step(Kind kind, long seed, boolean observed) {}

  record Case(String construction, GeneratedMachine machine, List<Step> steps) {}

  /** Per construction and config: the construction, and its network on exact and incremental. */
  private record Built(Construction construction, Backend.Compiled exact,
      Backend.Compiled incremental) {}

  private static final Map<String, Built> BUILT = new ConcurrentHashMap<>();

  private static Built built(String name, MachineConfig config) {
    return BUILT.computeIfAbsent(name + " " + config, k -> {
      Construction c = Constructions.build(name, config);
      return new Built(c, Backends.named("exact").compile(c.network()),
          Backends.named("incremental").compile(c.network()));
    });
  }

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<Step> step = Combinators.combine(
        Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(Kind.LOOP)),
            Tuple.of(1, Arbitraries.just(Kind.SAME_INPUT)),
            Tuple.of(1, Arbitraries.just(Kind.RE_ENCODED)),
            Tuple.of(1, Arbitraries.just(Kind.OTHER_STATE)),
            Tuple.of(1, Arbitraries.just(Kind.OTHER_PROGRAM))),
        Arbitraries.longs(), Arbitraries.of(true, false)).as(Step::new);
    return MachineArbitraries.machines(8, 3, 3).flatMap(m -> Combinators.combine(
        Arbitraries.of(Constructions.names().stream()
            .filter(n -> Constructions.supports(n, m.config())).toList()),
        step.list().ofMinSize(1).ofMaxSize(16)).as((name, steps) -> new Case(name, m, steps)));
  }

  @Property(tries = 150, seed = "20261129")
  void incrementalEqualsExactOnEveryNeuronOfEveryPass(@ForAll("cases") Case k) {
    GeneratedMachine m = k.machine();
    Built b = built(k.construction(), m.config());
    StateCodec codec = StateCodec.forConstruction(b.construction());
    Backend.Compiled exact = b.exact();
    Backend.Compiled incremental = b.incremental();
    StateVector inE = exact.load(codec.encode(m.program(), m.state()));
    StateVector inI = incremental.load(inE);
    StateVector outE = null;
    StateVector outI = null;
    for (int pass = 0; pass <= k.steps().size(); pass++) {
      Step step = pass == 0 ? new Step(Kind.OTHER_STATE, 0, true) : k.steps().get(pass - 1);
      if (pass > 0) {
        switch (step.kind()) {
          case LOOP -> {
            inE = outE;
            inI = outI;
          }
          case SAME_INPUT -> { }
          case RE_ENCODED -> {
            var d = codec.decode(outE);
            inE = exact.load(codec.encode(d.program(), d.state()));
            inI = incremental.load(codec.encode(d.program(), d.state()));
          }
          case OTHER_STATE, OTHER_PROGRAM -> {
            SplittableRandom rnd = new SplittableRandom(step.seed());
            Program p = step.kind() == Kind.OTHER_STATE ? m.program()
                : randomProgram(m.config(), rnd);
            StateVector v = codec.encode(p, randomState(m.config(), rnd));
            inE = exact.load(v);
            inI = incremental.load(v);
          }
        }
      }
      List<Rational[]> expected = new ArrayList<>();
      outE = exact.apply(inE, (i, l, out) -> expected.add(out.toRationals()));
      int p = pass;
      int[] seen = {0};
      LayerObserver compare = (i, l, out) -> {
        assertEquals(seen[0]++, i, "layers in order");
        assertNeuronsEqual(expected.get(i), out, k.construction() + ", pass " + p + " ("
            + step.kind() + "), layer " + i + " (" + l.label() + ")");
      };
      outI = incremental.apply(inI, step.observed() ? compare : LayerObserver.NONE);
      if (step.observed()) {
        assertEquals(expected.size(), seen[0], "every layer observed");
      }
      assertNeuronsEqual(expected.get(expected.size() - 1), outI,
          k.construction() + ", pass " + p + " (" + step.kind() + "), output");
      Statistics.label("step").collect(step.kind());
    }
    Statistics.label("construction").collect(k.construction());
    Statistics.label("construction").coverage(cov -> {
      for (String name : Constructions.names()) {
        cov.check(name).count(n -> n > 0);
      }
    });
  }

  private static void assertNeuronsEqual(Rational[] expected, StateVector actual, String where) {
    assertEquals(expected.length, actual.dimension(), where + ": dimension");
    for (int i = 0; i < expected.length; i++) {
      if (!expected[i].equals(actual.get(i))) {
        fail(where + ", neuron " + i + ": exact " + expected[i] + ", incremental "
            + actual.get(i));
      }
    }
  }

  private static Program randomProgram(MachineConfig config, SplittableRandom rnd) {
    List<Instruction> slots = new ArrayList<>();
    for (int q = 0; q < config.codeSize(); q++) {
      slots.add(Instruction.of(rnd.nextInt(config.dataSize()), rnd.nextInt(config.dataSize()),
          rnd.nextInt(config.codeSize())));
    }
    return Program.ofSlots(config, slots, 0);
  }

  private static MachineState randomState(MachineConfig config, SplittableRandom rnd) {
    long[] memory = new long[config.dataSize()];
    for (int i = 0; i < memory.length; i++) {
      memory[i] = config.minWord() + rnd.nextLong(config.maxWord() - config.minWord() + 1);
    }
    return MachineState.of(config, memory, rnd.nextInt(config.codeSize()));
  }
}
