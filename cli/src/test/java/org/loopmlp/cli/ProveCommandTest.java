package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProveCommandTest {
  @Test
  void proofWithCertificateIsAcceptedByTheIndependentChecker(@TempDir Path dir) {
    Path out = dir.resolve("proof");
    Cli.Result r = Cli.run("prove", "--config", "4,2,2", "--out", out.toString());
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("independent checker: ACCEPTED"), r.out());
    assertTrue(r.out().contains("verdict: PROVED"), r.out());
    assertTrue(Files.exists(out.resolve("certificate.txt.gz")));
    assertTrue(Files.exists(out.resolve("network.txt.gz")));
  }

  @Test
  void configIsRequired() {
    BadInputTest.assertUsageError("--config", "prove");
  }

  @Test
  void outMustNotBeAFile(@TempDir Path dir) throws Exception {
    Path f = Files.writeString(dir.resolve("x"), "");
    BadInputTest.assertUsageError("is a file", "prove", "--config", "2,1,1", "--out",
        f.toString());
  }
}
