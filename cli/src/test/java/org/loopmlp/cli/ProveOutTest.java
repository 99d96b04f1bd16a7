package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code prove --out}: the same proof as without it, and never over someone's files. */
class ProveOutTest {
  @Test
  void theCaseBudgetHoldsWithAndWithoutOut(@TempDir Path dir) {
    Cli.Result alone = Cli.run("prove", "--config", "8,4,4", "--case-budget", "1");
    assertEquals(ExitCodes.FOUND, alone.code(), alone.out() + alone.err());
    Cli.Result withOut = Cli.run("prove", "--config", "8,4,4", "--case-budget", "1", "--out",
        dir.resolve("proof").toString());
    assertEquals(ExitCodes.FOUND, withOut.code(), withOut.out() + withOut.err());
    assertTrue(withOut.out().contains("verdict: NOT PROVED"), withOut.out());
    assertTrue(Files.notExists(dir.resolve("proof").resolve("certificate.txt.gz")),
        "no certificate for an unproved stage");
  }

  @Test
  void aNonEmptyDirectoryIsRefusedUnlessForced(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("proof");
    Files.createDirectories(out);
    Path mine = Files.writeString(out.resolve("notes.txt"), "mine");
    BadInputTest.assertUsageError("--force", "prove", "--config", "3,2,2", "--out",
        out.toString());
    assertEquals("mine", Files.readString(mine));
    assertTrue(Files.notExists(out.resolve("network.txt.gz")), "nothing written");

    Cli.Result forced = Cli.run("prove", "--config", "3,2,2", "--out", out.toString(),
        "--force");
    assertEquals(ExitCodes.OK, forced.code(), forced.out() + forced.err());
  }

  @Test
  void anEmptyDirectoryIsUsedAsIs(@TempDir Path dir) throws Exception {
    Path out = Files.createDirectories(dir.resolve("empty"));
    Cli.Result r = Cli.run("prove", "--config", "3,2,2", "--out", out.toString());
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
  }

  @Test
  void anUnwritableOutIsRefusedBeforeAnyProof(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    for (String isa : new String[] {"subleq", "classic"}) {
      Cli.Result r = Cli.run("prove", "--isa", isa, "--config", isa.equals("classic") ? "4,3"
          : "3,2,2", "--out", file.resolve("proof").toString());
      assertEquals(ExitCodes.USAGE, r.code(), r.out() + r.err());
      assertEquals(java.util.List.of("loopmlp prove: cannot write --out " + file.resolve("proof")
          + ": a parent of the path is not a directory"), r.errLines());
      assertEquals("", r.out(), "no proof ran: " + r.out());
    }
  }

  @Test
  void classicCaseBudgetWithOutIsRefusedNotIgnored(@TempDir Path dir) {
    BadInputTest.assertUsageError("--case-budget does not apply with --out on --isa classic",
        "prove", "--isa", "classic", "--config", "4,3", "--case-budget", "5", "--out",
        dir.resolve("p").toString());
  }
}
