package org.loopmlp.prove;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.certcheck.CertificateChecker;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.isa.classic.ClassicConfig;

class ClassicProverTest {
  @TempDir Path dir;

  @Test
  void provesSmallSizesAndTheCheckerAccepts() throws Exception {
    for (String name : ClassicConstruction.names()) {
      for (int[] nA : new int[][] {{4, 3}, {8, 4}, {3, 4}}) {
        Path out = dir.resolve(name + "-" + nA[0] + "-" + nA[1]);
        var r = ClassicProver.certifyInto(
            ClassicConstruction.build(name, ClassicConfig.of(nA[0], nA[1])), out,
            ProgressListener.NONE);
        assertTrue(r.proved(), () -> name + ": " + r.summary());
        CertificateChecker.Result c = CertificateChecker.check(r.network().get(),
            r.certificate().get());
        assertTrue(c.accepted(), () -> name + ": " + c.message());
      }
    }
  }

  /**
   * classic-narrow and classic-narrow-split at (16, 4): proved, and the checker accepts (at (16,
   * 8) they take minutes: see the README's claims ledger).
   */
  @Test
  void provesTheNarrowConstructionsAtSixteenBits() throws Exception {
    for (String name : List.of(ClassicConstruction.NARROW_NAME,
        ClassicConstruction.NARROW_SPLIT_NAME)) {
      Path out = dir.resolve(name + "-16-4");
      var r = ClassicProver.certifyInto(
          ClassicConstruction.build(name, ClassicConfig.of(16, 4)), out, ProgressListener.NONE);
      assertTrue(r.proved(), () -> name + ": " + r.summary());
      CertificateChecker.Result c = CertificateChecker.check(r.network().get(),
          r.certificate().get());
      assertTrue(c.accepted(), () -> name + ": " + c.message());
    }
  }
}
