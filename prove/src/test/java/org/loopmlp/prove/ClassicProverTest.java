package org.loopmlp.prove;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.isa.classic.ClassicConfig;

class ClassicProverTest {
  @Test
  void provesSmallSizes() {
    for (int[] nA : new int[][] {{4, 3}, {8, 4}}) {
      ClassicProofReport r = ClassicProver.prove(
          ClassicConstruction.build(ClassicConfig.of(nA[0], nA[1])), ProgressListener.NONE,
          Prover.DEFAULT_CASE_BUDGET);
      System.out.println(r.summary());
      assertTrue(r.proved(), r::summary);
    }
  }
}
