package org.loopmlp.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/** The projections the shrinker uses to carry a case to a smaller config. */
class TestCaseTest {
  private static final MachineConfig C = MachineConfig.of(4, 3, 2);
  private static final TestCase CASE = new TestCase(C,
      Program.ofSlots(C, List.of(Instruction.of(5, 4, 3), Instruction.of(1, 6, 0),
          Instruction.of(7, 7, 2), Instruction.of(0, 0, 3)), 0),
      MachineState.of(C, new long[] {0, 1, 2, 3, 4, 5, 6, -8}, 2), 3);

  @Test
  void resizedToKeepsLowAddressBitsAndClampsWords() {
    TestCase t = CASE.resizedTo(MachineConfig.of(3, 2, 1));
    assertArrayEquals(new long[] {0, 1, 2, 3}, t.state().memory());
    assertEquals(Instruction.of(1, 0, 1), t.program().at(0));
    assertEquals(0, t.state().pc());
    assertEquals(-4, CASE.resizedTo(MachineConfig.of(3, 3, 2)).state().word(7));
  }

  @Test
  void withoutAddressBitKeepsCellsThatDifferInAHigherBitApart() {
    // Drop bit 1, keep cells with bit 1 = 0: addresses 0, 1, 4, 5 become 0, 1, 2, 3.
    TestCase t = CASE.withoutAddressBit(1, 0);
    assertEquals(MachineConfig.of(4, 2, 2), t.config());
    assertArrayEquals(new long[] {0, 1, 4, 5}, t.state().memory());
    assertEquals(Instruction.of(3, 2, 3), t.program().at(0));
    assertArrayEquals(new long[] {2, 3, 6, -8}, CASE.withoutAddressBit(1, 1).state().memory());
  }

  @Test
  void withoutSlotBitKeepsTheInstructionAtPc() {
    // pc = 2 = 0b10; dropping bit 0 keeps slots 2, 3 (bit 0 of pc is 0, so slots 0 and 2).
    TestCase t = CASE.withoutSlotBit(0);
    assertEquals(MachineConfig.of(4, 3, 1), t.config());
    assertEquals(1, t.state().pc());
    assertEquals(Instruction.of(7, 7, 1), t.program().at(t.state().pc()));
    assertEquals(Instruction.of(5, 4, 1), t.program().at(0));
  }

  @Test
  void withWordsHalvedShiftsEveryWord() {
    TestCase t = CASE.withWordsHalved();
    assertEquals(3, t.config().wordBits());
    assertArrayEquals(new long[] {0, 0, 1, 1, 2, 2, 3, -4}, t.state().memory());
  }
}
