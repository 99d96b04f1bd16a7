package org.loopmlp.isa.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;

class SqAssemblerTest {
  private static final String HEADER = ".config word=8 data=3 code=2\n";

  private static SqProgram parse(String text) {
    return SqAssembler.parse(text, "t.sq");
  }

  private static SqFormatException fails(String text, int line, int column, String fragment) {
    SqFormatException e = assertThrows(SqFormatException.class, () -> parse(text));
    assertEquals("t.sq", e.file());
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(column, e.column(), e.getMessage());
    assertTrue(e.reason().contains(fragment), e.getMessage());
    assertEquals("t.sq:" + line + ":" + column + ": " + e.reason(), e.getMessage());
    assertEquals(0, e.getStackTrace().length, "a user's mistake carries no stack trace");
    return e;
  }

  // ---- valid programs ----

  @Test
  void ignoresALeadingByteOrderMark() {
    String text = ".config word=4 data=1 code=1\n.code\n0 1 0\n";
    assertEquals(parse(text).program(), parse("\uFEFF" + text).program());
    assertEquals(Instruction.of(0, 1, 0), parse("\uFEFF" + text).program().at(0));
  }

  @Test
  void assemblesTheDesignExample() {
    SqProgram p = parse("""
        .config word=8 data=4 code=4     ; N=8, m=16, k=16
        .data
        Z:   0                           ; Z is reserved and must stay 0
        ONE: 1
        X:   7
        .code
        loop: ONE X done                 ; X -= 1; if X <= 0 goto done
              Z Z loop                   ; unconditional jump
        done: HALT
        """);
    assertEquals(MachineConfig.of(8, 4, 4), p.config());
    assertEquals(Instruction.of(1, 2, 2), p.program().at(0));
    assertEquals(Instruction.of(0, 0, 0), p.program().at(1));
    assertEquals(Instruction.of(0, 0, 2), p.program().at(2));
    for (int q = 3; q < 16; q++) {
      assertEquals(Instruction.haltAt(q, 0), p.program().at(q), "padding at " + q);
    }
    long[] memory = new long[16];
    memory[1] = 1;
    memory[2] = 7;
    assertArrayEquals(memory, p.initialState().memory());
    assertEquals(0, p.initialState().pc());
    assertEquals(2, p.address("X"));
    assertEquals(2, p.slot("done"));
    assertEquals(3, p.program().length());
  }

  @Test
  void arraysNegativesHexOffsetsDotAndOmittedTarget() {
    SqProgram p = parse("""
        .config word=8 data=3 code=2 pc=1
        .data
        A: -128 127 0x10 -0x2
        B:
        .code
        A+3 B       ; c omitted: next slot
        A A .+0
        B-1 A+1 .
        A A 0x0     ; c omitted on the last slot wraps to slot 0
        """);
    assertArrayEquals(new long[] {-128, 127, 16, -2, 0, 0, 0, 0}, p.initialState().memory());
    assertEquals(4, p.address("B"));
    assertEquals(1, p.initialState().pc());
    assertEquals(Instruction.of(3, 4, 1), p.program().at(0));
    assertEquals(Instruction.of(0, 0, 1), p.program().at(1));
    assertEquals(Instruction.of(3, 1, 2), p.program().at(2));
    assertEquals(Instruction.of(0, 0, 0), p.program().at(3));
  }

  @Test
  void omittedTargetOnTheLastSlotIsSlotZero() {
    SqProgram p = parse(HEADER + ".code\n0 0\n0 0\n0 0\n1 1\n");
    assertEquals(Instruction.of(1, 1, 0), p.program().at(3));
  }

  @Test
  void labelOnItsOwnLineNamesTheNextPositionAndLabelsMayStack() {
    SqProgram p = parse(HEADER + ".data\nFIRST:\nSECOND: THIRD: 5 6\nEND:\n.code\nstart:\n"
        + "FIRST END\nend:\n");
    assertEquals(0, p.address("FIRST"));
    assertEquals(0, p.address("THIRD"));
    assertEquals(2, p.address("END"));
    assertEquals(0, p.slot("start"));
    assertEquals(1, p.slot("end"));
  }

  @Test
  void withoutZAndHaltThePaddingUsesAddressZero() {
    SqProgram p = parse(HEADER + ".data\nX: 4\nY: 0\n.code\nX Y\n");
    assertEquals(Instruction.haltAt(1, 0), p.program().at(1));
  }

  @Test
  void paddingUsesZWhenItIsDefinedEvenWithoutHalt() {
    SqProgram p = parse(HEADER + ".data\nX: 4\nZ: 0\n.code\nX X\n");
    assertEquals(Instruction.haltAt(2, 1), p.program().at(2));
  }

  @Test
  void sectionsMayRepeatAndForwardReferencesResolve() {
    SqProgram p = parse(HEADER + ".code\nX Y later\n.data\nX: 1\n.code\nlater: HALT\n.data\n"
        + "Y: 2\nZ: 0\n");
    assertEquals(Instruction.of(0, 1, 1), p.program().at(0));
    assertEquals(Instruction.haltAt(1, 2), p.program().at(1));
  }

