package org.loopmlp.isa.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import net.jqwik.api.Example;
import net.jqwik.api.Shrinkable;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.StepDetail;
import org.loopmlp.isa.SubleqMachine;

/**
 * Shrinking by construction, checked directly: starting from random machines that satisfy a
 * condition, greedy shrinking must end at the smallest config with a single real instruction,
 * the shape a counterexample report should have.
 */
class MachineShrinkingTest {

  private static GeneratedMachine shrinkWhile(Predicate<GeneratedMachine> condition, long seed) {
    Random random = new Random(seed);
    Shrinkable<GeneratedMachine> current;
    do {
      current = MachineArbitraries.machines().generator(1000).next(random);
    } while (!condition.test(current.value()));
    for (int round = 0; round < 10_000; round++) {
      Optional<Shrinkable<GeneratedMachine>> smaller =
          current.shrink().filter(s -> condition.test(s.value())).findFirst();
      if (smaller.isEmpty()) {
        return current.value();
      }
      current = smaller.get();
    }
    throw new AssertionError("shrinking did not settle: " + current.value());
  }

  private static boolean overflows(GeneratedMachine m) {
    StepDetail d = SubleqMachine.detail(m.program(), m.state());
    return d.overflowed();
  }

  @Example
  void anOverflowingStepShrinksToTheSmallestMachine() {
    for (long seed = 1; seed <= 3; seed++) {
      GeneratedMachine m = shrinkWhile(MachineShrinkingTest::overflows, seed);
      assertEquals(MachineConfig.of(2, 1, 1), m.config(), m.toString());
      assertEquals(1, m.program().nonHaltCount(), m.toString());
      assertTrue(overflows(m));
    }
  }

  @Example
  void aNotTakenBranchShrinksToSmallValues() {
    Predicate<GeneratedMachine> notTaken =
        m -> !SubleqMachine.detail(m.program(), m.state()).branch();
    GeneratedMachine m = shrinkWhile(notTaken, 7);
    StepDetail d = SubleqMachine.detail(m.program(), m.state());
    assertEquals(MachineConfig.of(2, 1, 1), m.config(), m.toString());
    assertEquals(1, d.result(), "the smallest positive result");
    assertEquals(1, m.program().nonHaltCount(), m.toString());
  }
}
