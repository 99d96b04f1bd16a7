package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassicProveCommandTest {
  @Test
  void provesAClassicSizeAndCertcheckAcceptsTheCertificate(@TempDir Path dir) {
    Path out = dir.resolve("proof");
    Cli.Result r = Cli.run("prove", "--isa", "classic", "--config", "4,3", "--out",
        out.toString());
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("independent checker: ACCEPTED"), r.out());
    assertTrue(r.out().contains("verdict: PROVED"), r.out());
    Cli.Result c = Cli.run("certcheck", out.toString());
    assertEquals(ExitCodes.OK, c.code(), c.out() + c.err());
    assertTrue(c.out().contains("verdict: ACCEPTED"), c.out());
  }

  @Test
  void aFormatIsProvedOnlyWhereTheCheckedBoundFitsIt(@TempDir Path dir) {
    // N = 4: every sum stays below 2^8 (the checker re-derives it from the written network).
    Cli.Result small = Cli.run("prove", "--isa", "classic", "--config", "4,3", "--format",
        "bfloat16", "--out", dir.resolve("p").toString());
    assertEquals(ExitCodes.OK, small.code(), small.out() + small.err());
    assertTrue(small.out().contains("independent checker: largest partial sum"), small.out());
    assertTrue(small.out().contains("verdict: PROVED in bfloat16"), small.out());
    // N = 12 in float16 is measured failing through ONNX Runtime at the first pass
    // (onnx/README.md), so no proof may claim it.
    Cli.Result wide = Cli.run("prove", "--isa", "classic", "--config", "12,3", "--format",
        "float16");
    assertEquals(ExitCodes.FOUND, wide.code(), wide.out() + wide.err());
    assertTrue(wide.out().contains("verdict: NOT PROVED in float16"), wide.out());
    Cli.Result bad = Cli.run("prove", "--isa", "classic", "--config", "4,3", "--format", "fp8");
    assertEquals(ExitCodes.USAGE, bad.code(), bad.err());
  }

  /**
   * classic-narrow at (12,3), where classic is refused float16: proved, with the checker's
   * re-derived bound, which is 3N + 6 = 42 (see PrecisionTableTest).
   */
  @Test
  void theNarrowConstructionIsProvedInFloat16WhereClassicIsNot(@TempDir Path dir) {
    Cli.Result r = Cli.run("prove", "--isa", "classic", "--construction", "classic-narrow",
        "--config", "12,3", "--format", "float16", "--out", dir.resolve("n").toString());
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("independent checker: largest partial sum 42, every layer exact"
        + " in bfloat16"), r.out());
    assertTrue(r.out().contains("verdict: PROVED in float16"), r.out());
  }

  @Test
  void theClassicPrecisionTableListsEveryClassicConstruction() {
    Cli.Result r = Cli.run("prove", "--isa", "classic", "--precision-table", "2");
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("| classic-narrow | bfloat16 (18) |"), r.out());
    assertTrue(r.out().contains("| classic-narrow-split | bfloat16 (18) |"), r.out());
    assertTrue(r.out().contains("| classic | bfloat16"), r.out());
    Cli.Result bad = Cli.run("prove", "--isa", "classic", "--precision-table", "6,6");
    assertEquals(ExitCodes.USAGE, bad.code(), bad.err());
  }

  @Test
  void aClassicConfigIsNA() {
    Cli.Result r = Cli.run("prove", "--isa", "classic", "--config", "4,3,3");
    assertEquals(ExitCodes.USAGE, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("N,A"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}
