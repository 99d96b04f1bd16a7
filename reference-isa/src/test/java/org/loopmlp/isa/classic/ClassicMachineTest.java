package org.loopmlp.isa.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The classic machine's rules, each on a hand-made image with its answer worked out by hand. */
class ClassicMachineTest {
  private static final ClassicConfig N8_A4 = ClassicConfig.of(8, 4);

  private static ClassicState image(long... words) {
    return ClassicState.load(N8_A4, words);
  }

  @Test
  void subtractWritesAndFallsThroughOnPositive() {
    // mem[4] = 7 - 3 = 4 > 0: pc = 3
    ClassicState s = image(5, 4, 9, 0, 7, 3);
    ClassicStepDetail d = ClassicMachine.detail(s, 'x');
    assertEquals(ClassicOp.SUBTRACT, d.op());
    assertEquals(4, d.result());
    assertFalse(d.branch());
    ClassicState t = ClassicMachine.apply(s, d);
    assertEquals(4, t.word(4));
    assertEquals(3, t.pc());
  }

  @Test
  void subtractBranchesOnZeroAndNegative() {
    ClassicState s = image(4, 4, 9, 0, 7);
    ClassicState t = ClassicMachine.step(s, -1);
    assertEquals(0, t.word(4));
    assertEquals(9, t.pc());
    ClassicState u = ClassicMachine.step(image(5, 4, -7, 0, 1, 2), -1);
    assertEquals(-1, u.word(4));
    assertEquals(-7, u.pc());
    assertTrue(u.halted());
  }

  @Test
  void subtractWrapsToTheWord() {
    // -128 - 1 = -129 wraps to 127 in 8 bits: positive, no branch
    ClassicState s = image(5, 4, 9, 0, -128, 1);
    ClassicStepDetail d = ClassicMachine.detail(s, -1);
    assertEquals(127, d.result());
    assertFalse(d.branch());
  }

  @Test
  void operandsAreTakenModuloTheMemorySize() {
    // a = 21 = 5 mod 16, b = -12 = 4 mod 16 (not -1, so not I/O)
    ClassicState s = image(21, -12, 9, 0, 7, 3);
    ClassicStepDetail d = ClassicMachine.detail(s, -1);
    assertEquals(5, d.addrA());
    assertEquals(4, d.addrB());
    assertEquals(4, d.result());
  }

  @Test
  void inputStoresTheByteOrMinusOneAtTheEnd() {
    ClassicState s = image(-1, 4, 0, 0, 99);
    ClassicStepDetail d = ClassicMachine.detail(s, 'A');
    assertEquals(ClassicOp.INPUT, d.op());
    assertEquals(65, ClassicMachine.apply(s, d).word(4));
    assertEquals(3, ClassicMachine.apply(s, d).pc());
    assertEquals(-1, ClassicMachine.step(s, ClassicMachine.END_OF_INPUT).word(4));
    // 200 does not fit an 8-bit word: it wraps to -56
    assertEquals(-56, ClassicMachine.step(s, 200).word(4));
  }

  @Test
  void addModeInputAddsAndBranches() {
    ClassicState s = ClassicState.load(
        N8_A4.withInputMode(ClassicConfig.InputMode.ADD), new long[] {-1, 4, 9, 0, -70});
    ClassicState t = ClassicMachine.step(s, 'A');
    assertEquals(-5, t.word(4));
    assertEquals(9, t.pc());
  }

  @Test
  void outputPrintsTheLowByteAndIgnoresC() {
    ClassicState s = image(4, -1, 9, 0, -66);
    ClassicStepDetail d = ClassicMachine.detail(s, 'z');
    assertEquals(ClassicOp.OUTPUT, d.op());
    assertEquals(190, d.output()); // -66 is 0xBE in 8 bits
    assertFalse(d.readsInput());
    ClassicState t = ClassicMachine.apply(s, d);
    assertEquals(3, t.pc());
    assertArrayEquals(s.memory(), t.memory());
  }

  @Test
  void echoCopiesInputToOutput() {
    ClassicState s = image(-1, -1, 9);
    ClassicStepDetail d = ClassicMachine.detail(s, 'q');
    assertEquals(ClassicOp.ECHO, d.op());
    assertEquals('q', d.output());
    assertEquals(-1, ClassicMachine.detail(s, -1).output());
    assertArrayEquals(s.memory(), ClassicMachine.apply(s, d).memory());
  }

  @Test
  void haltsOnNegativePcAndWhereTheInstructionDoesNotFit() {
    assertTrue(image(0).withPc(-1).halted());
    assertTrue(image(0).withPc(14).halted());
    assertFalse(image(0).withPc(13).halted());
    ClassicState h = image(1, 2, 3).withPc(14);
    assertEquals(h, ClassicMachine.step(h, 'a'));
    assertEquals(ClassicOp.HALTED, ClassicMachine.detail(h, 'a').op());
  }

