package org.loopmlp.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.construction.stage.BranchStage;
import org.loopmlp.construction.stage.FetchStage;
import org.loopmlp.construction.stage.NextPcStage;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.construction.stage.ReadStage;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.construction.stage.SubtractStage;
import org.loopmlp.construction.stage.WriteStage;
import org.loopmlp.isa.MachineConfig;

class ProverTest {
  @ParameterizedTest
  @CsvSource({"2,1,1", "3,2,1", "4,2,3", "5,3,2", "8,4,4", "8,6,6", "32,3,3"})
  void provesEveryStageOfThePaperConstruction(int n, int a, int c) {
    ProofReport report = Prover.prove(PaperConstruction.build(MachineConfig.of(n, a, c)),
        ProgressListener.NONE);
    System.out.println(report.summary());
    assertTrue(report.proved(), report::summary);
    assertEquals(6, report.stages().size());
  }
}
