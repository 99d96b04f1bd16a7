package org.loopmlp.certcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;

/**
 * One rule for every certificate that cannot be read as one: REJECTED (never an exception, never
 * an out-of-memory), decided before any case is checked, with a message that is printable ASCII
 * of bounded length whatever bytes the file holds.
 */
class CorruptInputTest {
  @TempDir Path dir;

  /** A small well-formed certificate start: the checker gets past its header. */
  private static final String HEAD = "loopmlp-certificate 1\nconfig 2 1 1\n";

  private Path network() throws IOException {
    SparseLayer.Builder b = SparseLayer.builder(2).label("copy");
    b.addRow(SparseLayer.Row.withBias(0).plus(0, 1));
    b.addRow(SparseLayer.Row.withBias(0).plus(1, Rational.of(1)));
    Path f = dir.resolve("net.txt");
    NetworkFormat.write(Network.withInputNames(List.of(b.build()), List.of("x", "y")), f);
    return f;
  }

  private static void assertRejectedReadably(CertificateChecker.Result r) {
    assertFalse(r.accepted(), r.message());
    assertEquals(0, r.cases(), "rejected before any case: " + r.message());
    assertTrue(r.message().length() <= 400, r.message());
    assertTrue(r.message().chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f),
        "printable ASCII only: " + r.message());
  }

  private CertificateChecker.Result check(String name, byte[] bytes) throws IOException {
    Path cert = dir.resolve(name);
    Files.write(cert, bytes);
    return CertificateChecker.check(network(), cert);
  }

  private static byte[] gzip(byte[] bytes) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream o = new GZIPOutputStream(b)) {
      o.write(bytes);
    }
    return b.toByteArray();
  }

  @Test
  void randomBytesAreRejectedWithoutPrintingThem() throws IOException {
    Random random = new Random(13);
    for (int i = 0; i < 20; i++) {
      byte[] bytes = new byte[1 + random.nextInt(4000)];
      random.nextBytes(bytes);
      assertRejectedReadably(check("random.txt", bytes));
      assertRejectedReadably(check("random.txt.gz", gzip(bytes)));
    }
  }

  @Test
  void controlCharactersInAKeywordAreEscaped() throws IOException {
    CertificateChecker.Result r = check("esc.txt",
        "\u001b[2Jloopmlp-certificate 1\u0007\nend\n".getBytes(StandardCharsets.ISO_8859_1));
    assertRejectedReadably(r);
    assertTrue(r.message().contains("\\x1b"), r.message());
  }

  @Test
  void aTruncatedGzipCertificateIsRejectedBeforeAnyCase() throws IOException {
    byte[] whole = gzip((HEAD + "state 2\nstages 1\n" + "x\n".repeat(50_000) + "end\n")
        .getBytes(StandardCharsets.US_ASCII));
    CertificateChecker.Result r = check("cut.txt.gz", Arrays.copyOf(whole, whole.length / 2));
    assertRejectedReadably(r);
    assertTrue(r.message().contains("truncated"), r.message());
  }

  @Test
  void aTruncatedPlainCertificateIsRejectedBeforeAnyCase() throws IOException {
    CertificateChecker.Result r = check("cut.txt",
        (HEAD + "state 2\nstages 1\nstage FETCH 0 1 1\ngoal g 1 0\ns 0\n")
            .getBytes(StandardCharsets.US_ASCII));
    assertRejectedReadably(r);
    assertTrue(r.message().contains("truncated"), r.message());
  }

  @Test
  void anEmptyCertificateIsRejected() throws IOException {
    assertRejectedReadably(check("empty.txt", new byte[0]));
    assertRejectedReadably(check("empty.txt.gz", new byte[0]));
  }

  @Test
  void aCorruptNetworkIsRejectedLikeACorruptCertificate() throws IOException {
    Path net = dir.resolve("bad-net.txt");
    Files.write(net, new byte[] {'l', 0x1b, '[', '2', 'J', (byte) 0xff, '\n'});
    Path cert = dir.resolve("c.txt");
    Files.writeString(cert, HEAD + "end\n");
    CertificateChecker.Result r = CertificateChecker.check(net, cert);
    assertRejectedReadably(r);
  }
}
