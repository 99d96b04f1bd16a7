package org.loopmlp.certcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;

/**
 * The checker accepts the prover's certificate for the classic construction and rejects a
 * corrupted one (a flipped fact, a missing case, a case wrongly claimed outside the
 * precondition, a dropped goal), a mutated network, and stages in an order that is not one
 * classic step. The proofs are checked-in fixtures ({@link Fixtures}): the classic
 * construction at (6, 4), and with subtract before read.
 */
class ClassicCertificateTest {
  @TempDir
  static Path dir;
  static final Path PROOF = Fixtures.dir("classic-6-4");
  static Path network = PROOF.resolve("network.txt.gz");
  static List<String> lines;

  @BeforeAll
  static void read() throws IOException {
    lines = Fixtures.certificateLines(PROOF);
  }

  private static CertificateChecker.Result checkEdited(UnaryOperator<List<String>> edit)
      throws IOException {
    Path file = Files.createTempFile(dir, "edited", ".txt");
    Files.write(file, edit.apply(new ArrayList<>(lines)), StandardCharsets.US_ASCII);
    return CertificateChecker.check(network, file);
  }

  @Test
  void acceptsTheGenuineCertificate() throws IOException {
    CertificateChecker.Result r = checkEdited(ls -> ls);
    assertTrue(r.accepted(), r.message());
    assertEquals(4, r.stages());
    assertTrue(lines.contains("x"), "the write stage has cases outside its precondition");
  }

  @Test
  void rejectsAnOnFactFlippedToOff() throws IOException {
    CertificateChecker.Result r = checkEdited(ls -> {
      for (int i = Certificates.firstLine(ls, "stage READ", "goal va"); ; i++) {
        String[] groups = ls.get(i).split(" ");
        if (groups[0].equals("l") && !groups[1].equals("-")) {
          groups[1] = groups[1].contains(",") ? groups[1].substring(groups[1].indexOf(',') + 1)
              : "-";
          ls.set(i, String.join(" ", groups));
          return ls;
        }
      }
    });
    assertFalse(r.accepted());
    assertTrue(r.message().contains("claimed OFF"), r.message());
  }

  @Test
  void rejectsAMissingCase() throws IOException {
    CertificateChecker.Result r = checkEdited(ls -> {
      ls.remove(Certificates.firstLine(ls, "stage SUBTRACT", "l "));
      return ls;
    });
    assertFalse(r.accepted());
  }

  @Test
  void rejectsACaseWronglyClaimedOutsideThePrecondition() throws IOException {
    CertificateChecker.Result r = checkEdited(ls -> {
      int i = Certificates.firstLine(ls, "stage WRITE", "l ");
      ls.set(i, "x");
      return ls;
    });
    assertFalse(r.accepted());
    assertTrue(r.message().contains("fixes no forbidden pattern"), r.message());
  }

  @Test
  void rejectsADroppedGoal() throws IOException {
    CertificateChecker.Result r = checkEdited(ls -> {
      int start = Certificates.firstLine(ls, "stage SUBTRACT", "goal br");
      int next = start + 1;
      while (!ls.get(next).startsWith("goal") && !ls.get(next).startsWith("stage")) {
        next++;
      }
      ls.subList(start, next).clear();
      return ls;
    });
    assertFalse(r.accepted());
  }

  @Test
  void rejectsAMutatedWeight() throws IOException {
    Network n = NetworkFormat.read(network);
    int layer = Fixtures.stageLayers(lines, "WRITE+BRANCH")[0] + 1;
    SparseLayer update = n.layer(layer);
    int row = n.inputNames().orElseThrow().indexOf("pc.bit[0]");
    Path mutated = dir.resolve("mutated.txt.gz");
    NetworkFormat.write(n.withLayer(layer, update.withBias(row, Rational.ONE)), mutated);
    Path cert = Files.createTempFile(dir, "genuine", ".txt");
    Files.write(cert, lines, StandardCharsets.US_ASCII);
    CertificateChecker.Result r = CertificateChecker.check(mutated, cert);
    assertFalse(r.accepted());
    assertTrue(r.message().contains("WRITE+BRANCH"), r.message());
  }

  @Test
  void rejectsStagesInAnOrderThatIsNotOneStep() throws IOException {
    // subtract before read: each stage's lemma holds on its own inputs, but the pass subtracts
    // zeros; the composition knows br is then 0 at write+branch, where the prover split on it
    Path reordered = Fixtures.dir("classic-6-4-reordered");
    CertificateChecker.Result r = CertificateChecker.check(reordered.resolve("network.txt.gz"),
        reordered.resolve("certificate.txt.gz"));
    assertFalse(r.accepted());
    assertTrue(r.message().contains("WRITE+BRANCH"), r.message());
  }

  @Test
  void rejectsAPaperCertificateHeaderOnAClassicNetwork() throws IOException {
    CertificateChecker.Result r = checkEdited(ls -> {
      ls.set(0, "loopmlp-certificate 1");
      return ls;
    });
    assertFalse(r.accepted());
  }
}
