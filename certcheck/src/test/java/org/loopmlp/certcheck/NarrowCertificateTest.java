package org.loopmlp.certcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.exact.Network;

/**
 * The checker accepts the narrow construction's certificate (its subtract leaves lower carry
 * pairs BOUNDED) with the per-layer partial-sum bounds it re-derives, and rejects a certificate
 * whose bounds are understated, whose BOUNDED rows are dropped, or whose output is left bounded.
 * The proof is a checked-in fixture ({@link Fixtures}): the narrow construction at (8, 3, 3).
 */
class NarrowCertificateTest {
  @TempDir
  static Path dir;
  static Network network;
  static List<String> lines;

  @BeforeAll
  static void read() throws IOException {
    network = Fixtures.network(Fixtures.dir("narrow-8-3-3"));
    lines = Fixtures.certificateLines(Fixtures.dir("narrow-8-3-3"));
  }

  private static CertificateChecker.Result checkEdited(UnaryOperator<List<String>> edit)
      throws IOException {
    return Certificates.checkEdited(network, dir, lines, edit);
  }

  private static int first(List<String> ls, String after, String prefix) {
    int i = ls.indexOf(ls.stream().filter(l -> l.startsWith(after)).findFirst().orElseThrow());
    while (!ls.get(i).startsWith(prefix)) {
      i++;
    }
    return i;
  }

  @Test
  void acceptsTheGenuineCertificateAndItsBounds() throws IOException {
    CertificateChecker.Result r = checkEdited(ls -> ls);
    assertTrue(r.accepted(), r.message());
    assertEquals(4, r.stages());
    // the widest partial sum: r.bit[N-1] = vb + 1 - va + c_(N-1) - 2 c_N reads 2 bits, N carry
    // terms and N + 1 with weight 2, bias 1: 3N + 5 = 29 (the gathers sum only 2^3 bits)
    assertEquals(BigInteger.valueOf(29), r.largestBound());
    assertEquals(FloatFormat.BFLOAT16, r.narrowestExactFormat());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("l ") && l.contains("/")),
        "the subtract proof leaves rows BOUNDED");
  }

  @Test
  void rejectsAnUnderstatedBound() throws IOException {
    CertificateChecker.Result r = checkEdited(ls -> {
      int i = first(ls, "stage SUBTRACT", "bounds");
      ls.set(i, ls.get(i).replace(" 29", " 28"));
      return ls;
    });
    assertFalse(r.accepted());
    assertTrue(r.message().contains("largest partial sum is 29"), r.message());
  }

  @Test
  void rejectsALeafWhoseBoundedRowsAreClaimedOff() throws IOException {
    CertificateChecker.Result r = checkEdited(ls -> {
      for (int i = first(ls, "stage SUBTRACT", "l "); ; i++) {
        if (ls.get(i).startsWith("l ") && ls.get(i).contains("/")) {
          ls.set(i, ls.get(i).replaceAll("/[0-9,]+", ""));
          return ls;
        }
      }
    });
    assertFalse(r.accepted());
    assertTrue(r.message().contains("claimed OFF"), r.message());
  }

  @Test
  void rejectsAnOutputLeftBounded() throws IOException {
    // cut a subtract leaf's case short: claim its last layer's ON rows BOUNDED instead, so r
    // (an output) is only known to lie in a range
    CertificateChecker.Result r = checkEdited(ls -> {
      int i = first(ls, "stage SUBTRACT", "l ");
      String[] groups = ls.get(i).split(" ");
      String on = groups[3].split("/")[0];
      groups[3] = "-/" + on;
      ls.set(i, String.join(" ", groups));
      return ls;
    });
    assertFalse(r.accepted());
    assertTrue(r.message().contains("the lemma requires"), r.message());
  }
}