  @Test
  void readsAFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("one.sq");
    Files.writeString(file, HEADER + ".data\nZ: 0\n.code\nZ Z nowhere\n");
    SqFormatException e = assertThrows(SqFormatException.class, () -> SqAssembler.read(file));
    assertEquals(file.toString(), e.file());
  }

  // ---- one test per error kind ----

  @Test
  void unknownLabel() {
    fails(HEADER + ".data\nZ: 0\n.code\nZ Y\n", 5, 3, "unknown label 'Y'");
  }

  @Test
  void unknownCodeLabel() {
    fails(HEADER + ".data\nZ: 0\n.code\nZ Z nowhere\n", 5, 5, "unknown label 'nowhere'");
  }

  @Test
  void dataLabelUsedAsJumpTarget() {
    fails(HEADER + ".data\nZ: 0\n.code\nZ Z Z\n", 5, 5, "'Z' is a data label");
  }

  @Test
  void duplicateLabel() {
    SqFormatException e = fails(HEADER + ".data\nX: 1\n.code\nX: X X\n", 5, 1,
        "duplicate label 'X'");
    assertTrue(e.reason().contains("line 3, column 1"), e.getMessage());
  }

  @Test
  void operandOutOfRange() {
    fails(HEADER + ".code\n0 8\n", 3, 3, "operand out of range");
  }

  @Test
  void operandOffsetOutOfRange() {
    fails(HEADER + ".data\nA: 1 2\n.code\nA A+9\n", 5, 3, "address 9");
  }

  @Test
  void jumpTargetOutOfRange() {
    fails(HEADER + ".code\n0 0 4\n", 3, 5, "slot 4");
  }

  @Test
  void valueDoesNotFitInNBits() {
    fails(HEADER + ".data\nX: 1 128\n", 3, 6, "does not fit in 8 bits");
  }

  @Test
  void negativeValueDoesNotFitInNBits() {
    fails(HEADER + ".data\nX: -129\n", 3, 4, "expected -128 to 127");
  }

  @Test
  void moreInstructionsThanSlots() {
    fails(HEADER + ".code\n0 0\n0 0\n0 0\n0 0\n  1 1\n", 7, 3, "more instructions than 2^2");
  }

  @Test
  void moreDataThanCells() {
    fails(HEADER + ".data\n1 2 3 4\n5 6 7 8 9\n", 4, 9, "more data than 2^3");
  }

  @Test
  void missingConfig() {
    fails(".data\nX: 1\n", 1, 1, "missing .config");
  }

  @Test
  void missingConfigInAnEmptyFile() {
    fails("; nothing here\n", 1, 1, "missing .config");
  }

  @Test
  void missingConfigKey() {
    fails(".config word=8 data=3\n", 1, 1, "missing 'code='");
  }

  @Test
  void configValueOutOfRange() {
    fails(".config word=8 data=3 code=21\n", 1, 28, "code=21 is out of range");
  }

  @Test
  void unknownConfigKey() {
    fails(".config word=8 data=3 code=2 speed=9\n", 1, 30, "unknown .config key 'speed'");
  }

  @Test
  void duplicateConfig() {
    fails(HEADER + HEADER, 2, 1, "duplicate .config");
  }

  @Test
  void unknownDirective() {
    fails(HEADER + ".text\n", 2, 1, "unknown directive '.text'");
  }

  @Test
  void linesBeforeAnySection() {
    fails(HEADER + "X: 1\n", 2, 1, "expected .data or .code");
  }

  @Test
  void malformedNumber() {
    fails(HEADER + ".data\nX: 12a\n", 3, 4, "malformed number '12a'");
  }

  @Test
  void malformedNumberOperand() {
    fails(HEADER + ".code\n0x 0\n", 3, 1, "malformed number '0x'");
  }

  @Test
  void malformedConfigNumber() {
    fails(".config word=eight data=3 code=2\n", 1, 14, "malformed number 'eight'");
  }

  @Test
  void malformedToken() {
    fails(HEADER + ".code\n0 a+b\n", 3, 3, "malformed operand 'a+b'");
  }

  @Test
  void malformedLabel() {
    fails(HEADER + ".data\n9lives: 1\n", 3, 1, "malformed label '9lives:'");
  }

  @Test
  void labelAsDataValue() {
    fails(HEADER + ".data\nX: 1\nY: X\n", 4, 4, "malformed data value 'X'");
  }

  @Test
  void dotAsDataOperand() {
    fails(HEADER + ".code\n. 0\n", 3, 1, "'.' is the current code slot");
  }

  @Test
  void wrongNumberOfOperands() {
    fails(HEADER + ".code\n0 0 0 0\n", 3, 7, "expected an instruction 'a b [c]' or HALT");
  }

  @Test
  void haltWithOperands() {
    fails(HEADER + ".data\nZ: 0\n.code\nHALT 1\n", 5, 6, "HALT takes no operands");
  }

  @Test
  void reservedCellZMissingWhenHaltIsUsed() {
    fails(HEADER + ".data\nX: 0\n.code\nX X\n  HALT\n", 6, 3, "HALT needs the reserved cell Z");
  }

  @Test
  void reservedCellZMustHoldZeroWhenHaltIsUsed() {
    fails(HEADER + ".data\nZ: 3\n.code\nHALT\n", 3, 4, "must hold 0");
  }

  @Test
  void reservedCellZMustBeInsideMemory() {
    fails(".config word=8 data=1 code=2\n.data\n1 2\nZ:\n.code\nHALT\n", 4, 1,
        "outside data memory");
  }

  @Test
  void zCannotBeACodeLabel() {
    fails(HEADER + ".code\nZ: 0 0\n", 3, 1, "'Z' is reserved");
  }

  @Test
  void textAfterSectionDirective() {
    fails(HEADER + ".data 5\n", 2, 7, "expected nothing after .data");
  }

  @Test
  void everyErrorKindNamesFileLineAndColumn() {
    for (String bad : List.of(".data\n", HEADER + ".foo\n", HEADER + ".data\nX: 999\n")) {
      SqFormatException e = assertThrows(SqFormatException.class, () -> parse(bad));
      assertTrue(e.getMessage().matches("t\\.sq:\\d+:\\d+: .*expected.*"), e.getMessage());
    }
  }
}
