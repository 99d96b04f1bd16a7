package org.loopmlp.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.loopmlp.construction.CompactConstruction;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.construction.stage.BranchStage;
import org.loopmlp.construction.stage.FetchStage;
import org.loopmlp.construction.stage.NextPcStage;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.construction.stage.ParallelStage;
import org.loopmlp.construction.stage.ReadStage;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.construction.stage.SubtractStage;
import org.loopmlp.construction.stage.WriteStage;
import org.loopmlp.isa.MachineConfig;

/**
 * The compact construction's lemmas (next pc beside fetch, branch beside write) are proved for
 * every input: each goal of a side-by-side stage keeps its role's case split, and its tree covers
 * every input of the combined stage. A faulty part inside a parallel stage is caught there.
 */
class CompactProverTest {
  @ParameterizedTest
  @CsvSource({"2,1,1", "3,2,1", "4,2,3", "5,3,2", "8,4,4", "8,6,6"})
  void provesEveryLemmaOfTheCompactConstruction(int n, int a, int c) {
    List<String> started = new ArrayList<>();
    ProofReport report = Prover.prove(CompactConstruction.build(MachineConfig.of(n, a, c)),
        new ProgressListener() {
          @Override
          public void stageStarted(int index, String name, int goals) {
            started.add(name);
          }
        });
    Verbose.println(report.summary());
    assertTrue(report.proved(), report::summary);
    assertEquals(List.of("fetch+next pc", "read", "subtract", "write+branch"), started);
    assertEquals(List.of(List.of(PaperStage.FETCH, PaperStage.NEXT_PC), List.of(PaperStage.READ),
        List.of(PaperStage.SUBTRACT), List.of(PaperStage.WRITE, PaperStage.BRANCH)),
        report.stages().stream().map(StageProof::roles).toList());
  }

  @Test
  void aParallelStageHasTheGoalsOfBothRolesAndOneFrame() {
    Construction c = CompactConstruction.build(MachineConfig.of(4, 2, 3));
    StateLayout layout = c.layout();
    PaperSpecs specs = new PaperSpecs(c.registers());
    List<Goal> both = specs.goals(List.of(PaperStage.WRITE, PaperStage.BRANCH));
    List<Goal> write = specs.goals(PaperStage.WRITE);
    List<Goal> branch = specs.goals(PaperStage.BRANCH);
    // every direction in exactly one goal; the owned goals are those of the two roles
    int[] seen = new int[layout.dimension()];
    both.forEach(g -> java.util.Arrays.stream(g.outputs()).forEach(o -> seen[o]++));
    assertTrue(java.util.Arrays.stream(seen).allMatch(k -> k == 1));
    assertEquals(write.size() - 1 + branch.size() - 1 + 1, both.size());
    // the frame: neither role's outputs; r, rc, pc1 (branch) and rb (write) are cleared
    Goal frame = both.get(0);
    assertEquals("frame", frame.name());
    MachineConfig config = c.config();
    assertEquals(layout.dimension() - config.wordBits() * config.dataSize() - config.codeBits(),
        frame.outputs().length);
  }

  @Test
  void refusesRolesThatReadWhatAnEarlierRoleChanges() {
    PaperSpecs specs = new PaperSpecs(
        CompactConstruction.build(MachineConfig.of(3, 1, 1)).registers());
    // branch clears r, which write reads: only write first states the sequential step
    assertThrows(IllegalArgumentException.class,
        () -> specs.goals(List.of(PaperStage.BRANCH, PaperStage.WRITE)));
    assertThrows(IllegalArgumentException.class,
        () -> specs.goals(List.of(PaperStage.FETCH, PaperStage.READ)));
    assertThrows(IllegalArgumentException.class,
        () -> specs.goals(List.of(PaperStage.FETCH, PaperStage.FETCH)));
  }

  /** The compact construction with branch taken on r < 0 only, assembled as compact is. */
  static Construction compactBranchingOnNegativeOnly(MachineConfig config) {
    List<Stage> stages = List.of(
        ParallelStage.of("fetch+next pc", List.of(FetchStage.paper(), NextPcStage.paper())),
        ReadStage.paper(),
        SubtractStage.paper(),
        ParallelStage.of("write+branch", List.of(WriteStage.paper(),
            BranchStage.onNegativeOnly("branch"))));
    return Construction.assemble("compact, branch on r < 0", config, stages);
  }

  @Test
  void aFaultyPartOfAParallelStageIsNotProved() {
    Construction c = compactBranchingOnNegativeOnly(MachineConfig.of(6, 3, 3));
    ProofReport report = Prover.prove(c, ProgressListener.NONE);
    assertFalse(report.proved());
    for (StageProof p : report.stages()) {
      assertEquals(!p.name().equals("write+branch"), p.proved(), p.summary());
    }
    Counterexample cx = report.firstCounterexample().orElseThrow();
    assertEquals(PaperStage.BRANCH, cx.role());
    assertEquals(0L, cx.stageInput().get("r"), cx.summary());
    int t = Integer.parseInt(cx.direction().replaceAll("\\D+", ""));
    assertEquals((cx.stageInput().get("rc") >> t) & 1, cx.expected());
    assertEquals((cx.stageInput().get("pc1") >> t) & 1, cx.got());
    Counterexample.ReferenceCheck check = cx.reference().orElseThrow();
    assertTrue(check.stageLemmaFails() && check.passDiffers(), cx.summary());
  }

  @Test
  void aWriteIgnoringTheHighAddressBitBesideBranchIsNotProved() {
    MachineConfig config = MachineConfig.of(6, 3, 3);
    List<Stage> stages = new ArrayList<>(CompactConstruction.stages());
    stages.set(3, ParallelStage.of("write+branch", List.of(
        WriteStage.ignoringHighAddressBits("write", 1), BranchStage.paper())));
    ProofReport report = Prover.prove(Construction.assemble("compact, write ignoring a bit",
        config, stages), ProgressListener.NONE);
    assertFalse(report.proved());
    Counterexample cx = report.firstCounterexample().orElseThrow();
    assertEquals("write+branch", cx.stage());
    assertEquals(PaperStage.WRITE, cx.role());
    long rb = cx.stageInput().get("rb");
    int cell = Integer.parseInt(cx.direction().replaceAll("^mem\\[(\\d+)\\].*", "$1"));
    assertTrue(rb != cell && rb % (config.dataSize() / 2) == cell % (config.dataSize() / 2),
        cx.summary());
  }

  @Test
  void theCompactProofSplitsNoMoreThanThePaperProof() {
    MachineConfig config = MachineConfig.of(6, 4, 4);
    long paper = Prover.prove(PaperConstruction.build(config), ProgressListener.NONE).cases();
    ProofReport compact = Prover.prove(CompactConstruction.build(config), ProgressListener.NONE);
    assertTrue(compact.proved());
    // the same goals, each with its role's split; only the frames merge
    assertTrue(compact.cases() <= paper, compact.cases() + " > " + paper);
  }
}
