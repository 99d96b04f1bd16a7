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
import org.loopmlp.exact.Network;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;

/**
 * The checker accepts the prover's certificate for the paper construction and rejects a
 * corrupted certificate (a flipped fact, a missing case, a dropped goal, a reordered stage) and
 * a mutated network (one weight, one bias). The proofs are checked-in fixtures ({@link
 * Fixtures}): the paper construction at (6, 3, 3).
 */
class CertificateCheckerTest {
  @TempDir
  static Path dir;
  static final Path PROOF = Fixtures.dir("paper-6-3-3");
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

  @Test
  void acceptsTheGenuineCertificate() throws IOException {
    CertificateChecker.Result r = CertificateChecker.check(network, certificate);
    assertTrue(r.accepted(), r.message());
    assertEquals(6, r.stages());
    assertTrue(r.cases() > 0);
  }

  @Test
  void refusesAConfigFarFromTheNetworkWithoutListingItsDirections() throws IOException {
    // found by fuzzing: "config 6 3 20" made the checker list the 2^20-slot state space first
    long start = System.nanoTime();
    CertificateChecker.Result r = checkEdited(ls -> {
      ls.set(1, "config 6 3 20");
      return ls;
    });
    assertFalse(r.accepted());
    assertTrue(r.message().contains("direction names are not the state space"), r.message());
    assertTrue(System.nanoTime() - start < 5_000_000_000L, "took over 5 s");
  }

