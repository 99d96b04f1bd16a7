package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    Cli.Result r = Cli.run("smt", "export-smtlib", "--isa", "classic", "--config", "3,2",
        dir.toString());
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(5, files.filter(f -> f.toString().endsWith(".smt2")).count());
    }
    // the whole pass, cut at the stage boundaries, with the step's goals from SPEC
    String pass = Files.readString(dir.resolve("pass.smt2"));
    assertTrue(pass.contains("(set-logic QF_LIA)") && pass.contains("; goal Inv(1)")
        && pass.contains("; goal mem[3]"), pass.substring(0, 400));
  }

  @Test
  void exportWritesTheSameScriptsAsSmtExportSmtlib(@TempDir Path dir) throws IOException {
    Path viaExport = dir.resolve("export");
    Path viaSmt = dir.resolve("smt");
    Cli.Result r = Cli.run("export", "--isa", "classic", "--config", "3,2", "--smtlib",
        viaExport.toString());
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    assertEquals(ExitCodes.OK, Cli.run("smt", "export-smtlib", "--isa", "classic",
        "--construction", "classic", "--config", "3,2", viaSmt.toString()).code());
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
  void aClassicFaultIsReplayedThroughTheReferenceMachine() {
    Cli.Result r = Cli.run("smt", "--isa", "classic", "--config", "4,3", "--fault",
        "fetch-ignores-halt", "--timeout", "60");
    assertEquals(ExitCodes.FOUND, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("goal run"), r.out());
    // pc 6 at A = 3 is halted (pc + 2 >= 8): the reference machine stays, the network moves
    assertTrue(r.out().contains("difference  pc: reference "), r.out());
    assertTrue(r.out().contains("reproduce with: loopmlp smt --isa classic --config 4,3 --fault"
        + " fetch-ignores-halt --solver z3"), r.out());
  }

  @Test
  void exportVnncompIsSmtExportVnncomp(@TempDir Path dir) throws IOException {
    Path viaExport = dir.resolve("export");
    Path viaSmt = dir.resolve("smt");
    Cli.Result r = Cli.run("export", "--vnncomp", viaExport.toString(), "--config", "3,2,1",
        "--memory-bits", "2");
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    Cli.Result s = Cli.run("smt", "export-vnncomp", "--config", "3,2,1",
        "--classic-memory-bits", "2", viaSmt.toString());
    assertEquals(ExitCodes.OK, s.code(), s.out() + s.err());
    // the same lines but for the times z3 took
    assertEquals(s.out().replace(viaSmt.toString(), "DIR").replaceAll(" *\\d+ ms", " ms"),
        r.out().replace(viaExport.toString(), "DIR").replaceAll(" *\\d+ ms", " ms"));
    List<Path> files;
    try (Stream<Path> walk = Files.walk(viaSmt)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertTrue(files.size() > 10, files.toString());
    for (Path f : files) {
      Path other = viaExport.resolve(viaSmt.relativize(f).toString());
      assertTrue(java.util.Arrays.equals(Files.readAllBytes(f), Files.readAllBytes(other)),
          f.toString());
    }
    Cli.Result again = Cli.run("export", "--vnncomp", viaExport.toString());
    assertEquals(ExitCodes.USAGE, again.code(), again.err());
    assertTrue(again.err().contains("--force"), again.err());
  }

  @Test
  void mistakesAreOneLine() {
    for (String[] args : new String[][] {{"smt", "--config", "8,4"},
        {"smt", "--construction", "nosuch"}, {"smt", "--solver", "/no/such/solver"},
        {"smt", "--isa", "classic", "--config", "8,4", "--fault", "x"},
        {"smt", "--construction", "classic"}, {"smt", "--isa", "classic", "--faults", "2"},
        {"smt", "--isa", "classic", "--construction", "narrow"},
        {"smt", "--fault", "branch-on-negative", "--no-pass"}, {"smt", "--seed", "3"},
        {"export", "--vnncomp", "x", "--isa", "classic"},
        {"export", "--vnncomp", "x", "--out", "y"}}) {
      Cli.Result r = Cli.run(args);
      assertEquals(ExitCodes.USAGE, r.code(), String.join(" ", args) + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().startsWith("loopmlp " + args[0] + ": "), r.err());
    }
  }
}
