package org.loopmlp.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.isa.MachineConfig;

/** The paper construction's six stage lemmas are proved for every input of small sizes. */
class ProverTest {
  @ParameterizedTest
  @CsvSource({"2,1,1", "3,2,1", "4,2,3", "5,3,2", "8,4,4", "8,6,6", "32,3,3"})
  void provesEveryStageOfThePaperConstruction(int n, int a, int c) {
    List<String> started = new ArrayList<>();
    var report = PaperProver.prove(PaperConstruction.build(MachineConfig.of(n, a, c)),
        new ProgressListener() {
          @Override
          public void stageStarted(int index, String name, int goals) {
            started.add(name);
          }
        });
    Verbose.println(report.summary());
    assertTrue(report.proved(), report::summary);
    assertEquals(List.of(PaperStage.values()),
        report.stages().stream().map(StageProof::role).toList());
    assertEquals(List.of("fetch", "read", "subtract", "write", "next pc", "branch"), started);
    for (var p : report.stages()) {
      assertTrue(p.cases() >= 1 && p.neuronsDecided() > 0, p.summary());
      assertTrue(p.counterexample().isEmpty() && !p.budgetExceeded());
    }
  }

  @Test
  void followsCarryChainsInPolynomiallyManyCases() {
    // tying va_j to vb_j keeps the subtract split linear per bit (about 6i cases for bit i),
    // where fixing bits alone needs about 2^(i+3)
    var report = PaperProver.prove(PaperConstruction.build(MachineConfig.of(32, 1, 1)),
        ProgressListener.NONE);
    var subtract = report.stages().get(2);
    assertTrue(subtract.proved());
    assertTrue(subtract.cases() <= 8L * 32 * 32, subtract.summary());
  }

  @Test
  void stopsAtTheCaseBudget() {
    var report = PaperProver.prove(PaperConstruction.build(MachineConfig.of(4, 3, 3)),
        ProgressListener.NONE, 10);
    assertFalse(report.proved());
    assertTrue(report.stages().get(0).budgetExceeded(), report::summary);
    assertTrue(report.firstCounterexample().isEmpty());
  }
}
