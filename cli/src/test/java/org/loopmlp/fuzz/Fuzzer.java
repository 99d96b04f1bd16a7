package org.loopmlp.fuzz;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Feeds a {@link FuzzTarget} mutated inputs ({@link Mutator}) from a seeded random source and
 * records every input that escapes with an exception other than the format's own error, or takes
 * longer than {@link #SLOW_MILLIS} of CPU time. Deterministic: the same seed gives the same inputs.
 */
final class Fuzzer {
  /** No single input may take longer than this. */
  static final long SLOW_MILLIS = 1000;
  /** A parse that has not returned after this long is abandoned and the run stops. */
  private static final long HUNG_MILLIS = 30_000;
  private static final int KEPT_FAILURES = 5;
  /**
   * Time is measured as CPU time of the parsing thread, so that a machine shared with other work
   * does not make a fast parse look slow (a hang is caught by {@link #HUNG_MILLIS} of wall time).
   */
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  /** One input that broke the rule, with what happened and a prefix of its bytes. */
  record Failure(long index, String what, byte[] input) {
    @Override
    public String toString() {
      String shown = new String(input, 0, Math.min(input.length, 160),
          java.nio.charset.StandardCharsets.ISO_8859_1).replaceAll("[^\\x20-\\x7e]", "?");
      return "input " + index + " (" + input.length + " bytes): " + what + "\n      starts: "
          + shown;
    }
  }

  /** What a run did. */
  record Report(String target, long inputs, long rejected, long failures, long slowestMicros,
      long slowestIndex, long millis, List<Failure> examples) {
    String summary() {
      return String.format("%-14s %,9d inputs %,9d rejected %,4d failures  slowest %,9d us CPU "
          + "(input %d)  %,9d ms", target, inputs, rejected, failures, slowestMicros,
          slowestIndex, millis);
    }
  }

  private Fuzzer() {}

  /** Runs {@code count} mutated inputs (after checking the seeds) with random seed {@code seed}. */
  static Report run(FuzzTarget target, int count, long seed) {
    ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz-" + target.name());
      t.setDaemon(true);
      return t;
    });
    try {
      for (byte[] valid : target.seeds()) {
        try {
          target.parser().parse(valid);
        } catch (Exception e) {
          throw new IllegalStateException(target.name() + ": a seed does not parse: " + e, e);
        }
      }
      SplittableRandom random = new SplittableRandom(seed);
      List<Failure> examples = new ArrayList<>();
      long rejected = 0;
      long failures = 0;
      long slowest = 0;
      long slowestIndex = -1;
      long start = System.nanoTime();
      for (long i = 0; i < count; i++) {
        byte[] input = Mutator.mutate(target.seeds().get(random.nextInt(target.seeds().size())),
            random);
        Future<Attempt> outcome = worker.submit(() -> attempt(target, input));
        Attempt attempt;
        try {
          attempt = outcome.get(HUNG_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          outcome.cancel(true);
          examples.add(new Failure(i, "still running after " + HUNG_MILLIS + " ms", input));
          failures++;
          return new Report(target.name(), i + 1, rejected, failures, slowest, slowestIndex,
              (System.nanoTime() - start) / 1_000_000, examples);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        Throwable thrown = attempt.thrown();
        long micros = attempt.cpuNanos() / 1000;
        if (micros > slowest) {
          slowest = micros;
          slowestIndex = i;
        }
        String problem = null;
        if (thrown != null && target.ownError().test(thrown)) {
          rejected++;
        } else if (thrown != null) {
          problem = "escaped: " + describe(thrown);
        }
        if (problem == null && micros > SLOW_MILLIS * 1000) {
          problem = "took " + micros / 1000 + " ms";
        }
        if (problem != null) {
          failures++;
          if (examples.size() < KEPT_FAILURES) {
            examples.add(new Failure(i, problem, input));
          }
        }
      }
      return new Report(target.name(), count, rejected, failures, slowest, slowestIndex,
          (System.nanoTime() - start) / 1_000_000, examples);
    } finally {
      worker.shutdownNow();
    }
  }

  /** Input {@code index} of a run with random seed {@code seed}, to replay a failure. */
  static byte[] input(FuzzTarget target, long seed, long index) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] input = null;
    for (long i = 0; i <= index; i++) {
      input = Mutator.mutate(target.seeds().get(random.nextInt(target.seeds().size())), random);
    }
    return input;
  }

  /** What one parse threw (or null) and the CPU time it took on its thread. */
  private record Attempt(Throwable thrown, long cpuNanos) {}

  private static Attempt attempt(FuzzTarget target, byte[] input) {
    long t0 = CPU.getCurrentThreadCpuTime();
    Throwable thrown = null;
    try {
      target.parser().parse(input);
    } catch (Throwable t) { // OutOfMemoryError and StackOverflowError are findings too
      thrown = t;
    }
    return new Attempt(thrown, CPU.getCurrentThreadCpuTime() - t0);
  }

  private static String describe(Throwable t) {
    StackTraceElement[] st = t.getStackTrace();
    String at = "";
    for (StackTraceElement e : st) {
      if (e.getClassName().startsWith("org.loopmlp.") && !e.getClassName().contains(".fuzz.")) {
        at = " at " + e;
        break;
      }
    }
    String m = String.valueOf(t.getMessage());
    return t.getClass().getName() + ": " + (m.length() > 200 ? m.substring(0, 200) + "..." : m)
        + at;
  }

  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b, 0, Math.min(b.length, 64));
  }
}
