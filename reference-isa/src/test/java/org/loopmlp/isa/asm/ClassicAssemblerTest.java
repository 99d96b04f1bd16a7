package org.loopmlp.isa.asm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.loopmlp.isa.classic.ByteInput;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicRunner;
import org.loopmlp.isa.classic.SlqImage;

/** Classic .sq programs against images worked out by hand. */
class ClassicAssemblerTest {

  private static ClassicProgram parse(String text) {
    return ClassicAssembler.parse(text, "t.sq");
  }

  private static String error(String text) {
    return assertThrows(SqFormatException.class, () -> parse(text)).getMessage();
  }

  @Test
  void instructionsAndDataShareOneAddressSpace() {
    ClassicProgram p = parse("""
        ; prints H then halts
        .config isa=classic word=8 memory=4
        start: H IO        ; 0 1 2
               Z Z -1      ; 3 4 5
        .data
        H: 'H'             ; 6
        Z: 0               ; 7
        """);
    assertEquals(ClassicConfig.of(8, 4), p.config());
    assertArrayEquals(new long[] {6, -1, 3, 7, 7, -1, 72, 0}, p.image());
    assertEquals(0, p.address("start"));
    assertEquals(6, p.address("H"));
    assertEquals(7, p.address("Z"));
  }

  @Test
  void omittedCIsTheNextInstructionAndQuestionMarkTheNextWord() {
    ClassicProgram p = parse("""
        .config isa=classic word=8
        a: a b          ; c omitted: 3
           a b ?        ; ? in c: 6
           ? ?+1 .      ; ? in a: 7, in b: 9, . is this instruction: 6
        b: .-1 . ?      ; on a data-like word: . is the instruction (9)
        .data
           . ?          ; data: . is the word itself (12), ? the next (14)
        """);
    assertArrayEquals(new long[] {0, 9, 3, 0, 9, 6, 7, 9, 6, 8, 9, 12, 12, 14}, p.image());
    assertEquals(4, p.config().memoryBits(), "smallest memory that holds 14 words");
  }

  @Test
  void labelsOffsetsIoHexCharactersAndStrings() {
    ClassicProgram p = parse("""
        \uFEFF.config isa=classic word=16 memory=5
        L: IO L+4 -0x10
        .data
        M: "Hi\\n" 'a' '\\'' -1
        N:
        .code
           M-1 N
        """);
    assertArrayEquals(new long[] {-1, 4, -16, 'H', 'i', 10, 'a', '\'', -1, 2, 9, 12},
        p.image());
    assertEquals(9, p.address("N"));
  }

  @Test
  void theClassDocExamplePrintsHi() {
    ClassicProgram p = parse("""
        ; prints "Hi" through one output instruction whose operand the program rewrites
        .config isa=classic word=8 memory=5
        loop:  S IO            ; print mem[pointer]: the pointer is this instruction's first word
               M1 loop         ; pointer -= -1: the next character
               ONE N -1        ; N -= 1; after the last character jump to -1 (halt)
               Z Z loop
        .data
        S:     "Hi"
        N:     2
        ONE:   1
        M1:    -1
        Z:     0
        """);
    // code in words 0..11; S = 12, N = 14, ONE = 15, M1 = 16, Z = 17
    assertArrayEquals(new long[] {12, -1, 3, 16, 0, 6, 15, 14, -1, 17, 17, 0, 'H', 'i', 2, 1, -1,
        0}, p.image());
    ByteOutput.Collecting out = ByteOutput.collecting();
    ClassicRunner.run(p.initialState(), ByteInput.none(), out, 100);
    assertEquals("Hi", new String(out.bytes(), StandardCharsets.US_ASCII));
  }

  @Test
  void haltIsZZMinusOne() {
    ClassicProgram p = parse("""
        .config isa=classic word=4
        HALT
        .data
        Z: 0
        """);
    assertArrayEquals(new long[] {3, 3, -1, 0}, p.image());
    assertEquals(2, p.config().memoryBits());
  }

  @Test
  void omittedCWrapsLikeTheMachine() {
    // N = 3: words -4..3; the instruction at 3 continues at 6, which wraps to -2
    ClassicProgram p = parse(".config isa=classic word=3 memory=3\n0 0\n0 0\n");
    assertArrayEquals(new long[] {0, 0, 3, 0, 0, -2}, p.image());
  }

