package org.loopmlp.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.OneHotConstruction;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.isa.MachineConfig;

/**
 * The one-hot constructions' lemmas are proved for every input with the same goals as the
 * compact construction's (the prover states them from the stage roles, never from the decoding),
 * and a wrong weight in a decoding layer is caught with a counterexample in its stage.
 */
class OneHotProverTest {
  @ParameterizedTest
  @CsvSource({"onehot,2,1,1", "onehot,3,2,1", "onehot,4,2,3", "onehot,5,3,2", "onehot,8,6,6",
      "onehot-split,2,1,1", "onehot-split,3,2,1", "onehot-split,4,3,3", "onehot-split,8,6,5"})
  void provesEveryLemma(String name, int n, int a, int c) {
    var report = PaperProver.prove(Constructions.build(name, MachineConfig.of(n, a, c)),
        ProgressListener.NONE);
    assertTrue(report.proved(), report::summary);
    assertEquals(List.of(List.of(PaperStage.FETCH, PaperStage.NEXT_PC), List.of(PaperStage.READ),
        List.of(PaperStage.SUBTRACT), List.of(PaperStage.WRITE, PaperStage.BRANCH)),
        report.stages().stream().map(StageProof::roles).toList());
  }

  @Test
  void aDecodingUnitThatIgnoresAnAddressBitIsNotProved() {
    // The write stage's unit for cell 0 loses its weight on the high bit of rb: it then also
    // fires for the cell 2^(A-1), so a write to that cell clobbers cell 0 as well.
    Construction c = OneHotConstruction.build(MachineConfig.of(4, 2, 2));
    int layer = c.lemmas().get(3).firstLayer();
    SparseLayer decode = c.layer(layer).layer();
    int unit = c.layer(layer).outputLayout().indexOf(
        org.loopmlp.construction.Direction.named("write.rb.hot[0]"));
    int highBit = c.layout().indexOf(c.registers().rb().bit(1));
    Construction broken = c.withNetwork(c.network().withLayer(layer,
        decode.withWeight(unit, highBit, Rational.ZERO)));
    var report = PaperProver.prove(broken, ProgressListener.NONE);
    assertFalse(report.proved());
    var cx = report.firstCounterexample().orElseThrow();
    assertEquals("write+branch", cx.stage());
    assertEquals(PaperStage.WRITE, cx.role());
    assertEquals(2L, cx.stageInput().get("rb"), cx.summary());
    assertTrue(cx.direction().startsWith("mem[0]"), cx.summary());
  }
}
