package org.loopmlp.construction.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.LemmaViolation;
import org.loopmlp.construction.LemmaViolation.Kind;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.stage.FaultyStage;
import org.loopmlp.construction.stage.MachineStage;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.isa.classic.ByteInput;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicState;

/**
 * Deliberately broken stages are caught by checked mode at their own stage: each replaces one
 * neuron of a standard stage, and a run of a small program fails with the stage, the kind of
 * claim and the direction named.
 */
class FaultyClassicStagesTest {
  private static LemmaViolation run(MachineStage<ClassicStepContext, ClassicRegisters> faulty,
      int index) {
    List<MachineStage<ClassicStepContext, ClassicRegisters>> stages =
        new ArrayList<>(ClassicConstruction.standardStages());
    stages.set(index, faulty);
    ClassicConfig config = ClassicConfig.of(8, 5);
    ClassicConstruction c = ClassicConstruction.assemble("faulty", config, stages);
    ClassicState initial = ClassicState.load(config, ClassicProgramsTest.WALK);
    return assertThrows(LemmaViolation.class, () -> ClassicLoopedMlp.checked(c,
        RationalBackend.INSTANCE).run(initial, ByteInput.none(), ByteOutput.discard(), 1000,
        ClassicLoopedMlp.PassListener.NONE));
  }

  @Test
  void aBranchThatIgnoresZeroFailsAtSubtract() {
    // br without [D == 0]: branches on r < 0 only. WALK's loop ends on T == 0.
    MachineStage<ClassicStepContext, ClassicRegisters> faulty = FaultyStage.withNeuron(
        ClassicSubtractStage.standard(),
        "br.bit[0]",
        a -> a.toBuilder().plus(Direction.named("subtract+io.d.ge0.ge"), -1)
            .plus(Direction.named("subtract+io.d.ge0.gt"), 1)
            .plus(Direction.named("subtract+io.d.ge1.ge"), 1)
            .plus(Direction.named("subtract+io.d.ge1.gt"), -1).build());
    LemmaViolation v = run(faulty, 2);
    assertEquals("subtract+io", v.stage());
    assertEquals(Kind.POSTCONDITION, v.kind());
    assertEquals("br.bit[0]", v.direction().name());
  }

  @Test
  void aWriteThatIgnoresTheGateFailsAtWrite() {
    // y without the write gate: an output step writes r into mem[b mod 2^A].
    MachineStage<ClassicStepContext, ClassicRegisters> faulty = FaultyStage.withNeuron(
        ClassicWriteStage.standard(),
        "write+branch.y[31].bit[0]",
        a -> a.toBuilder().plus(Direction.named("op.sub.bit[0]"), -1)
            .plus(Direction.named("op.in.bit[0]"), -1).plusConstant(1).build());
    LemmaViolation v = run(faulty, 3);
    assertEquals("write+branch", v.stage());
  }

  @Test
  void aFetchThatForgetsTheHaltGateFailsAtFetch() {
    MachineStage<ClassicStepContext, ClassicRegisters> faulty = FaultyStage.withNeuron(
        ClassicFetchStage.standard(), "run.bit[0]",
        a -> Affine.constant(1));
    LemmaViolation v = run(faulty, 0);
    assertEquals("fetch+next pc", v.stage());
    assertEquals("run.bit[0]", v.direction().name());
  }
}