  @Test
  void pcWrapsToTheWordAndANegativePcHalts() {
    // N = 5, 16 words: at pc = 13, mem[2] = 0 - (-5) = 5 > 0, so pc = 16, which wraps to -16
    ClassicConfig config = ClassicConfig.of(5, 4);
    long[] m = new long[16];
    m[1] = -5;
    m[13] = 1;
    m[14] = 2;
    m[15] = 0;
    ClassicState t = ClassicMachine.step(ClassicState.load(config, m).withPc(13), -1);
    assertEquals(5, t.word(2));
    assertEquals(-16, t.pc());
    assertTrue(t.halted());
  }

  @Test
  void runnerPrintsAndCountsIoAsSteps() {
    // print mem[9] ('H'), print mem[10] ('i'), then jump to -1
    ClassicState s = image(9, -1, 0, 10, -1, 0, 0, 0, -1, 72, 105);
    ByteOutput.Collecting out = ByteOutput.collecting();
    ClassicRun run = ClassicRunner.run(s, ByteInput.none(), out, 100);
    assertEquals("Hi", new String(out.bytes(), StandardCharsets.US_ASCII));
    assertEquals(3, run.steps());
    assertTrue(run.halted());
    assertEquals(-1, run.finalState().pc());
  }

  @Test
  void tracedAndUntracedRunsAgree() {
    // a loop that reads a byte, prints it and repeats until the input ends (mem[12] = -1)
    ClassicState s = image(-1, 12, 3, 12, -1, 6, 15, 12, 9, 13, 13, 0, 0, 0, 0, -1);
    ByteOutput.Collecting a = ByteOutput.collecting();
    ByteOutput.Collecting b = ByteOutput.collecting();
    ClassicRun fast = ClassicRunner.run(s, ByteInput.of("ok".getBytes()), a, 1000);
    ClassicRun traced = ClassicRunner.runTraced(s, ByteInput.of("ok".getBytes()), b, 1000);
    assertEquals(fast.finalState(), traced.finalState());
    assertEquals(fast.steps(), traced.steps());
    assertArrayEquals(a.bytes(), b.bytes());
    assertEquals(traced.steps() + 1, traced.trace().orElseThrow().states().size());
  }

  @Test
  void slqReadsIntegersAndComments() {
    SlqImage img = SlqImage.parse("t.slq", "\uFEFF# hi\n 3 -4\t+5 # tail\r\n# more\n6\n");
    assertArrayEquals(new long[] {3, -4, 5, 6}, img.words());
    assertEquals(2, img.smallestMemoryBits());
    assertEquals(4, img.smallestWordBits());
  }

  @Test
  void anEmptyOrCommentOnlyImageIsRefusedAtItsEnd() {
    SlqFormatException empty = assertThrows(SlqFormatException.class,
        () -> SlqImage.parse("e.slq", ""));
    assertEquals("e.slq:1:1: no words: the image is empty or only comments; a program needs at"
        + " least one word", empty.getMessage());
    // Two comment lines and a blank third line: the end of the text is line 3, column 1.
    SlqFormatException comments = assertThrows(SlqFormatException.class,
        () -> SlqImage.parse("c.slq", "# one\n  # two\n"));
    assertEquals(3, comments.line());
    assertEquals(1, comments.column());
    SlqFormatException trailing = assertThrows(SlqFormatException.class,
        () -> SlqImage.parse("t.slq", "# no newline"));
    assertEquals("t.slq:1:13", trailing.getMessage().substring(0, 10));
  }

  @Test
  void slqReportsWhereAndWhat() {
    SlqFormatException e = assertThrows(SlqFormatException.class,
        () -> SlqImage.parse("p.slq", "1 2\n 3 x4 5\n"));
    assertEquals("p.slq:2:4: expected an integer, found 'x4'", e.getMessage());
    SlqFormatException big = assertThrows(SlqFormatException.class,
        () -> SlqImage.parse("p.slq", "99999999999999999999"));
    assertEquals(1, big.column());
    SlqFormatException fit = assertThrows(SlqFormatException.class,
        () -> SlqImage.parse("p.slq", "0 0\n  128").load(N8_A4));
    assertEquals("p.slq:2:3: value 128 (word 2) does not fit in 8-bit words [-128, 127]",
        fit.getMessage());
    SlqFormatException longer = assertThrows(SlqFormatException.class,
        () -> SlqImage.parse("p.slq", "0 0 0 0 0").load(ClassicConfig.of(8, 2)));
    assertEquals(1, longer.line());
    assertEquals(9, longer.column());
  }
}
