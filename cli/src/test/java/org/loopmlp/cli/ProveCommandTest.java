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

  @Test
  void narrowIsProvedExactInBfloat16(@TempDir Path dir) {
    Cli.Result r = Cli.run("prove", "--config", "8,2,2", "--construction", "narrow", "--out",
        dir.resolve("proof").toString(), "--format", "bfloat16");
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("independent checker: largest partial sum 29"), r.out());
    assertTrue(r.out().contains("verdict: PROVED in bfloat16"), r.out());
  }

  @Test
  void paperAtTwentyFourBitsIsNotProvedInFloat32() {
    Cli.Result r = Cli.run("prove", "--config", "24,1,1", "--format", "float32");
    assertEquals(ExitCodes.FOUND, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("verdict: NOT PROVED in float32: stage subtract"), r.out());
    assertTrue(r.out().contains("narrowest format proved: float64"), r.out());
  }

  @Test
  void badFormatsAndSizesAreOneLineUsageErrors() {
    BadInputTest.assertUsageError("unknown --format 'float8'", "prove", "--config", "4,1,1",
        "--format", "float8");
    BadInputTest.assertUsageError("--precision-table expects A,C", "prove",
        "--precision-table", "6");
    BadInputTest.assertUsageError("the paper construction is not built for 40,1,1", "prove",
        "--config", "40,1,1");
  }
}