  @Test
  void aRejectionNeverEchoesRawBytes() throws IOException {
    // found by fuzzing: control characters of a corrupt line reached the terminal verbatim
    for (String bad : List.of("loopmlp-certificate \u001b[2J\u0007", "config 6 3 \u00003")) {
      CertificateChecker.Result r = checkEdited(ls -> {
        ls.set(bad.startsWith("config") ? 1 : 0, bad);
        return ls;
      });
      assertFalse(r.accepted());
      assertTrue(r.message().chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f), r.message());
    }
  }

  @Test
  void acceptsTheGzipCertificateOfALargerConfig() throws IOException {
    Path larger = Fixtures.dir("paper-8-6-6");
    CertificateChecker.Result r = CertificateChecker.check(Fixtures.network(larger),
        larger.resolve("certificate.txt.gz"));
    assertTrue(r.accepted(), r.message());
  }

  @Test
  void checksTheExportedNetworkFileAndCertificate() throws IOException {
    Path file = PROOF.resolve("network.txt.gz");
    Path cert = certificate;
    CertificateChecker.Result r = CertificateChecker.check(file, cert);
    assertTrue(r.accepted(), r.message());
    // a mutated network written as a well-formed file: the facts no longer hold
    Network n = NetworkFormat.read(file);
    int layer = Fixtures.stageLayers(lines, "WRITE")[0] + 1;
    SparseLayer write = n.layer(layer);
    int row = n.inputNames().orElseThrow().indexOf("mem[1].bit[0]");
    Path mutated = dir.resolve("mutated.txt.gz");
    NetworkFormat.write(n.withLayer(layer, write.withBias(row, Rational.ONE)), mutated);
    CertificateChecker.Result m = CertificateChecker.check(mutated, cert);
    assertFalse(m.accepted());
    assertTrue(m.message().contains("WRITE"), m.message());
  }

  @Test
  void rejectsACertificateForAnotherConfig() throws IOException {
    Network other = Fixtures.network(Fixtures.dir("paper-6-3-2"));
    CertificateChecker.Result r = CertificateChecker.check(other, certificate);
    assertFalse(r.accepted());
    assertTrue(r.message().contains("direction names"), r.message());
  }

  @Test
  void rejectsLemmasInAnOrderThatIsNotOneStep() throws IOException {
    // branch before next pc: every stage lemma holds on its own, but the pass leaves pc1 set and
    // jumps to 0 instead of pc + 1
    Path reordered = Fixtures.dir("paper-6-3-3-reordered");
    CertificateChecker.Result r = CertificateChecker.check(Fixtures.network(reordered),
        reordered.resolve("certificate.txt.gz"));
    assertFalse(r.accepted());
    assertTrue(r.message().contains("do not compose"), r.message());
  }

  @Test
  void rejectsStagesThatDoNotComposeIntoAStep() throws IOException {
    // the certificate claims the read stage is a fetch: its facts cannot prove fetch's lemma,
    // and the roles would not compose; either way it is refused
    CertificateChecker.Result r = checkEdited(ls -> {
      int i = Certificates.firstLine(ls, "stage READ", "stage");
      ls.set(i, ls.get(i).replace("READ", "FETCH"));
      return ls;
    });
    assertFalse(r.accepted());
  }

  @Test
  void rejectsAnOnFactFlippedToOff() throws IOException {
    CertificateChecker.Result r = checkEdited(ls -> {
      int i = Certificates.firstLine(ls, "stage FETCH", "l ");
      String[] groups = ls.get(i).split(" ");
      groups[1] = groups[1].contains(",") ? groups[1].substring(groups[1].indexOf(',') + 1)
          : "-";
      ls.set(i, String.join(" ", groups));
      return ls;
    });
    assertFalse(r.accepted());
    assertTrue(r.message().contains("claimed OFF"), r.message());
  }

  @Test
  void rejectsAnOffFactFlippedToOn() throws IOException {
    CertificateChecker.Result r = checkEdited(ls -> {
      int i = Certificates.firstLine(ls, "stage SUBTRACT", "l ");
      String[] groups = ls.get(i).split(" ");
      // row 0 of the subtract stage's first layer is a copy of code[0].a.bit[0], outside the
      // cone of a subtract goal: claiming it ON is a fact about the wrong row
      groups[1] = groups[1].equals("-") ? "0" : "0," + groups[1];
      ls.set(i, String.join(" ", groups));
      return ls;
    });
    assertFalse(r.accepted());
  }

  @Test
  void rejectsATieOfAnInputWithItself() throws IOException {
    CertificateChecker.Result r = checkEdited(ls -> {
      int i = Certificates.firstLine(ls, "stage SUBTRACT", "t ");
      String[] t = ls.get(i).split(" ");
      ls.set(i, "t " + t[2] + " " + t[2]);
      return ls;
    });
    assertFalse(r.accepted());
    assertTrue(r.message().contains("not on free input bits"), r.message());
  }

  @Test
  void rejectsATieReadAsAFixedBit() throws IOException {
    // the same tree with a tie replaced by a plain split: the carry is no longer decided
    CertificateChecker.Result r = checkEdited(ls -> {
      int i = Certificates.firstLine(ls, "stage SUBTRACT", "t ");
      ls.set(i, "s " + ls.get(i).split(" ")[2]);
      return ls;
    });
    assertFalse(r.accepted());
  }

  @Test
  void rejectsAnOffFactOverACaseWhereTheRowCanBeOn() throws IOException {
    // add to the first "o" line of fetch a first-layer row that is ON in the next leaf below it
    CertificateChecker.Result r = checkEdited(ls -> {
      int o = Certificates.firstLine(ls, "stage FETCH", "o ");
      int leaf = o;
      while (!ls.get(leaf).startsWith("l ")) {
        leaf++;
      }
      String row = ls.get(leaf).split(" ")[1].split(",")[0];
      java.util.TreeSet<Integer> rows = new java.util.TreeSet<>();
      for (String x : ls.get(o).substring(2).split(",")) {
        rows.add(Integer.parseInt(x));
      }
      rows.add(Integer.parseInt(row));
      ls.set(o, "o " + rows.stream().map(String::valueOf)
          .collect(java.util.stream.Collectors.joining(",")));
      return ls;
    });
    assertFalse(r.accepted());
    assertTrue(r.message().contains("not OFF over the case"), r.message());
  }

  @Test
  void rejectsAMissingCase() throws IOException {
    CertificateChecker.Result r = checkEdited(ls -> {
      ls.remove(Certificates.firstLine(ls, "stage READ", "l "));
      return ls;
    });
    assertFalse(r.accepted());
    assertTrue(r.message().contains("expected") || r.message().contains("incomplete"),
        r.message());
  }

  @Test
  void rejectsADroppedGoal() throws IOException {
    CertificateChecker.Result r = checkEdited(ls -> {
      int g = Certificates.firstLine(ls, "stage NEXT_PC", "goal ");
      String[] parts = ls.get(g).split(" ");
      String[] stage = ls.get(Certificates.firstLine(ls, "stage NEXT_PC", "stage")).split(" ");
      int stageLine = Certificates.firstLine(ls, "stage NEXT_PC", "stage");
      stage[4] = String.valueOf(Integer.parseInt(stage[4]) - 1);
      ls.set(stageLine, String.join(" ", stage));
      ls.remove(g);
      while (ls.get(g).startsWith("s ") || ls.get(g).startsWith("l ")) {
        ls.remove(g);
      }
      return ls;
    });
    assertFalse(r.accepted());
    assertTrue(r.message().contains("no goal proves"), r.message());
  }

  @Test
  void rejectsAMutatedWeight() throws IOException {
    // fetch select neuron of slot 1 (its bias term) reads pc with another weight
    Network n = network;
    SparseLayer fetch = n.layer(0);
    int row = fetch.outputDimension() - 1;
    int col = fetch.column(fetch.rowStart(row));
    Network mutated = n.withLayer(0,
        fetch.withWeight(row, col, fetch.weight(fetch.rowStart(row)).add(Rational.ONE)));
    CertificateChecker.Result r = CertificateChecker.check(mutated, certificate);
    assertFalse(r.accepted(), r.message());
  }

  @Test
  void rejectsAMutatedBias() throws IOException {
    Network n = network;
    int subtract = Fixtures.stageLayers(lines, "SUBTRACT")[0];
    SparseLayer l = n.layer(subtract);
    int row = l.outputDimension() - 1;
    Network mutated = n.withLayer(subtract, l.withBias(row, l.bias(row).add(Rational.ONE)));
    CertificateChecker.Result r = CertificateChecker.check(mutated, certificate);
    assertFalse(r.accepted(), r.message());
  }
}
