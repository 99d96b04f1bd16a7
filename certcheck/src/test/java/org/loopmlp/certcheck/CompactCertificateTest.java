package org.loopmlp.certcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;

/**
 * The checker accepts the certificate of the compact construction (stages {@code FETCH+NEXT_PC}
 * and {@code WRITE+BRANCH} run side by side) and still checks that the roles, in the order given,
 * compose into one step: roles swapped or dropped, a missing case, a flipped fact, a mutated
 * network and the network of a faulty branch beside write are rejected. The proofs are
 * checked-in fixtures ({@link Fixtures}).
 */
class CompactCertificateTest {
  @TempDir
  static Path dir;
  static final Path PROOF = Fixtures.dir("compact-6-3-3");
  static Network network;
  static Path certificate = PROOF.resolve("certificate.txt.gz");
  static List<String> lines;

  @BeforeAll
  static void read() throws IOException {
    network = Fixtures.network(PROOF);
    lines = Fixtures.certificateLines(PROOF);
  }

  private static CertificateChecker.Result checkEdited(UnaryOperator<List<String>> edit)
      throws IOException {
    return Certificates.checkEdited(network, dir, lines, edit);
  }

  private static int lineStarting(List<String> ls, String prefix) {
    for (int i = 0; i < ls.size(); i++) {
      if (ls.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError(prefix);
  }

  private static UnaryOperator<List<String>> replacing(String from, String to) {
    return ls -> {
      int i = lineStarting(ls, from);
      ls.set(i, ls.get(i).replace(from, to));
      return ls;
    };
  }

  @ParameterizedTest
  @CsvSource({"2,1,1", "3,2,1", "4,2,3", "8,6,6"})
  void acceptsTheExportedCompactNetworkAndCertificate(int n, int a, int c) throws IOException {
    Path proof = Fixtures.dir("compact-" + n + "-" + a + "-" + c);
    CertificateChecker.Result r = CertificateChecker.check(proof.resolve("network.txt.gz"),
        proof.resolve("certificate.txt.gz"));
    assertTrue(r.accepted(), r.message());
    assertEquals(4, r.stages());
  }

  @Test
  void theCertificateNamesBothRolesOfAParallelStage() {
    assertEquals(List.of("FETCH+NEXT_PC", "READ", "SUBTRACT", "WRITE+BRANCH"),
        lines.stream().filter(l -> l.startsWith("stage ")).map(l -> l.split(" ")[1]).toList());
  }

  @Test
  void rejectsRolesSwappedSoThatBranchClearsWhatWriteReads() throws IOException {
    CertificateChecker.Result r = checkEdited(replacing("stage WRITE+BRANCH",
        "stage BRANCH+WRITE"));
    assertFalse(r.accepted());
    assertTrue(r.message().contains("earlier role"), r.message());
  }

  @Test
  void rejectsADroppedRole() throws IOException {
    // without next pc the stage's facts prove pc1 = pc + 1 against a lemma that keeps pc1 (and
    // the pass would not compose into a step)
    CertificateChecker.Result r = checkEdited(replacing("stage FETCH+NEXT_PC", "stage FETCH"));
    assertFalse(r.accepted());
    CertificateChecker.Result b = checkEdited(replacing("stage WRITE+BRANCH", "stage WRITE"));
    assertFalse(b.accepted());
  }

  @Test
  void rejectsNextPcAfterBranch() throws IOException {
    // next pc moved beside write and branch, after branch: every fact may still hold for the
    // roles each goal proves, but branch reads pc1 before next pc sets it
    CertificateChecker.Result r = checkEdited(ls -> {
      replacing("stage FETCH+NEXT_PC", "stage FETCH").apply(ls);
      return replacing("stage WRITE+BRANCH", "stage WRITE+BRANCH+NEXT_PC").apply(ls);
    });
    assertFalse(r.accepted());
  }

  @Test
  void rejectsAnEmptyRole() throws IOException {
    CertificateChecker.Result r = checkEdited(replacing("stage READ", "stage READ+"));
    assertFalse(r.accepted());
    assertTrue(r.message().contains("unknown stage role"), r.message());
  }

  @Test
  void rejectsAMissingCaseOfTheBranchGoal() throws IOException {
    CertificateChecker.Result r = checkEdited(ls -> {
      int stage = lineStarting(ls, "stage WRITE+BRANCH");
      int goal = stage;
      while (!ls.get(goal).startsWith("goal pc ")) {
        goal++;
      }
      int leaf = goal;
      while (!ls.get(leaf).startsWith("l ")) {
        leaf++;
      }
      ls.remove(leaf);
      return ls;
    });
    assertFalse(r.accepted());
  }

  @Test
  void rejectsAFlippedFactOfNextPc() throws IOException {
    CertificateChecker.Result r = checkEdited(ls -> {
      // the first leaf of next pc's bit 1 with an ON row in the first layer
      int leaf = lineStarting(ls, "goal pc1.bit[1]");
      while (!ls.get(leaf).startsWith("l ") || ls.get(leaf).startsWith("l - ")) {
        leaf++;
      }
      String[] groups = ls.get(leaf).split(" ");
      groups[1] = groups[1].contains(",") ? groups[1].substring(groups[1].indexOf(',') + 1)
          : "-";
      ls.set(leaf, String.join(" ", groups));
      return ls;
    });
    assertFalse(r.accepted());
    assertTrue(r.message().contains("FETCH+NEXT_PC"), r.message());
  }

  @Test
  void rejectsTheCertificateForACompactNetworkThatBranchesOnNegativeOnly() throws IOException {
    // the compact stages with BranchStage.onNegativeOnly beside write
    Network faulty = Fixtures.network(Fixtures.dir("compact-6-3-3-branch-on-negative"));
    CertificateChecker.Result r = CertificateChecker.check(faulty, certificate);
    assertFalse(r.accepted());
    assertTrue(r.message().contains("WRITE+BRANCH"), r.message());
  }

  @Test
  void rejectsAMutatedNetwork() throws IOException {
    Path cert = certificate;
    Network n = NetworkFormat.read(PROOF.resolve("network.txt.gz"));
    // the last layer of write+branch: pc.bit[0] gets a bias of 1
    int[] stage = Fixtures.stageLayers(lines, "WRITE+BRANCH");
    int last = stage[0] + stage[1] - 1;
    int row = n.inputNames().orElseThrow().indexOf("pc.bit[0]");
    Path mutated = dir.resolve("mutated.txt.gz");
    NetworkFormat.write(n.withLayer(last, n.layer(last).withBias(row, Rational.ONE)), mutated);
    CertificateChecker.Result m = CertificateChecker.check(mutated, cert);
    assertFalse(m.accepted());
    assertTrue(m.message().contains("WRITE+BRANCH"), m.message());
    // one weight of the first layer (fetch + next pc) changed by 1
    SparseLayer first = n.layer(0);
    int r = first.outputDimension() - 1;
    Network weight = n.withLayer(0, first.withWeight(r, first.column(first.rowStart(r)),
        first.weight(first.rowStart(r)).add(Rational.ONE)));
    CertificateChecker.Result w = CertificateChecker.check(weight, cert);
    assertFalse(w.accepted(), w.message());
  }
}
