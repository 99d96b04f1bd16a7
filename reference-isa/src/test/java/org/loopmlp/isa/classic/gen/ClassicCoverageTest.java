package org.loopmlp.isa.classic.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.loopmlp.isa.classic.ByteInput;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.isa.classic.ClassicRunner;
import org.loopmlp.isa.classic.ClassicState;

/** The coverage classifier on hand-made steps, each corner set worked out by hand. */
class ClassicCoverageTest {
  private static final ClassicConfig N8_A4 = ClassicConfig.of(8, 4);

  private static EnumSet<ClassicCoverage> step(ClassicConfig config, long pc, int input,
      long... image) {
    ClassicState s = ClassicState.load(config, image).withPc(pc);
    return ClassicCoverage.ofStep(config, ClassicMachine.detail(s, input));
  }

  @Test
  void subtractCorners() {
    // mem[7] = 7 - 3 = 4 > 0
    assertEquals(EnumSet.of(ClassicCoverage.SUBTRACT, ClassicCoverage.BRANCH_NOT_TAKEN),
        step(N8_A4, 0, -1, 6, 7, 9, 0, 0, 0, 3, 7));
    // a == b = 1: mem[1] = 0, writes the executing instruction, branches
    assertEquals(EnumSet.of(ClassicCoverage.SUBTRACT, ClassicCoverage.BRANCH_TAKEN,
        ClassicCoverage.SAME_OPERAND, ClassicCoverage.WRITES_THIS_INSTRUCTION),
        step(N8_A4, 0, -1, 1, 1, 9));
    // -128 - 1 wraps to 127; b = 20 is 4 mod 16, the next instruction's second word
    assertEquals(EnumSet.of(ClassicCoverage.SUBTRACT, ClassicCoverage.BRANCH_NOT_TAKEN,
        ClassicCoverage.RESULT_WRAPPED, ClassicCoverage.OPERAND_WRAPPED,
        ClassicCoverage.WRITES_NEXT_INSTRUCTION),
        step(N8_A4, 0, -1, 5, 20, 9, 0, -128, 1));
  }

  @Test
  void ioCorners() {
    assertEquals(EnumSet.of(ClassicCoverage.INPUT_BYTE), step(N8_A4, 0, 'A', -1, 9, 0));
    assertEquals(EnumSet.of(ClassicCoverage.INPUT_HIGH_BYTE), step(N8_A4, 0, 200, -1, 9, 0));
    // input into word 2 of the executing instruction, at end of input
    assertEquals(EnumSet.of(ClassicCoverage.INPUT_END, ClassicCoverage.WRITES_THIS_INSTRUCTION),
        step(N8_A4, 0, -1, -1, 2, 0));
    assertEquals(EnumSet.of(ClassicCoverage.OUTPUT), step(N8_A4, 0, -1, 3, -1, 0, 72));
    assertEquals(EnumSet.of(ClassicCoverage.OUTPUT, ClassicCoverage.OUTPUT_LOW_BITS),
        step(N8_A4, 0, -1, 3, -1, 0, -66));
    assertEquals(EnumSet.of(ClassicCoverage.ECHO_BYTE), step(N8_A4, 0, 'q', -1, -1, 0));
    assertEquals(EnumSet.of(ClassicCoverage.ECHO_END), step(N8_A4, 0, -1, -1, -1, 0));
  }

  @Test
  void pcWrapAndEndings() {
    // N = 5, pc = 13: pc + 3 = 16 wraps to -16
    long[] m = new long[16];
    m[1] = -5;
    m[13] = 1;
    m[14] = 2;
    m[15] = 0;
    assertEquals(EnumSet.of(ClassicCoverage.SUBTRACT, ClassicCoverage.BRANCH_NOT_TAKEN,
        ClassicCoverage.PC_WRAPPED), step(ClassicConfig.of(5, 4), 13, -1, m));
    assertEquals(EnumSet.noneOf(ClassicCoverage.class), step(N8_A4, -1, -1, 0));

    ClassicState jumpsNegative = ClassicState.load(N8_A4, new long[] {8, 8, -1});
    assertEquals(EnumSet.of(ClassicCoverage.SUBTRACT, ClassicCoverage.BRANCH_TAKEN,
        ClassicCoverage.SAME_OPERAND, ClassicCoverage.HALTED_NEGATIVE_PC),
        ClassicCoverage.ofRun(ClassicRunner.runTraced(jumpsNegative, ByteInput.none(),
            ByteOutput.discard(), 10)));
    // 0 0 0 at pc 0 clears word 0 and jumps to 0 forever
    ClassicState loops = ClassicState.load(N8_A4, new long[] {0, 0, 0});
    assertEquals(ClassicCoverage.STEP_LIMIT, ClassicCoverage.ending(ClassicRunner.run(loops,
        ByteInput.none(), ByteOutput.discard(), 10)));
    ClassicState offEnd = ClassicState.load(N8_A4, new long[] {8, 8, 14});
    assertEquals(ClassicCoverage.HALTED_OFF_END, ClassicCoverage.ending(ClassicRunner.run(offEnd,
        ByteInput.none(), ByteOutput.discard(), 10)));
  }
}
