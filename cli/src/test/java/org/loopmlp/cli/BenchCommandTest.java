package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
  @TempDir Path dir;

  @Test
  void incrementalIsComparedNeuronByNeuronWithDenseEvaluation() {
    Cli.Result r = Cli.run("bench", "--sizes", "3,1,2", "--seconds", "0.05", "--backends",
        "exact,incremental,exact-parallel");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("| 3,1,2     | paper ")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("| 3,1,2     | compact ")), r.out());
    assertTrue(r.out().contains("incr/paper"), r.out());
    assertTrue(r.out().lines().filter(l -> l.contains("neurons equal")).count() == 2, r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  3,1,2 paper: 0 fetch.select ")),
        r.out());
  }

  @Test
  void programRunsToItsHaltOnEveryBackendGiven() throws Exception {
    Path f = RunCommandTest.write(dir, "countdown.sq", RunCommandTest.COUNTDOWN);
    Cli.Result r = Cli.run("bench", "--program", f.toString(), "--seconds", "0.05",
        "--backends", "incremental,exact", "--constructions", "compact");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("halts after 14 steps"), r.out());
    assertEquals(2, r.out().lines()
        .filter(l -> l.contains("15 passes") && l.contains("halted in the reference machine's"
            + " final state")).count(), r.out());
  }

  @Test
  void programThatHasNotHaltedIsMeasuredUpToTheLimit() throws Exception {
    Path f = RunCommandTest.write(dir, "countdown.sq", RunCommandTest.COUNTDOWN);
    Cli.Result r = Cli.run("bench", "--program", f.toString(), "--seconds", "0.05",
        "--max-steps", "5", "--constructions", "paper");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains("has not halted after 5 steps"), r.out());
    assertTrue(r.out().contains("5 passes"), r.out());
  }

  @Test
  void unknownConstructionOrFormatIsAUsageError() throws Exception {
    Cli.Result r = Cli.run("bench", "--constructions", "nosuch");
    assertEquals(ExitCodes.USAGE, r.code());
    assertEquals(1, r.errLines().size(), r.err());
    Path f = RunCommandTest.write(dir, "prog.txt", RunCommandTest.COUNTDOWN);
    r = Cli.run("bench", "--program", f.toString());
    assertEquals(ExitCodes.USAGE, r.code());
    assertTrue(r.err().contains("expected a .sq program"), r.err());
  }
}
