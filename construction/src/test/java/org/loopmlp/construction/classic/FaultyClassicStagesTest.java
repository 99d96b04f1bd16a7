package org.loopmlp.construction.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.LemmaViolation.Kind;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.Neuron;
import org.loopmlp.construction.stage.LayerPlan;
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
  /** A standard stage with the neuron writing {@code target} replaced. */
  static ClassicStage withNeuron(ClassicStage base, String target, UnaryOperator<Affine> edit) {
    return new ClassicStage() {
      @Override
      public String name() {
        return base.name();
      }

      @Override
      public ImmutableList<ClassicRole> roles() {
        return base.roles();
      }

      @Override
      public ImmutableSet<Register> reads(ClassicRegisters regs) {
        return base.reads(regs);
      }

      @Override
      public ImmutableSet<Register> writes(ClassicRegisters regs) {
        return base.writes(regs);
      }

      @Override
      public ImmutableList<LayerPlan> layers(ClassicRegisters regs) {
        List<LayerPlan> out = new ArrayList<>();
        for (LayerPlan plan : base.layers(regs)) {
          LayerPlan.Builder b = LayerPlan.named(plan.label());
          for (Neuron n : plan.neurons()) {
            b.add(n.output().equals(Direction.named(target))
                ? new Neuron(n.output(), edit.apply(n.preActivation()), n.declared()) : n);
          }
          plan.cleared().forEach(b::clear);
          out.add(b.build());
        }
        return ImmutableList.copyOf(out);
      }
    };
  }

  private static ClassicLemmaViolation run(ClassicStage faulty, int index) {
    List<ClassicStage> stages = new ArrayList<>(ClassicConstruction.standardStages());
    stages.set(index, faulty);
    ClassicConfig config = ClassicConfig.of(8, 5);
    ClassicConstruction c = ClassicConstruction.assemble("faulty", config, stages);
    ClassicState initial = ClassicState.load(config, ClassicProgramsTest.WALK);
    return assertThrows(ClassicLemmaViolation.class, () -> ClassicLoopedMlp.checked(c,
        RationalBackend.INSTANCE).run(initial, ByteInput.none(), ByteOutput.discard(), 1000,
        ClassicLoopedMlp.PassListener.NONE));
  }

  @Test
  void aBranchThatIgnoresZeroFailsAtSubtract() {
    // br without [D == 0]: branches on r < 0 only. WALK's loop ends on T == 0.
    ClassicStage faulty = withNeuron(ClassicSubtractStage.standard(), "br.bit[0]",
        a -> a.toBuilder().plus(Direction.named("subtract+io.d.ge0.ge"), -1)
            .plus(Direction.named("subtract+io.d.ge0.gt"), 1)
            .plus(Direction.named("subtract+io.d.ge1.ge"), 1)
            .plus(Direction.named("subtract+io.d.ge1.gt"), -1).build());
    ClassicLemmaViolation v = run(faulty, 2);
    assertEquals("subtract+io", v.stage());
    assertEquals(Kind.POSTCONDITION, v.kind());
    assertEquals("br.bit[0]", v.direction().name());
  }

  @Test
  void aWriteThatIgnoresTheGateFailsAtWrite() {
    // y without the write gate: an output step writes r into mem[b mod 2^A].
    ClassicStage faulty = withNeuron(ClassicWriteStage.standard(), "write+branch.y[31].bit[0]",
        a -> a.toBuilder().plus(Direction.named("op.sub.bit[0]"), -1)
            .plus(Direction.named("op.in.bit[0]"), -1).plusConstant(1).build());
    ClassicLemmaViolation v = run(faulty, 3);
    assertEquals("write+branch", v.stage());
  }

  @Test
  void aFetchThatForgetsTheHaltGateFailsAtFetch() {
    ClassicStage faulty = withNeuron(ClassicFetchStage.standard(), "run.bit[0]",
        a -> Affine.constant(1));
    ClassicLemmaViolation v = run(faulty, 0);
    assertEquals("fetch+next pc", v.stage());
    assertEquals("run.bit[0]", v.direction().name());
  }
}
