package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run nothing checks says so, and names the construction that ran. */
class UncheckedRunTest {
  /** 2^24 + 1 is not a float32: a float32 network computes X - 0 wrongly. */
  static final String WIDE = String.join("\n",
      ".config word=32 data=1 code=1",
      ".data",
      "Z: 0",
      "X: 16777217",
      ".code",
      "Z X",
      "");

  @Test
  void float32IsWrongOnThisProgram(@TempDir Path dir) throws Exception {
    Path f = RunCommandTest.write(dir, "wide.sq", WIDE);
    Cli.Result r = Cli.run("run", f.toString(), "--backend", "float32");
    assertEquals(ExitCodes.FOUND, r.code(), r.out() + r.err());
  }

  @Test
  void anUncheckedFloat32RunSaysItCanBeWrong(@TempDir Path dir) throws Exception {
    Path f = RunCommandTest.write(dir, "wide.sq", WIDE);
    Cli.Result r = Cli.run("run", f.toString(), "--engine", "mlp", "--backend", "float32");
    assertTrue(r.err().contains("unchecked"), r.err());
    assertTrue(r.err().contains("can be wrong"), r.err());
    Cli.Result json = Cli.run("run", f.toString(), "--engine", "mlp", "--backend", "float32",
        "--json");
    assertTrue(json.err().contains("can be wrong"), json.err());
    RunCommandTest.json(json);
  }

  @Test
  void anUncheckedRunWhereTheFormatIsExactIsOnlyUnchecked(@TempDir Path dir) throws Exception {
    Path f = RunCommandTest.write(dir, "c.sq", RunCommandTest.COUNTDOWN);
    Cli.Result r = Cli.run("run", f.toString(), "--engine", "mlp", "--backend", "float32");
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("unchecked"), r.err());
    assertFalse(r.err().contains("can be wrong"), r.err());
    Cli.Result checked = Cli.run("run", f.toString(), "--backend", "float32");
    assertFalse(checked.err().contains("unchecked"), checked.err());
  }

  @Test
  void jsonNamesTheConstruction(@TempDir Path dir) throws Exception {
    Path f = RunCommandTest.write(dir, "c.sq", RunCommandTest.COUNTDOWN);
    Map<String, Object> paper = RunCommandTest.json(Cli.run("run", f.toString(), "--json"));
    assertEquals("paper", paper.get("construction"));
    Map<String, Object> compact = RunCommandTest.json(Cli.run("run", f.toString(), "--json",
        "--construction", "compact"));
    assertEquals("compact", compact.get("construction"));
    Map<String, Object> reference = RunCommandTest.json(Cli.run("run", f.toString(), "--json",
        "--engine", "reference"));
    assertTrue(reference.containsKey("construction"));
    assertEquals(null, reference.get("construction"), "no network ran");
  }

  @Test
  void traceNamesTheConstruction(@TempDir Path dir) throws Exception {
    Path f = RunCommandTest.write(dir, "c.sq", RunCommandTest.COUNTDOWN);
    Cli.Result r = Cli.run("trace", f.toString(), "--construction", "compact");
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    assertTrue(r.out().lines().findFirst().orElse("").contains("compact construction"),
        r.out());
  }
}
