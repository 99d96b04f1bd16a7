package org.loopmlp.certcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.OneHotConstruction;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.NetworkFormat;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.prove.ProgressListener;
import org.loopmlp.prove.ProofReport;
import org.loopmlp.prove.Prover;

/**
 * The checker accepts the one-hot constructions' certificates (it knows nothing of decoding: it
 * re-derives every fact from the exported weights and states the lemmas itself), and rejects the
 * certificate against a network with one decoding weight changed.
 */
class OneHotCertificateTest {
  @TempDir
  static Path dir;

  @ParameterizedTest
  @CsvSource({"onehot,2,1,1", "onehot,4,2,3", "onehot,8,6,6", "onehot-split,3,2,1",
      "onehot-split,8,5,5"})
  void acceptsTheExportedNetworkAndCertificate(String name, int n, int a, int c)
      throws IOException {
    Construction built = Constructions.build(name, MachineConfig.of(n, a, c));
    ProofReport report = Prover.certifyInto(built, dir.resolve(name + n + a + c),
        ProgressListener.NONE);
    assertTrue(report.proved(), report::summary);
    CertificateChecker.Result r = CertificateChecker.check(report.network().orElseThrow(),
        report.certificate().orElseThrow());
    assertTrue(r.accepted(), r.message());
    assertEquals(4, r.stages());
  }

  @Test
  void rejectsANetworkWithADecodingWeightChanged() throws IOException {
    Construction c = OneHotConstruction.build(MachineConfig.of(4, 3, 2));
    ProofReport report = Prover.certifyInto(c, dir.resolve("decode"), ProgressListener.NONE);
    Network n = NetworkFormat.read(report.network().orElseThrow());
    // the read stage's decoding layer: the unit for ra == 0 loses its weight on ra.bit[0], so it
    // fires for ra == 1 too (halving that weight instead would be an equivalent mutant: the
    // pre-activation 1 - x0 - 2 x1 - 2 x2 is still at most 0 off the cell)
    int layer = c.lemmas().get(1).firstLayer();
    SparseLayer decode = n.layer(layer);
    int unit = c.layer(layer).outputLayout().indexOf(
        org.loopmlp.construction.Direction.named("read.ra.hot[0]"));
    int bit = c.layout().indexOf(c.registers().ra().bit(0));
    Network mutated = n.withLayer(layer, decode.withWeight(unit, bit, Rational.ZERO));
    CertificateChecker.Result r = CertificateChecker.check(mutated,
        report.certificate().orElseThrow());
    assertFalse(r.accepted());
    assertTrue(r.message().contains("READ"), r.message());
  }
}
