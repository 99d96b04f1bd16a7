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
  void aClassicConfigIsNA() {
    Cli.Result r = Cli.run("prove", "--isa", "classic", "--config", "4,3,3");
    assertEquals(ExitCodes.USAGE, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("N,A"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}
