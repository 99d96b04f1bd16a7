package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --engine reference}: long runs of the fast reference machine keep only the end. */
class ReferenceRunTest {
  /** Two instructions that jump to each other for ever: mem[1] -= 0 and Z -= Z. */
  static final String FOREVER = String.join("\n",
      ".config word=8 data=1 code=1",
      ".data",
      "Z: 0",
      "ONE: 1",
      ".code",
      "Z ONE 1",
      "Z Z 0",
      "");

  @Test
  void aLongRunNeedsNoHeapForTheStatesPassedThrough(@TempDir Path dir) throws Exception {
    // Five million states would take hundreds of MiB; the run keeps only its end, so it fits
    // in a 32 MiB heap. Run as its own process to give it that heap.
    Path f = RunCommandTest.write(dir, "forever.sq", FOREVER);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx32m", "-cp",
        System.getProperty("java.class.path"), LoopMlp.class.getName(), "run", f.toString(),
        "--engine", "reference", "--max-steps", "5000000", "--json")
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(ExitCodes.OK, p.waitFor(), output);
    Map<String, Object> o = RunCommandTest.json(new Cli.Result(0, output, ""));
    assertEquals(5_000_000L, ((Number) o.get("steps")).longValue());
    assertEquals(false, o.get("halted"));
    // After an even number of steps the program is back at slot 0 with memory unchanged.
    assertEquals(0L, ((Number) o.get("pc")).longValue());
    assertEquals(List.of(0L, 1L), ((List<?>) o.get("memory")).stream()
        .map(v -> ((Number) v).longValue()).toList());
    assertNull(o.get("agree"));
  }

  @Test
  void haltingNeedsTheConfirmingStepWithinTheLimitAsForTheNetwork(@TempDir Path dir)
      throws Exception {
    // COUNTDOWN changes the state in 14 steps (5 decrements, 4 additions, 4 jumps back, the
    // last addition); the 15th, HALT, leaves it unchanged.
    Path f = RunCommandTest.write(dir, "c.sq", RunCommandTest.COUNTDOWN);
    for (int k : new int[] {13, 14, 15}) {
      Map<String, Object> ref = RunCommandTest.json(Cli.run("run", f.toString(), "--engine",
          "reference", "--max-steps", Integer.toString(k), "--json"));
      Map<String, Object> both = RunCommandTest.json(Cli.run("run", f.toString(),
          "--max-steps", Integer.toString(k), "--json"));
      for (String key : List.of("steps", "halted", "pc", "memory")) {
        assertEquals(both.get(key), ref.get(key), key + " at --max-steps " + k);
      }
    }
  }

  @Test
  void oneStepIsOneStep(@TempDir Path dir) throws Exception {
    // Z -= Z and on to slot 1, which is HALT: one step changes the state (pc 0 to 1).
    Path f = RunCommandTest.write(dir, "one.sq", String.join("\n",
        ".config word=8 data=1 code=1", ".data", "Z: 0", ".code", "Z Z", ""));
    Cli.Result r = Cli.run("run", f.toString(), "--engine", "reference");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("reference machine: halted after 1 step, pc 1"), r.out());
    Cli.Result both = Cli.run("run", f.toString());
    assertTrue(both.out().contains("network:           halted after 1 step, pc 1"), both.out());
  }
}
