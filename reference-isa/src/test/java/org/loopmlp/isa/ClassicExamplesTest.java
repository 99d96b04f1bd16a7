package org.loopmlp.isa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.loopmlp.isa.classic.ByteInput;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicRun;
import org.loopmlp.isa.classic.ClassicRunner;

/**
 * Every classic example against its output written out here and its step count worked out by
 * hand from the program text (the derivation is in each test), not against the reference
 * machine's own output.
 */
class ClassicExamplesTest {
  private static final int STEP_LIMIT = 10_000;

  private record Ran(ClassicRun run, byte[] output) {
    String text() {
      return new String(output, StandardCharsets.ISO_8859_1);
    }
  }

  private static Ran run(String name, byte[] input) {
    ClassicExample e = ClassicExampleLibrary.named(name).orElseThrow();
    ByteOutput.Collecting out = ByteOutput.collecting();
    ClassicRun run = ClassicRunner.run(e.program().initialState(), ByteInput.of(input), out,
        STEP_LIMIT);
    assertTrue(run.halted(), name + " halts within " + STEP_LIMIT + " steps");
    return new Ran(run, out.bytes());
  }

  private static Ran run(String name) {
    return run(name, ClassicExampleLibrary.named(name).orElseThrow().input());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @Test
  void libraryListsEveryFileInTheClassicFolder() throws IOException {
    Set<String> files;
    try (Stream<Path> s = Files.list(Path.of("..", "examples", "classic"))) {
      files = s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".sq"))
          .map(f -> f.substring(0, f.length() - 3)).collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(files, new TreeSet<>(ClassicExampleLibrary.NAMES));
    for (ClassicExample e : ClassicExampleLibrary.all()) {
      Path dir = Path.of("..", "examples", "classic");
      assertEquals(Files.readString(dir.resolve(e.name() + ".sq")), e.sourceText());
      Path input = dir.resolve(e.name() + ".input");
      assertArrayEquals(Files.exists(input) ? Files.readAllBytes(input) : new byte[0],
          e.input(), e.name());
      assertTrue(e.description().startsWith(e.name() + ":"), e.description());
    }
    assertTrue(ClassicExampleLibrary.named("no-such-example").isEmpty());
  }

  @Test
  void hello() {
    Ran r = run("hello");
    assertEquals("Hello, world!\n", r.text());
    // 14 output instructions, then HALT
    assertEquals(14 + 1, r.run().steps());
    assertEquals(-1, r.run().finalState().pc());
  }

  @Test
  void pointer() {
    Ran r = run("pointer");
    assertEquals("SUBLEQ\n", r.text());
    // per character: print, move the pointer, count down, jump back (4); the last character
    // ends at the count-down, which jumps to -1 (3): 4 * 6 + 3
    assertEquals(4 * 6 + 3, r.run().steps());
    // the pointer (word 0) was rewritten 7 times, from S to S + 7
    ClassicExample e = ClassicExampleLibrary.named("pointer").orElseThrow();
    assertEquals(e.program().address("S") + 7, r.run().finalState().word(0));
  }

  @Test
  void countdown() {
    Ran r = run("countdown");
    assertEquals("9876543210\n", r.text());
    // per digit print, D -= 1, C -= 1, jump back (4), the tenth without the jump (3); then the
    // newline and HALT
    assertEquals(9 * 4 + 3 + 2, r.run().steps());
  }

  @Test
  void echo() {
    Ran r = run("echo");
    assertEquals("hello, echo\n", r.text());
    // per byte read, +1, -1, print, jump back (5); at the end read and +1 (2)
    assertEquals(5 * 12 + 2, r.run().steps());
    Ran empty = run("echo", new byte[0]);
    assertEquals(0, empty.output().length);
    assertEquals(2, empty.run().steps());
    byte[] raw = {0, (byte) 200, (byte) 255, 10};
    Ran bytes = run("echo", raw);
    assertArrayEquals(raw, bytes.output());
    assertEquals(5 * 4 + 2, bytes.run().steps());
  }

  @Test
  void head() {
    Ran r = run("head");
    assertEquals("SUB", r.text());
    // three echoes and HALT, whatever the input
    assertEquals(4, r.run().steps());
    Ran shorter = run("head", ascii("ab"));
    assertEquals("ab", shorter.text());
    assertEquals(4, shorter.run().steps());
  }

  @Test
  void addOfEveryPairOfDigits() {
    Ran r = run("add");
    assertEquals("9+5=14\n", r.text());
    for (int a = 0; a <= 9; a++) {
      for (int b = 0; b <= 9; b++) {
        Ran s = run("add", ascii("" + a + b));
        assertEquals(a + "+" + b + "=" + (a + b) + "\n", s.text());
        // 6 I/O steps, 5 to form the sum, 3 to test it, 2 more for a second digit, then print,
        // newline and HALT
        assertEquals(6 + 5 + 3 + (a + b >= 10 ? 2 : 0) + 3, s.run().steps(), a + "+" + b);
      }
    }
  }

  @Test
  void offendRunsOffTheEndOfMemory() {
    Ran r = run("offend");
    assertEquals("ok", r.text());
    assertEquals(2, r.run().steps());
    assertEquals(6, r.run().finalState().pc());
    assertEquals(8, r.run().finalState().config().memorySize());
  }

  @Test
  void everyExampleFitsSmallClassicNetworks() {
    for (ClassicExample e : ClassicExampleLibrary.all()) {
      assertTrue(e.program().config().wordBits() <= 16, e.name());
      assertTrue(e.program().config().memoryBits() <= 7, e.name());
    }
  }
}
