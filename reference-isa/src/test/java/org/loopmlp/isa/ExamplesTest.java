package org.loopmlp.isa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.loopmlp.isa.asm.SqProgram;

/**
 * Every example program against its answer computed here in plain Java from the program's own
 * initial memory (so editing an input in the .sq file keeps the test meaningful).
 */
class ExamplesTest {
  private static final int STEP_LIMIT = 10_000;

  /** The example's program, its run to a fixed point, and label lookups. */
  private record Ran(SqProgram p, RunResult result) {
    long in(String label) {
      return p.initialWord(label);
    }

    long out(String label) {
      return result.finalState().word(p.address(label));
    }

    long[] inArray(String label, int n) {
      long[] a = new long[n];
      for (int i = 0; i < n; i++) {
        a[i] = p.initialState().word(p.address(label) + i);
      }
      return a;
    }

    long[] outArray(String label, int n) {
      long[] a = new long[n];
      for (int i = 0; i < n; i++) {
        a[i] = result.finalState().word(p.address(label) + i);
      }
      return a;
    }
  }

  private static Ran run(String name) {
    Example e = ExampleLibrary.named(name).orElseThrow();
    RunResult r = SubleqRunner.run(e.program().program(), e.program().initialState(),
        STEP_LIMIT);
    assertTrue(r.halted(), name + " halts within " + STEP_LIMIT + " steps");
    long z = r.finalState().word(e.program().address("Z"));
    assertEquals(0, z, name + " leaves Z at 0");
    return new Ran(e.program(), r);
  }

  private static long wrap(MachineConfig c, BigInteger v) {
    BigInteger modulus = BigInteger.ONE.shiftLeft(c.wordBits());
    BigInteger u = v.mod(modulus);
    return (u.testBit(c.wordBits() - 1) ? u.subtract(modulus) : u).longValueExact();
  }

  @Test
  void libraryListsEveryFileInExamplesFolder() throws IOException {
    Set<String> files;
    try (Stream<Path> s = Files.list(Path.of("..", "examples"))) {
      files = s.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".sq"))
          .map(f -> f.substring(0, f.length() - 3)).collect(Collectors.toCollection(TreeSet::new));
    }
    assertEquals(files, new TreeSet<>(ExampleLibrary.NAMES));
    assertEquals(ExampleLibrary.NAMES.size(), ExampleLibrary.all().size());
    for (Example e : ExampleLibrary.all()) {
      assertEquals(Files.readString(Path.of("..", "examples", e.name() + ".sq")), e.sourceText());
      assertTrue(e.description().startsWith(e.name() + ":"), e.description());
    }
    assertTrue(ExampleLibrary.named("no-such-example").isEmpty());
  }

  @Test
  void countdown() {
    Ran r = run("countdown");
    assertTrue(r.in("X") > 0);
    assertEquals(0, r.out("X"));
    assertEquals(r.in("X"), r.out("N"));
    // Runs off its last instruction into the HALT padding.
    int pc = r.result().finalState().pc();
    assertTrue(pc >= r.p().program().length(), "stops in the padding, at slot " + pc);
  }

  @Test
  void multiply() {
    Ran r = run("multiply");
    long expected = wrap(r.p().config(),
        BigInteger.valueOf(r.in("A")).multiply(BigInteger.valueOf(r.in("B"))));
    assertEquals(expected, r.out("P"));
    assertEquals(0, r.out("B"));
  }

  @Test
  void divide() {
    Ran r = run("divide");
    long x = r.in("X");
    long y = r.in("Y");
    assertEquals(x / y, r.out("Q"));
    assertEquals(x % y, r.out("X"));
  }

  @Test
  void factorial() {
    Ran r = run("factorial");
    BigInteger f = BigInteger.ONE;
    for (long i = 2; i <= r.in("N"); i++) {
      f = f.multiply(BigInteger.valueOf(i));
    }
    assertEquals(wrap(r.p().config(), f), r.out("F"));
  }

  @Test
  void fibonacci() {
    Ran r = run("fibonacci");
    BigInteger a = BigInteger.ZERO;
    BigInteger b = BigInteger.ONE;
    for (long i = 0; i < r.in("N"); i++) {
      BigInteger t = a.add(b);
      a = b;
      b = t;
    }
    assertEquals(wrap(r.p().config(), a), r.out("A"));
  }

  @Test
  void gcd() {
    Ran r = run("gcd");
    long expected = BigInteger.valueOf(r.in("A")).gcd(BigInteger.valueOf(r.in("B")))
        .longValueExact();
    assertEquals(expected, r.out("A"));
    assertEquals(expected, r.out("B"));
    int pc = r.result().finalState().pc();
    assertTrue(pc >= r.p().program().length(), "stops in the padding, at slot " + pc);
  }

  @Test
  void max() {
    Ran r = run("max");
    long[] list = r.inArray("L", 5);
    assertEquals(Arrays.stream(list).max().orElseThrow(), r.out("MAX"));
    assertArrayEquals(list, r.outArray("L", 5));
  }

  @Test
  void reverse() {
    Ran r = run("reverse");
    long[] list = r.inArray("L", 7);
    long[] reversed = new long[7];
    for (int i = 0; i < 7; i++) {
      reversed[i] = list[6 - i];
    }
    assertArrayEquals(reversed, r.outArray("L", 7));
  }

  @Test
  void search() {
    Ran r = run("search");
    long[] list = r.inArray("L", 8);
    long key = r.in("KEY");
    int expected = list.length;
    for (int i = list.length - 1; i >= 0; i--) {
      if (list[i] == key) {
        expected = i;
      }
    }
    assertTrue(expected < list.length, "the key occurs in the list");
    assertEquals(expected, r.out("IDX"));
  }

  @Test
  void bubblesort() {
    Ran r = run("bubblesort");
    long[] list = r.inArray("L", 4);
    long[] sorted = list.clone();
    Arrays.sort(sorted);
    assertTrue(!Arrays.equals(list, sorted), "the input is not already sorted");
    assertArrayEquals(sorted, r.outArray("L", 4));
  }

  @Test
  void overflow() {
    Ran r = run("overflow");
    MachineConfig c = r.p().config();
    // Double in BigInteger, wrapping each time, until the value is <= 0.
    BigInteger x = BigInteger.valueOf(r.in("X"));
    long doublings = 0;
    do {
      x = BigInteger.valueOf(wrap(c, x.shiftLeft(1)));
      doublings++;
    } while (x.signum() > 0);
    assertEquals(doublings, r.out("K"));
    assertEquals(x.longValueExact(), r.out("X"));
    assertEquals(c.minWord(), r.out("X"), "1 doubled until it wraps is the most negative word");
    assertEquals(c.wordBits() - 1, r.out("K"));
  }

  @Test
  void everyExampleFitsTheSmallNetworkSizes() {
    for (Example e : ExampleLibrary.all()) {
      MachineConfig c = e.program().config();
      assertTrue(c.wordBits() <= 16 && c.dataBits() <= 5 && c.codeBits() <= 6, e.name());
    }
  }
}
