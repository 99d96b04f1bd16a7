package org.loopmlp.certcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;

/**
 * The checker accepts the one-hot constructions' certificates (it knows nothing of decoding: it
 * re-derives every fact from the exported weights and states the lemmas itself), and rejects the
 * certificate against a network with one decoding weight changed. The proofs are checked-in
 * fixtures ({@link Fixtures}).
 */
class OneHotCertificateTest {
  @TempDir
  static Path dir;

  @ParameterizedTest
  @CsvSource({"onehot,2,1,1", "onehot,4,2,3", "onehot,8,6,6", "onehot-split,3,2,1",
      "onehot-split,8,5,5"})
  void acceptsTheExportedNetworkAndCertificate(String name, int n, int a, int c)
      throws IOException {
    Path proof = Fixtures.dir(name + "-" + n + "-" + a + "-" + c);
    CertificateChecker.Result r = CertificateChecker.check(proof.resolve("network.txt.gz"),
        proof.resolve("certificate.txt.gz"));
    assertTrue(r.accepted(), r.message());
    assertEquals(4, r.stages());
  }

  @Test
  void rejectsANetworkWithADecodingWeightChanged() throws IOException {
    Path proof = Fixtures.dir("onehot-4-3-2");
    Network n = NetworkFormat.read(proof.resolve("network.txt.gz"));
    // the read stage's decoding layer: the unit for ra == 0 loses its weight on ra.bit[0], so it
    // fires for ra == 1 too (halving that weight instead would be an equivalent mutant: the
    // pre-activation 1 - x0 - 2 x1 - 2 x2 is still at most 0 off the cell)
    // (the fixture's file read.ra.hot0 holds the layer and the unit, from the construction)
    String[] where = Files.readString(proof.resolve("read.ra.hot0")).trim().split(" ");
    int layer = Integer.parseInt(where[0]);
    assertEquals(Fixtures.stageLayers(Fixtures.certificateLines(proof), "READ")[0], layer);
    SparseLayer decode = n.layer(layer);
    int unit = Integer.parseInt(where[1]);
    int bit = n.inputNames().orElseThrow().indexOf("ra.bit[0]");
    Network mutated = n.withLayer(layer, decode.withWeight(unit, bit, Rational.ZERO));
    CertificateChecker.Result r = CertificateChecker.check(mutated,
        proof.resolve("certificate.txt.gz"));
    assertFalse(r.accepted());
    assertTrue(r.message().contains("READ"), r.message());
  }
}
