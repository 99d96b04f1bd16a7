package org.loopmlp.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopmlp.certcheck.FloatFormat;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.NarrowConstruction;
import org.loopmlp.construction.stage.LookaheadSubtractStage;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.isa.MachineConfig;

/**
 * The narrow construction's lemmas are proved for every input (the carry-lookahead subtraction
 * split along its carry chain only: O(N) cases per bit), a subtraction without carry-in is
 * refuted with a replayed counterexample, and the partial-sum bounds put it in bfloat16 where
 * the paper construction needs float64 from N = 22 on.
 */
class NarrowProverTest {
  @ParameterizedTest
  @CsvSource({"2,1,1", "3,2,1", "5,2,3", "8,4,4", "16,3,3"})
  void provesEveryLemmaOfTheNarrowConstruction(int n, int a, int c) {
    var report = PaperProver.prove(NarrowConstruction.build(MachineConfig.of(n, a, c)),
        ProgressListener.NONE);
    assertTrue(report.proved(), report::summary);
    assertEquals(List.of(List.of(PaperStage.FETCH, PaperStage.NEXT_PC), List.of(PaperStage.READ),
        List.of(PaperStage.SUBTRACT), List.of(PaperStage.WRITE, PaperStage.BRANCH)),
        report.stages().stream().map(StageProof::roles).toList());
  }

  @Test
  void theLookaheadSubtractionNeedsQuadraticallyManyCases() {
    // bit i follows the chain of equal pairs below it: 3 (its own pair) times 2i + 1 leaves;
    // one more for the frame goal
    for (int n : new int[] {8, 16, 32}) {
      var r = PaperProver.prove(NarrowConstruction.build(MachineConfig.of(n, 1, 1)),
          ProgressListener.NONE);
      long subtract = r.stages().get(2).cases();
      assertEquals(3L * n * n + 1, subtract, "N = " + n);
    }
  }

  @Test
  void aSubtractionWithoutCarryInIsRefuted() {
    MachineConfig config = MachineConfig.of(6, 2, 2);
    List<Stage> stages = new ArrayList<>(NarrowConstruction.stages());
    stages.set(2, LookaheadSubtractStage.withoutCarryIn("subtract"));
    var report = PaperProver.prove(Construction.assemble("narrow, no carry-in", config,
        stages), ProgressListener.NONE);
    assertFalse(report.proved());
    var cx = report.firstCounterexample().orElseThrow();
    assertEquals(PaperStage.SUBTRACT, cx.role());
    // vb + not va differs from vb - va by one: check the reported bit against the machine
    long va = cx.stageInput().get("va");
    long vb = cx.stageInput().get("vb");
    int t = Integer.parseInt(cx.direction().replaceAll("\\D+", ""));
    assertEquals(((vb - va) >> t) & 1, cx.expected(), cx.summary());
    assertEquals(((vb + ~va) >> t) & 1, cx.got(), cx.summary());
    assertTrue(cx.reference().orElseThrow().passDiffers(), cx.summary());
  }

  @Test
  void partialSumBoundsGiveTheNarrowestFormat() {
    // narrow: max(3N + 5, 2^A, 2^C) once that exceeds the address matches' 4A + 1
    var narrow32 = PaperProver.prove(NarrowConstruction.build(MachineConfig.of(32, 4, 4)),
        ProgressListener.NONE);
    assertEquals(3 * 32 + 5, narrow32.largestBound());
    assertTrue(narrow32.provedIn(FloatFormat.BFLOAT16) && narrow32.provedIn(FloatFormat.FLOAT16));
    var wideGather = PaperProver.prove(NarrowConstruction.build(MachineConfig.of(4, 9, 2)),
        ProgressListener.NONE);
    assertEquals(512, wideGather.largestBound());
    assertEquals(FloatFormat.FLOAT16, wideGather.narrowestExactFormat().orElseThrow());
  }
}
