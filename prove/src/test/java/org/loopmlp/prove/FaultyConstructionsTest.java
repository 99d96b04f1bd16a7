package org.loopmlp.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.construction.StateCodec;
import org.loopmlp.construction.stage.BranchStage;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.construction.stage.SubtractStage;
import org.loopmlp.construction.stage.WriteStage;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.SubleqMachine;
import org.loopmlp.prove.Counterexample.ReferenceCheck;

/**
 * A construction with one wrong stage is not proved: the prover names that stage, proves the
 * others, and gives a counterexample whose full pass the reference machine refutes.
 */
class FaultyConstructionsTest {
  private static final MachineConfig CONFIG = MachineConfig.of(6, 3, 3);

  private static Construction with(int index, Stage stage) {
    List<Stage> stages = new ArrayList<>(PaperConstruction.stages());
    stages.set(index, stage);
    return Construction.assemble("faulty " + stage.name(), CONFIG, stages);
  }

  /** The counterexample's full pass, re-run here: the network's output is not the reference's. */
  private static void assertReferenceRefutes(Construction c,
      Counterexample<PaperStage, ReferenceCheck> cx) {
    var check = cx.reference().orElseThrow();
    assertTrue(check.stageLemmaFails(), "the construction's own stage lemma fails");
    MachineState expected = SubleqMachine.step(check.program(), check.before());
    StateCodec codec = StateCodec.forConstruction(c);
    StateVector out = RationalBackend.INSTANCE.compile(c.network())
        .apply(codec.encode(check.program(), check.before()));
    assertNotEquals(codec.encode(check.program(), expected), out);
  }

  private static Counterexample<PaperStage, ReferenceCheck> failsOnlyAt(Construction c,
      String stage) {
    var report = PaperProver.prove(c, ProgressListener.NONE);
    assertFalse(report.proved());
    for (var p : report.stages()) {
      assertEquals(!p.name().equals(stage), p.proved(), p.summary());
    }
    return report.firstCounterexample().orElseThrow();
  }

  @Test
  void branchOnNegativeOnlyFailsAtZero() {
    Construction c = with(5, BranchStage.onNegativeOnly("branch"));
    var cx = failsOnlyAt(c, "branch");
    assertEquals(0L, cx.stageInput().get("r"), cx.summary());
    // r == 0 branches: pc must be rc, the variant takes pc1
    int t = Integer.parseInt(cx.direction().replaceAll("\\D+", ""));
    assertEquals((cx.stageInput().get("rc") >> t) & 1, cx.expected());
    assertEquals((cx.stageInput().get("pc1") >> t) & 1, cx.got());
    assertReferenceRefutes(c, cx);
  }

  @Test
  void subtractWithoutCarryInComputesTheWrongBit() {
    Construction c = with(2, SubtractStage.withCarryIn("subtract", 0));
    var cx = failsOnlyAt(c, "subtract");
    long va = cx.stageInput().get("va");
    long vb = cx.stageInput().get("vb");
    int bit = Integer.parseInt(cx.direction().replaceAll("\\D+", ""));
    assertTrue(cx.direction().startsWith("r.bit["), cx.direction());
    assertEquals(CONFIG.wordBit(CONFIG.wrap(vb - va), bit), cx.expected(), cx.summary());
    assertEquals(CONFIG.wordBit(CONFIG.wrap(vb - va - 1), bit), cx.got(), cx.summary());
    assertReferenceRefutes(c, cx);
  }

  @Test
  void writeIgnoringTheHighAddressBitClobbersAnotherCell() {
    Construction c = with(3, WriteStage.ignoringHighAddressBits("write", 1));
    var cx = failsOnlyAt(c, "write");
    long rb = cx.stageInput().get("rb");
    int cell = Integer.parseInt(cx.direction().replaceAll("^mem\\[(\\d+)\\].*", "$1"));
    assertNotEquals(rb, cell, cx.summary());
    assertEquals(rb % (CONFIG.dataSize() / 2), cell % (CONFIG.dataSize() / 2), cx.summary());
    assertReferenceRefutes(c, cx);
  }
}
