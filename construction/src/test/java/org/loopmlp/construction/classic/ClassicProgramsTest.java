package org.loopmlp.construction.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.classic.ByteInput;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicRun;
import org.loopmlp.isa.classic.ClassicRunner;
import org.loopmlp.isa.classic.ClassicState;

/**
 * Small classic programs written here, run through both classic networks (classic and
 * classic-split) in checked mode on every exact backend: the same output bytes, steps and final state as the reference machine.
 */
class ClassicProgramsTest {
  /** Prints "OK" from two data words, clears a word and halts by jumping to -1. */
  static final long[] PRINT_OK = {12, -1, 3, 13, -1, 6, 14, 14, -1, 0, 0, 0, 79, 75, 5};

  /**
   * Echoes its input until end of input: reads into X, halts when X + 1 <= 0 (end of input),
   * restores X, prints it and jumps back. Needs N >= 9 for bytes above 127.
   */
  static final long[] ECHO = {
      -1, 15, 3,     // 0: X = input
      16, 15, -1,    // 3: X -= -1; halt if X + 1 <= 0
      17, 15, 9,     // 6: X -= 1
      15, -1, 12,    // 9: print X
      18, 18, 0,     // 12: jump 0
      0, -1, 1, 0};  // 15: X, 16: -1, 17: 1, 18: Z

  /**
   * Rewrites its own code: the operand P of the output instruction (word 0) walks through the
   * string "Hi!"; each round adds 1 to it (subtracts -1) and stops once P reaches 21.
   */
  static final long[] WALK = {
      18, -1, 3,     // 0: print mem[P]; P is word 0 itself
      22, 0, 6,      // 3: P -= -1
      23, 23, 9,     // 6: T = 0
      0, 23, 12,     // 9: T -= P
      24, 23, -1,    // 12: T -= -21; halt if 21 - P <= 0
      25, 25, 0,     // 15: jump 0
      72, 105, 33,   // 18: "Hi!"
      0,             // 21
      -1, 0, -21, 0};  // 22: -1, 23: T, 24: -21, 25: Z

  @Test
  void printsOk() {
    assertRunsLikeTheReference(ClassicConfig.of(8, 4), PRINT_OK, "", "OK");
  }

  @Test
  void echoesWithAndWithoutEndOfInput() {
    assertRunsLikeTheReference(ClassicConfig.of(10, 5), ECHO, "abc\u00ff", "abc\u00ff");
    assertRunsLikeTheReference(ClassicConfig.of(10, 5), ECHO, "", "");
  }

  @Test
  void rewritesItsOwnCode() {
    assertRunsLikeTheReference(ClassicConfig.of(8, 5), WALK, "", "Hi!");
  }

  static void assertRunsLikeTheReference(ClassicConfig config, long[] image, String input,
      String expectedOutput) {
    ClassicState initial = ClassicState.load(config, image);
    byte[] in = input.getBytes(StandardCharsets.ISO_8859_1);
    ByteOutput.Collecting refOut = ByteOutput.collecting();
    ClassicRun reference = ClassicRunner.run(initial, ByteInput.of(in), refOut, 10_000);
    assertTrue(reference.halted(), "the reference machine halts");
    assertEquals(expectedOutput, new String(refOut.bytes(), StandardCharsets.ISO_8859_1));
    for (String name : ClassicConstruction.names()) {
      ClassicConstruction c = ClassicConstruction.build(name, config);
      for (Backend backend : Backends.all()) {
        if (!backend.isExact()) {
          continue;
        }
        String what = name + " on " + backend.name();
        ByteOutput.Collecting out = ByteOutput.collecting();
        ClassicLoopedMlp.Run run = ClassicLoopedMlp.checked(c, backend).run(initial,
            ByteInput.of(in), out, 10_000, ClassicLoopedMlp.PassListener.NONE);
        assertArrayEquals(refOut.bytes(), out.bytes(), what);
        assertEquals(reference.steps(), run.steps(), what);
        assertTrue(run.halted(), what);
        assertEquals(reference.finalState(), run.last(), what);
      }
    }
  }
}
