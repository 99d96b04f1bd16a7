package org.loopmlp.isa.classic.gen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.Shrinkable;

/**
 * Shrinking by construction, checked directly: from random cases that satisfy a condition,
 * greedy shrinking must end at the smallest config and the fewest, smallest words and bytes,
 * the shape a counterexample report should have.
 */
class ClassicShrinkingTest {
  /**
   * Shrinking stops at a local minimum: a smaller N can turn an address into -1 (I/O) and change
   * what the program does, so "small" is N and A at most 3 and a handful of words.
   */
  private static void assertSmall(ClassicCase c, int maxNonZeroWords) {
    assertTrue(c.config().wordBits() <= 3 && c.config().memoryBits() <= 3, c.toString());
    assertTrue(nonZeroWords(c) <= maxNonZeroWords, c.toString());
  }

  static ClassicCase shrinkWhile(Arbitrary<ClassicCase> cases, Predicate<ClassicCase> condition,
      long seed) {
    Random random = new Random(seed);
    Shrinkable<ClassicCase> current;
    do {
      current = cases.generator(1000).next(random);
    } while (!condition.test(current.value()));
    for (int round = 0; round < 10_000; round++) {
      Optional<Shrinkable<ClassicCase>> smaller =
          current.shrink().filter(s -> condition.test(s.value())).findFirst();
      if (smaller.isEmpty()) {
        return current.value();
      }
      current = smaller.get();
    }
    throw new AssertionError("shrinking did not settle: " + current.value());
  }

  private static Predicate<ClassicCase> reaches(ClassicCoverage corner) {
    return c -> ClassicCoverage.ofRun(c.runTraced(ClassicArbitrariesTest.STEP_LIMIT))
        .contains(corner);
  }

  private static int nonZeroWords(ClassicCase c) {
    int n = 0;
    for (long w : c.state().memory()) {
      n += w != 0 ? 1 : 0;
    }
    return n;
  }

  @Example
  void aWriteIntoTheExecutingInstructionShrinksToTheSmallestMachine() {
    for (long seed = 1; seed <= 2; seed++) {
      ClassicCase c = shrinkWhile(ClassicArbitraries.programs(),
          reaches(ClassicCoverage.WRITES_THIS_INSTRUCTION), seed);
      assertSmall(c, 6);
      assertEquals(0, c.input().length, c.toString());
    }
  }

  @Example
  void aHighInputByteShrinksToOneByte128() {
    for (long seed = 1; seed <= 2; seed++) {
      ClassicCase c = shrinkWhile(ClassicArbitraries.programs(),
          reaches(ClassicCoverage.INPUT_HIGH_BYTE), seed);
      assertSmall(c, 3);
      assertArrayEquals(new byte[] {(byte) 128}, c.input(), c.toString());
    }
  }

  @Example
  void aWrappedResultShrinksToTheSmallestWords() {
    ClassicCase c = shrinkWhile(ClassicArbitraries.states(4, 3),
        reaches(ClassicCoverage.RESULT_WRAPPED), 5);
    assertSmall(c, 3);
    assertTrue(c.state().pc() <= 1, c.toString());
    assertEquals(0, c.input().length, c.toString());
  }
}