  @Test
  void declaresClassicLooksAtTheConfigLine() {
    assertTrue(ClassicAssembler.declaresClassic("; x\n .config word=8 isa=classic\n"));
    assertTrue(ClassicAssembler.declaresClassic("\uFEFF.config isa=classic word=8"));
    assertFalse(ClassicAssembler.declaresClassic(".config word=8 data=2 code=2\n"));
    assertFalse(ClassicAssembler.declaresClassic(".config word=8 ; isa=classic\n"));
  }

  @Test
  void theOtherAssemblerPointsAClassicProgramHere() {
    SqFormatException e = assertThrows(SqFormatException.class,
        () -> SqAssembler.parse(".config isa=classic word=8\n", "c.sq"));
    assertEquals("c.sq:1:9: isa=classic: a classic program; add --isa classic",
        e.getMessage());
  }

  @Test
  void errorsSayWhereAndWhat() {
    assertEquals("t.sq:1:1: missing .config: expected '.config isa=classic word=N "
        + "[memory=A]' before the first line of the program", error("a b\n"));
    assertEquals("t.sq:1:1: missing 'isa=classic' in .config: expected '.config isa=classic "
        + "word=N [memory=A]'", error(".config word=8\n"));
    assertEquals("t.sq:1:26: word=40 is out of range: expected 2 to 32",
        error(".config isa=classic word=40\n"));
    assertEquals("t.sq:1:28: unknown .config key 'data': expected isa, word or memory",
        error(".config isa=classic word=8 data=3\n"));
    assertEquals("t.sq:2:5: unknown label 'X': expected a label defined somewhere in the "
        + "program", error(".config isa=classic word=8\n  0 X\n"));
    assertEquals("t.sq:2:3: value 200 of '200' does not fit in 8-bit words: expected -128 to "
        + "127", error(".config isa=classic word=8\n  200 0\n"));
    assertEquals("t.sq:4:3: the program has 5 words, more than the 2^2 = 4 words of memory "
        + "(word 4 is here)", error(".config isa=classic word=8 memory=2\n0 0 0\n.data\n1 2\n"));
    assertEquals("t.sq:2:7: expected an instruction 'a b [c]' or HALT, found 4 tokens (data "
        + "words go after .data)", error(".config isa=classic word=8\n1 2 3 4\n"));
    assertEquals("t.sq:2:1: HALT needs a zero word: expected a data line 'Z: 0'",
        error(".config isa=classic word=8\nHALT\n"));
    assertEquals("t.sq:3:3: duplicate label 'A': already defined at line 2, column 1",
        error(".config isa=classic word=8\nA: 0 0\n  A: 0 0\n"));
    assertEquals("t.sq:3:4: unterminated string: expected a closing \"",
        error(".config isa=classic word=8\n.data\n 1 \"abc\n"));
    assertEquals("t.sq:3:2: malformed character 'ab': expected one character such as 'A' or "
        + "'\\n' (a string is written \"...\")", error(".config isa=classic word=8\n.data\n"
        + " 'ab'\n"));
    assertEquals("t.sq:2:3: malformed operand 'a*b': expected a number, 'c', IO, a label, "
        + "'.' or '?', optionally +n or -n", error(".config isa=classic word=8\n  a*b 0\n"));
  }

  @Test
  void printedSqAndSlqReadBackToTheSameImage() {
    ClassicProgram p = parse("""
        .config isa=classic word=8 memory=5
        start: H IO
               E start+1 start
               Z Z -1
        .data
        H: 'H' 'x'
        E: 7
        Z: 0
        end:
        """);
    String sq = ClassicPrinter.sq(p);
    assertEquals(p, ClassicAssembler.parse(sq, "printed.sq"), sq);
    String slq = ClassicPrinter.slq(p);
    assertArrayEquals(p.image(), SlqImage.parse("printed.slq", slq).words(), slq);
    assertEquals("""
        .config isa=classic word=8 memory=5
        start: 9 IO
        11 1 0
        12 12 -1
        .data
        H: 72
        120
        E: 7
        Z: 0
        end:
        """, sq);
  }
}
