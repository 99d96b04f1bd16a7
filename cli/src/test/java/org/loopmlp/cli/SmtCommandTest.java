package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loopmlp smt} at a tiny size: the table, a fault replayed, the scripts, user errors. */
class SmtCommandTest {
  @Test
  void everyLemmaIsUnsatForZ3() {
    Cli.Result r = Cli.run("smt", "--config", "2,1,1", "--timeout", "60");
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    // six stage lemmas and the pass, each proved by our prover and unsat for z3
    assertEquals(7, r.out().lines().filter(l -> l.startsWith("paper ")
        && l.contains(" holds ") && l.contains(" unsat ")).count(), r.out());
  }

  @Test
  void aFaultIsReplayedWithTheCommandThatReproducesIt() {
    Cli.Result r = Cli.run("smt", "--config", "3,1,1", "--fault", "branch-on-negative");
    assertEquals(ExitCodes.FOUND, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("stage       branch<0"), r.out());
    assertTrue(r.out().contains("reproduce with: loopmlp smt --construction paper --config 3,1,1"
        + " --fault branch-on-negative"), r.out());
  }

  @Test
  void exportSmtlibWritesOneScriptPerLemmaAndThePass(@TempDir Path dir) throws IOException {
    Cli.Result r = Cli.run("smt", "export-smtlib", "--construction", "classic", "--config", "3,2",
        dir.toString());
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(5, files.filter(f -> f.toString().endsWith(".smt2")).count());
    }
    assertTrue(Files.readString(dir.resolve("pass.smt2")).contains("(set-logic QF_BV)"));
  }

  @Test
  void exportWritesTheSameScriptsAsSmtExportSmtlib(@TempDir Path dir) throws IOException {
    Path viaExport = dir.resolve("export");
    Path viaSmt = dir.resolve("smt");
    Cli.Result r = Cli.run("export", "--isa", "classic", "--config", "3,2", "--smtlib",
        viaExport.toString());
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    assertEquals(ExitCodes.OK, Cli.run("smt", "export-smtlib", "--construction", "classic",
        "--config", "3,2", viaSmt.toString()).code());
    try (Stream<Path> files = Files.list(viaSmt)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        assertEquals(Files.readString(f), Files.readString(viaExport.resolve(f.getFileName())),
            f.getFileName().toString());
      }
    }
    Cli.Result again = Cli.run("export", "--config", "2,1,1", "--smtlib", viaExport.toString());
    assertEquals(ExitCodes.USAGE, again.code(), again.err());
    assertTrue(again.err().contains("--force"), again.err());
  }

  @Test
  void mistakesAreOneLine() {
    for (String[] args : new String[][] {{"smt", "--config", "8,4"},
        {"smt", "--construction", "nosuch"}, {"smt", "--solver", "/no/such/solver"},
        {"smt", "--construction", "classic", "--config", "8,4", "--fault", "x"}}) {
      Cli.Result r = Cli.run(args);
      assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("loopmlp smt: "), r.err());
    }
  }
}
