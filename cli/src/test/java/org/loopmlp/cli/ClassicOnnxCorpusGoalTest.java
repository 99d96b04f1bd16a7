package org.loopmlp.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.loopmlp.construction.DecodeException;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicLoopedMlp;
import org.loopmlp.construction.classic.ClassicPassOutput;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.ExactBackend;
import org.loopmlp.exact.IncrementalBackend;
import org.loopmlp.isa.classic.ByteInput;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.isa.classic.SlqImage;
import org.loopmlp.onnx.OnnxRuntimeBackend;

/**
 * A measurement, not run by default (tagged {@code campaign}): {@code -Pcampaign
 * -Dloopmlp.corpus=DIR} (a folder of {@code .slq}
 * programs with {@code .expected} and {@code .input} files and a MANIFEST.md whose table rows
 * read {@code | name | N | A | steps | input |}) runs every program of at most 2^{@code
 * loopmlp.corpus.maxBits} (default 10) words on every classic construction in ONNX Runtime
 * float32 and float16, comparing every pass (pc, flags, printed byte, a hash of the memory) with
 * the exact run on {@code incremental}, and prints one line per run with passes/s beside {@code
 * exact} and {@code incremental}. Runs stop after {@code loopmlp.corpus.seconds} (default 90)
 * and report the passes reached; {@code loopmlp.corpus.only} (a regex of names), {@code
 * loopmlp.corpus.constructions} and {@code loopmlp.corpus.backends} (comma-separated) narrow the
 * run. It fails when a pass differs from the exact run, or a run that halted printed other bytes
 * than expected. {@code scripts/onnx-corpus} runs it.
 */
@Tag("campaign")
@EnabledIfSystemProperty(named = "loopmlp.corpus", matches = ".+")
class ClassicOnnxCorpusGoalTest {
  private static final long MAX_STEPS = 50_000_000L;

  /** Thrown by a listener when the time is up. */
  private static final class TimeUp extends RuntimeException {
    TimeUp() {
      super(null, null, false, false);
    }
  }

  private record Outcome(long passes, boolean halted, byte[] printed, double seconds,
      String failure) {}

