package org.loopmlp.isa.classic.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.RandomGenerator;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicRun;
import org.loopmlp.isa.classic.ClassicStepDetail;

/**
 * The classic generators reach every corner within a bounded number of draws (a fixed seed, so
 * a generator that stops reaching one fails the build), and their cases are well formed.
 */
class ClassicArbitrariesTest {
  static final int STEP_LIMIT = 64;

  /** How many of {@code tries} draws reached each corner. */
  static Map<ClassicCoverage, Integer> census(Arbitrary<ClassicCase> cases, int tries, long seed,
      boolean oneStep) {
    RandomGenerator<ClassicCase> gen = cases.generator(1000);
    Random random = new Random(seed);
    Map<ClassicCoverage, Integer> counts = new EnumMap<>(ClassicCoverage.class);
    for (int i = 0; i < tries; i++) {
      ClassicCase c = gen.next(random).value();
      Set<ClassicCoverage> hit;
      if (oneStep) {
        ClassicRun run = c.runTraced(1);
        hit = EnumSet.of(ClassicCoverage.ending(run));
        for (ClassicStepDetail d : run.trace().get().details()) {
          hit.addAll(ClassicCoverage.ofStep(c.config(), d));
        }
      } else {
        hit = ClassicCoverage.ofRun(c.runTraced(STEP_LIMIT));
      }
      for (ClassicCoverage k : hit) {
        counts.merge(k, 1, Integer::sum);
      }
    }
    return counts;
  }

  @Example
  void programsReachEveryCornerWithinFiveHundredDraws() {
    Map<ClassicCoverage, Integer> counts = census(ClassicArbitraries.programs(), 500, 42, false);
    for (ClassicCoverage k : ClassicCoverage.values()) {
      assertTrue(counts.getOrDefault(k, 0) > 0, k + " never reached: " + counts);
    }
  }

  @Example
  void statesReachEveryStepCornerWithinFiveHundredDraws() {
    Map<ClassicCoverage, Integer> counts = census(ClassicArbitraries.states(), 500, 43, true);
    for (ClassicCoverage k : ClassicCoverage.values()) {
      assertTrue(counts.getOrDefault(k, 0) > 0, k + " never reached: " + counts);
    }
  }
}
