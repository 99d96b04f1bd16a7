package org.loopmlp.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicFetchStage;
import org.loopmlp.construction.classic.ClassicRegisters;
import org.loopmlp.construction.classic.ClassicStepContext;
import org.loopmlp.construction.classic.ClassicSubtractStage;
import org.loopmlp.construction.classic.ClassicWriteStage;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.stage.FaultyStage;
import org.loopmlp.construction.stage.MachineStage;
import org.loopmlp.isa.classic.ClassicConfig;

/**
 * A classic construction with one wrong neuron is not proved: the prover proves the stages
 * before it, names the faulty stage and the direction, and replays the counterexample's memory
 * and pc through the whole network beside the reference classic machine.
 */
class FaultyClassicStagesTest {
  private static final ClassicConfig CONFIG = ClassicConfig.of(6, 4);

  private static ClassicCounterexample failsAt(int index,
      MachineStage<ClassicStepContext, ClassicRegisters> faulty) {
    List<MachineStage<ClassicStepContext, ClassicRegisters>> stages =
        new ArrayList<>(ClassicConstruction.standardStages());
    stages.set(index, faulty);
    ClassicProofReport r = ClassicProver.prove(
        ClassicConstruction.assemble("faulty", CONFIG, stages), ProgressListener.NONE,
        Prover.DEFAULT_CASE_BUDGET);
    assertFalse(r.proved());
    assertEquals(index + 1, r.stages().size(), r::summary);
    for (int i = 0; i < index; i++) {
      assertTrue(r.stages().get(i).proved(), r::summary);
    }
    assertEquals(faulty.name(), r.stages().get(index).name());
    return r.firstCounterexample().orElseThrow();
  }

  @Test
  void aBranchThatIgnoresZeroIsRefutedAtSubtract() {
    // br without [D == 0]: r == 0 no longer branches
    ClassicCounterexample cx = failsAt(2,
        FaultyStage.withNeuron(ClassicSubtractStage.standard(),
        "br.bit[0]", a -> a.toBuilder().plus(Direction.named("subtract+io.d.ge0.ge"), -1)
            .plus(Direction.named("subtract+io.d.ge0.gt"), 1)
            .plus(Direction.named("subtract+io.d.ge1.ge"), 1)
            .plus(Direction.named("subtract+io.d.ge1.gt"), -1).build()));
    assertEquals("subtract+io", cx.stage());
    assertEquals("br.bit[0]", cx.direction());
    assertEquals(0, cx.got());
    assertEquals(1, cx.expected());
    // the reference machine's arithmetic: r = vb - va is 0 on the counterexample
    assertEquals(cx.stageInput().get("va"), cx.stageInput().get("vb"));
    assertEquals(1, cx.stageInput().get("op.sub"));
  }

  @Test
  void aWriteThatIgnoresTheGateIsRefutedAtWrite() {
    ClassicCounterexample cx = failsAt(3,
        FaultyStage.withNeuron(ClassicWriteStage.standard(),
        "write+branch.y[5].bit[0]", a -> a.toBuilder().plus(Direction.named("op.sub.bit[0]"), -1)
            .plus(Direction.named("op.in.bit[0]"), -1).plusConstant(1).build()));
    assertEquals("write+branch", cx.stage());
    assertEquals("mem[5].bit[0]", cx.direction());
  }

  @Test
  void aFetchThatForgetsTheHaltGateIsRefutedAtFetchAndDiffersFromTheMachine() {
    ClassicCounterexample cx = failsAt(0,
        FaultyStage.withNeuron(ClassicFetchStage.standard(), "run.bit[0]",
        a -> Affine.constant(1)));
    assertEquals("fetch+next pc", cx.stage());
    assertEquals("run.bit[0]", cx.direction());
    // the replayed pass starts from a halted pc, which the reference machine leaves alone
    assertTrue(cx.replay().orElseThrow().startsWith("DIFFERS"), cx.summary());
  }
}
