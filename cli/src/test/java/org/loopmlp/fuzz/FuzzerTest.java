package org.loopmlp.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fuzzer itself: it reports what it must, and the same seed gives the same inputs. */
class FuzzerTest {
  private static final byte[] SEED = "layer 0 inputs 3 outputs 2\nrow 0 1/2 2 0:1\n"
      .getBytes(StandardCharsets.US_ASCII);

  @Test
  void reportsAnEscapingExceptionAndAParseThatIsTooSlow() {
    // A deliberately broken parser: it overflows on a long digit run, is slow on short input.
    java.util.concurrent.atomic.AtomicBoolean slowOnce =
        new java.util.concurrent.atomic.AtomicBoolean();
    FuzzTarget broken = FuzzTarget.of("broken", List.of(SEED), IllegalArgumentException.class,
        in -> {
          String s = new String(in, StandardCharsets.ISO_8859_1);
          if (in.length < 12 && slowOnce.compareAndSet(false, true)) {
            spin(Fuzzer.SLOW_MILLIS + 50);
          }
          for (String token : s.split("[^0-9]+")) {
            if (token.length() > 18) {
              throw new ArithmeticException("overflow");
            }
            if (token.length() > 9) {
              throw new IllegalArgumentException("too big");
            }
          }
        });
    Fuzzer.Report r = Fuzzer.run(broken, 300, 7);
    assertTrue(r.failures() > 0, r.summary());
    assertTrue(r.rejected() > 0, r.summary());
    assertTrue(r.examples().stream().anyMatch(f -> f.what().contains("ArithmeticException")),
        r.examples().toString());
    assertTrue(r.examples().stream().anyMatch(f -> f.what().startsWith("took")),
        r.examples().toString());
  }

  /** Busy for {@code millis} of this thread's CPU time (the fuzzer measures CPU time). */
  private static void spin(long millis) {
    java.lang.management.ThreadMXBean cpu =
        java.lang.management.ManagementFactory.getThreadMXBean();
    long end = cpu.getCurrentThreadCpuTime() + millis * 1_000_000;
    while (cpu.getCurrentThreadCpuTime() < end) {
      Thread.onSpinWait();
    }
  }

  @Test
  void aCorrectParserPasses() {
    FuzzTarget lenient = FuzzTarget.of("lenient", List.of(SEED), IllegalArgumentException.class,
        in -> { });
    assertEquals(0, Fuzzer.run(lenient, 500, 3).failures());
  }

  @Test
  void theSameSeedGivesTheSameInputs() {
    SplittableRandom a = new SplittableRandom(42);
    SplittableRandom b = new SplittableRandom(42);
    for (int i = 0; i < 200; i++) {
      assertArrayEquals(Mutator.mutate(SEED, a), Mutator.mutate(SEED, b));
    }
  }
}