  @Test
  void corpus() throws Exception {
    Path dir = Path.of(System.getProperty("loopmlp.corpus"));
    int maxBits = Integer.getInteger("loopmlp.corpus.maxBits", 10);
    double budget = Integer.getInteger("loopmlp.corpus.seconds", 90);
    List<String> backends = List.of(System.getProperty("loopmlp.corpus.backends",
        "onnx-float32,onnx-float16").split(","));
    List<String> failures = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("MANIFEST.md"))) {
      String[] c = line.split("\\|");
      if (c.length < 5 || !c[2].trim().matches("\\d+") || !c[3].trim().matches("\\d+")) {
        continue;
      }
      String name = c[1].trim();
      int n = Integer.parseInt(c[2].trim());
      int a = Integer.parseInt(c[3].trim());
      if (a > maxBits || !name.matches(System.getProperty("loopmlp.corpus.only", ".*"))) {
        continue;
      }
      ClassicConfig config = ClassicConfig.of(n, a);
      Path slq = dir.resolve(name + ".slq");
      ClassicState initial = SlqImage.parse(slq.toString(), Files.readString(slq)).load(config);
      Path in = dir.resolve(name + ".input");
      byte[] input = Files.exists(in) ? Files.readAllBytes(in) : new byte[0];
      byte[] expected = Files.readAllBytes(dir.resolve(name + ".expected"));
      for (String cons : System.getProperty("loopmlp.corpus.constructions",
          String.join(",", ClassicConstruction.names())).split(",")) {
        ClassicConstruction built = ClassicConstruction.build(cons, config);
        List<Long> exact = new ArrayList<>();
        Outcome inc = run(built, IncrementalBackend.INSTANCE, initial, input, null, exact,
            budget * 2);
        Outcome ex = run(built, ExactBackend.INSTANCE, initial, input, null, null,
            Math.min(budget, 20));
        for (Backend b : OnnxRuntimeBackend.all()) {
          if (!backends.contains(b.name())) {
            continue;
          }
          Outcome o = run(built, b, initial, input, exact, null, budget);
          boolean bytes = o.halted && Arrays.equals(o.printed, expected);
          if (o.failure != null || (o.halted ? !bytes : !startsWith(expected, o.printed))) {
            failures.add(name + " " + cons + " " + b.name() + ": " + (o.failure != null
                ? o.failure : "printed other bytes"));
          }
          System.out.printf(Locale.ROOT, "%s N=%d A=%d %s %s: %d passes%s, %s, %s, %.1f"
              + " passes/s (exact %.1f, incremental %.1f; exact run %d passes%s)%n", name, n, a,
              cons, b.name(), o.passes, o.halted ? " halted" : "",
              bytes ? "expected bytes" : "bytes " + (o.halted ? "DIFFER" : "so far "
                  + (startsWith(expected, o.printed) ? "a prefix" : "DIFFER")),
              o.failure == null ? "every pass equal to exact" : "FAILED: " + o.failure,
              o.passes / o.seconds, ex.passes / ex.seconds, inc.passes / inc.seconds,
              inc.passes, inc.halted ? " halted" : "");
        }
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(failures.isEmpty(), String.join("\n",
        failures));
  }

  /**
   * With {@code -Dloopmlp.corpus.python=A}: every program of at most 2^A words through {@code
   * onnx/scripts/classic_host.py} on float16 models of both constructions, three summation
   * orders, every pass against the exact run's trace, the bytes against the expected file.
   */
  @Test
  @EnabledIfSystemProperty(named = "loopmlp.corpus.python", matches = "\\d+")
  void python() throws Exception {
    Path dir = Path.of(System.getProperty("loopmlp.corpus"));
    int maxBits = Integer.getInteger("loopmlp.corpus.python");
    Path work = Files.createTempDirectory("corpus-python");
    for (String line : Files.readAllLines(dir.resolve("MANIFEST.md"))) {
      String[] c = line.split("\\|");
      if (c.length < 5 || !c[2].trim().matches("\\d+") || !c[3].trim().matches("\\d+")) {
        continue;
      }
      String name = c[1].trim();
      int n = Integer.parseInt(c[2].trim());
      int a = Integer.parseInt(c[3].trim());
      if (a > maxBits) {
        continue;
      }
      ClassicConfig config = ClassicConfig.of(n, a);
      Path slq = dir.resolve(name + ".slq");
      ClassicState initial = SlqImage.parse(slq.toString(), Files.readString(slq)).load(config);
      Path in = dir.resolve(name + ".input");
      byte[] input = Files.exists(in) ? Files.readAllBytes(in) : new byte[0];
      Path trace = Files.write(work.resolve(name + ".trace"),
          ClassicOnnxScriptTest.trace(config, initial, input, 10_000_000));
      Path empty = Files.write(work.resolve("empty.input"), new byte[0]);
      for (String cons : List.of(ClassicConstruction.NAME, ClassicConstruction.SPLIT_NAME,
          ClassicConstruction.NARROW_NAME)) {
        Path model = work.resolve(name + "-" + cons + ".onnx");
        Cli.Result e = Cli.run("export", "--isa", "classic", "--construction", cons, "--config",
            n + "," + a, "--onnx-type", "float16", "--onnx", model.toString(), "--force");
        long t = System.nanoTime();
        ClassicOnnxScriptTest.Result r = ClassicOnnxScriptTest.python(model, slq,
            Files.exists(in) ? in : empty, trace, dir.resolve(name + ".expected"),
            "stored,largest,random");
        System.out.printf(Locale.ROOT, "python %s N=%d A=%d %s (export %d): exit %d in %.0f s%n%s",
            name, n, a, cons, e.code(), r.code(), (System.nanoTime() - t) / 1e9, r.err());
      }
    }
  }

  private static boolean startsWith(byte[] all, byte[] prefix) {
    return prefix.length <= all.length
        && Arrays.equals(Arrays.copyOf(all, prefix.length), prefix);
  }

  /** FNV-1a over the pass's pc, flags, printed byte and memory. */
  private static long hash(ClassicPassOutput o) {
    long h = 0xcbf29ce484222325L;
    long[] parts = {o.state().pc(), o.taken() ? 1 : 0, o.output(), o.executed() ? 1 : 0};
    for (long v : parts) {
      h = (h ^ v) * 0x100000001b3L;
    }
    for (long w : o.state().memory()) {
      h = (h ^ w) * 0x100000001b3L;
    }
    return h;
  }

  /**
   * Runs {@code c} on {@code backend}; records every pass's hash into {@code record}, or
   * compares it with {@code compare} (as far as that goes).
   */
  private static Outcome run(ClassicConstruction c, Backend backend, ClassicState initial,
      byte[] input, List<Long> compare, List<Long> record, double seconds) {
    ByteOutput.Collecting out = ByteOutput.collecting();
    long[] passes = {0};
    String[] failure = {null};
    ClassicLoopedMlp mlp = ClassicLoopedMlp.of(c, backend);
    long t0 = System.nanoTime();
    long end = t0 + (long) (seconds * 1e9);
    boolean halted = false;
    try {
      ClassicLoopedMlp.Run r = mlp.run(initial, ByteInput.of(input), out, MAX_STEPS,
          (long pass, ClassicState before, ClassicPassOutput o) -> {
            long h = hash(o);
            if (record != null) {
              record.add(h);
            }
            if (compare != null && pass < compare.size() && compare.get((int) pass) != h
                && failure[0] == null) {
              failure[0] = "pass " + pass + " differs from the exact run";
              throw new TimeUp();
            }
            passes[0] = pass + 1;
            if (System.nanoTime() > end) {
              throw new TimeUp();
            }
          });
      halted = r.halted();
      passes[0] = r.steps();
    } catch (TimeUp e) {
      // the passes reached
    } catch (DecodeException | IllegalStateException e) {
      failure[0] = "pass " + passes[0] + ": " + e.getMessage();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    return new Outcome(passes[0], halted, out.bytes(), s, failure[0]);
  }
}
