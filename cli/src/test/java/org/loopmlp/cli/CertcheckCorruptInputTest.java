package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.certcheck.CertificateChecker;

/**
 * {@code certcheck} on corrupt files: one rule for all of them (REJECTED, exit 1, one reason in
 * printable ASCII), decided before any case is checked; a file that cannot be opened at all is
 * an input error (exit 2).
 */
class CertcheckCorruptInputTest {
  @TempDir static Path dir;
  private static Path proof;

  @BeforeAll
  static void prove() {
    proof = dir.resolve("proof");
    Cli.Result r = Cli.run("prove", "--config", "4,2,2", "--out", proof.toString());
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
  }

  private static Path network() {
    return proof.resolve("network.txt.gz");
  }

  private static Path certificate() {
    return proof.resolve("certificate.txt.gz");
  }

  private static Cli.Result certcheck(Path net, Path cert) {
    return Cli.run("certcheck", "--network", net.toString(), "--certificate", cert.toString());
  }

  private static void assertRejected(Cli.Result r) {
    assertEquals(ExitCodes.FOUND, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("REJECTED"), r.out());
    assertTrue(r.out().chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f)),
        "printable output only: " + r.out());
    assertTrue(r.out().lines().allMatch(l -> l.length() <= 500), r.out());
  }

  private static Path cut(Path file, String name) throws Exception {
    byte[] b = Files.readAllBytes(file);
    return Files.write(dir.resolve(name), Arrays.copyOf(b, b.length * 3 / 4));
  }

  @Test
  void aTruncatedCertificateIsRejectedBeforeAnyCaseIsChecked() throws Exception {
    Path cut = cut(certificate(), "cut-cert.txt.gz");
    Cli.Result r = certcheck(network(), cut);
    assertRejected(r);
    assertTrue(r.out().contains("truncated"), r.out());
    assertEquals(0, CertificateChecker.check(network(), cut).cases());
  }

  @Test
  void aTruncatedNetworkIsRejected() throws Exception {
    assertRejected(certcheck(cut(network(), "cut-net.txt.gz"), certificate()));
  }

  @Test
  void randomBytesAreRejectedAndNeverPrintedRaw() throws Exception {
    Random random = new Random(5);
    byte[] bytes = new byte[3000];
    for (String name : new String[] {"junk.txt", "junk.txt.gz"}) {
      random.nextBytes(bytes);
      bytes[0] = 'l';
      Path junk = Files.write(dir.resolve(name), bytes);
      assertRejected(certcheck(network(), junk));
      assertRejected(certcheck(junk, certificate()));
    }
  }

  @Test
  void aDirectoryGivenAsTheCertificateIsAnInputError() {
    BadInputTest.assertUsageError("no such file", "certcheck", "--network",
        network().toString(), "--certificate", dir.toString());
  }
}
