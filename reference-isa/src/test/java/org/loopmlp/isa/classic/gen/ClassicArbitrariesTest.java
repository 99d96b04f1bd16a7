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

  /** The corners no draw reached. */
  static Set<ClassicCoverage> missing(Map<ClassicCoverage, Integer> counts) {
    Set<ClassicCoverage> missing = EnumSet.allOf(ClassicCoverage.class);
    missing.removeAll(counts.keySet());
    return missing;
  }

  @Example
  void programsReachEveryCornerWithinFiveHundredDraws() {
    Map<ClassicCoverage, Integer> counts = census(ClassicArbitraries.programs(), 500, 42, false);
    assertEquals(Set.of(), missing(counts), counts.toString());
  }

  @Example
  void statesReachEveryStepCornerWithinFiveHundredDraws() {
    Map<ClassicCoverage, Integer> counts = census(ClassicArbitraries.states(), 500, 43, true);
    assertEquals(Set.of(), missing(counts), counts.toString());
  }

  @Example
  void theCensusCatchesAGeneratorThatLostTheIoOperand() {
    // a deliberately weakened generator: programs without the word -1 in their image (they may
    // still compute a -1 into their own code, so output can survive)
    Arbitrary<ClassicCase> noIo = ClassicArbitraries.programs().filter(c -> {
      for (long w : c.state().memory()) {
        if (w == -1) {
          return false;
        }
      }
      return true;
    });
    Set<ClassicCoverage> missing = missing(census(noIo, 200, 42, false));
    assertTrue(missing.containsAll(EnumSet.of(ClassicCoverage.INPUT_BYTE,
        ClassicCoverage.INPUT_END, ClassicCoverage.ECHO_BYTE)), missing.toString());
  }

  @Example
  void programsStartAtPcZeroAndStatesAnywhere() {
    RandomGenerator<ClassicCase> programs = ClassicArbitraries.programs(8, 3).generator(1000);
    RandomGenerator<ClassicCase> states = ClassicArbitraries.states(8, 3).generator(1000);
    Random random = new Random(3);
    boolean negative = false;
    boolean offEnd = false;
    boolean running = false;
    for (int i = 0; i < 100; i++) {
      ClassicCase p = programs.next(random).value();
      assertEquals(0, p.state().pc(), p.toString());
      assertTrue(p.config().wordBits() <= 8 && p.config().memoryBits() <= 3, p.toString());
      long pc = states.next(random).value().state().pc();
      negative |= pc < 0;
      offEnd |= pc >= 0 && pc + 2 >= 8;
      running |= pc >= 0 && pc + 2 < 4;
    }
    assertTrue(negative && offEnd && running, negative + " " + offEnd + " " + running);
  }
}
