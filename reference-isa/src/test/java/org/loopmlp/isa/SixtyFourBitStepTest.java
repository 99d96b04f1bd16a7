package org.loopmlp.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** At N = 64 a word is a long: the difference wraps modulo 2^64 and overflow is still seen. */
class SixtyFourBitStepTest {
  private static final MachineConfig C = MachineConfig.of(64, 1, 1);

  private static StepDetail step(long a, long b) {
    Program p = Program.padded(C, List.of(Instruction.of(0, 1, 1)), 0);
    return SubleqMachine.detail(p, MachineState.of(C, new long[] {a, b}, 0));
  }

  @Test
  void mostNegativeMinusOneWrapsToMostPositive() {
    StepDetail d = step(1, Long.MIN_VALUE);
    assertEquals(Long.MAX_VALUE, d.result());
    assertTrue(d.overflowed());
    assertFalse(d.branch());
  }

  @Test
  void mostPositiveMinusMinusOneWrapsToMostNegative() {
    StepDetail d = step(-1, Long.MAX_VALUE);
    assertEquals(Long.MIN_VALUE, d.result());
    assertTrue(d.overflowed());
    assertTrue(d.branch());
  }

  @Test
  void anOrdinaryDifferenceDoesNotOverflow() {
    StepDetail d = step(5, -3);
    assertEquals(-8, d.result());
    assertFalse(d.overflowed());
  }
}
