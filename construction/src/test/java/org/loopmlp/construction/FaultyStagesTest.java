package org.loopmlp.construction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.LemmaViolation.Kind;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.Neuron;
import org.loopmlp.construction.stage.BranchStage;
import org.loopmlp.construction.stage.FetchStage;
import org.loopmlp.construction.stage.LayerPlan;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.construction.stage.SubtractStage;
import org.loopmlp.construction.stage.WriteStage;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/** The checked mode catches a faulty stage at the stage's own postcondition. */
class FaultyStagesTest {
  private static final MachineConfig CONFIG = MachineConfig.of(4, 2, 2);

  private static Construction replacing(int index, Stage stage) {
    List<Stage> stages = new ArrayList<>(PaperConstruction.stages());
    stages.set(index, stage);
    return Construction.assemble("faulty", CONFIG, stages);
  }

  private static LemmaViolation violation(Construction c, Program p, MachineState s) {
    LoopedMlp mlp = LoopedMlp.checked(c, RationalBackend.INSTANCE);
    return assertThrows(LemmaViolation.class, () -> mlp.run(p, s, 4));
  }

  @Test
  void branchOnNegativeOnlyFailsBranchPostconditionWhenResultIsZero() {
    // mem[1] = 3, mem[2] = 3: r = 0, the machine jumps to slot 3.
    Program p = Program.padded(CONFIG, List.of(Instruction.of(1, 2, 3)), 0);
    MachineState s = MachineState.of(CONFIG, new long[] {0, 3, 3, 0}, 0);
    LemmaViolation v = violation(replacing(5, BranchStage.onNegativeOnly("branch<0")), p, s);
    assertEquals(Kind.POSTCONDITION, v.kind());
    assertEquals("branch<0", v.stage());
    assertEquals(0, v.pass());
    assertEquals(12, v.layer());
  }

  @Test
  void subtractionWithoutCarryFailsSubtractPostcondition() {
    Program p = Program.padded(CONFIG, List.of(Instruction.of(1, 2, 3)), 0);
    MachineState s = MachineState.of(CONFIG, new long[] {0, 1, 5, 0}, 0);
    LemmaViolation v = violation(replacing(2, SubtractStage.withCarryIn("sub-no-carry", 0)), p, s);
    assertEquals(Kind.POSTCONDITION, v.kind());
    assertEquals("sub-no-carry", v.stage());
    assertEquals(Direction.named("r.bit[0]"), v.direction());
  }

  @Test
  void writeIgnoringHighAddressBitFailsWritePostcondition() {
    // b = 2 = 0b10: ignoring bit 1 also writes mem[0].
    Program p = Program.padded(CONFIG, List.of(Instruction.of(1, 2, 3)), 0);
    MachineState s = MachineState.of(CONFIG, new long[] {0, 1, 5, 0}, 0);
    LemmaViolation v = violation(replacing(3, WriteStage.ignoringHighAddressBits("write-low", 1)),
        p, s);
    assertEquals(Kind.POSTCONDITION, v.kind());
    assertEquals("write-low", v.stage());
    assertEquals(Direction.named("mem[0].bit[2]"), v.direction());
  }

  /** Fetch that also sets mem[0].bit[0]: a write outside the fetch lemma's owned registers. */
  private static Stage clobberingFetch() {
    Stage fetch = FetchStage.paper();
    return new Stage() {
      @Override
      public String name() {
        return "fetch-clobber";
      }

      @Override
      public PaperStage role() {
        return PaperStage.FETCH;
      }

      @Override
      public ImmutableSet<Register> reads(PaperRegisters regs) {
        return fetch.reads(regs);
      }

      @Override
      public ImmutableSet<Register> writes(PaperRegisters regs) {
        return ImmutableSet.<Register>builder().addAll(fetch.writes(regs)).add(regs.mem(0))
            .build();
      }

      @Override
      public ImmutableList<LayerPlan> layers(PaperRegisters regs) {
        ImmutableList<LayerPlan> plans = fetch.layers(regs);
        LayerPlan.Builder gather = LayerPlan.named("gather+clobber");
        plans.get(1).neurons().forEach(gather::add);
        gather.add(Neuron.bit(regs.mem(0).bit(0), Affine.constant(1)));
        return ImmutableList.of(plans.get(0), gather.build());
      }
    };
  }

  @Test
  void aStageThatWritesOutsideItsRoleBreaksItsFrame() {
    Program p = Program.padded(CONFIG, List.of(Instruction.of(1, 2, 3)), 0);
    MachineState s = MachineState.of(CONFIG, new long[] {0, 1, 5, 0}, 0);
    LemmaViolation v = violation(replacing(0, clobberingFetch()), p, s);
    assertEquals(Kind.FRAME, v.kind());
    assertEquals("fetch-clobber", v.stage());
    assertEquals(1, v.layer());
    assertEquals(Direction.named("mem[0].bit[0]"), v.direction());
    assertEquals(Rational.ONE, v.got());
  }

  @Test
  void aNonBitIsCaughtByTheLayerInvariant() {
    Construction c = PaperConstruction.build(CONFIG);
    // Layer 1 (fetch.gather), row of ra.bit[0]: bias 1 makes it 1 or 2, never a bit.
    int row = c.layout().indexOf(Direction.named("ra.bit[0]"));
    SparseLayer l = c.network().layer(1);
    Construction mutant = c.withNetwork(c.network().withLayer(1, l.withBias(row, Rational.ONE)));
    Program p = Program.padded(CONFIG, List.of(Instruction.of(1, 2, 3)), 0);
    MachineState s = MachineState.of(CONFIG, new long[] {0, 1, 5, 0}, 0);
    LemmaViolation v = violation(mutant, p, s);
    assertEquals(Kind.INVARIANT, v.kind());
    assertEquals(1, v.layer());
    assertEquals("fetch.gather", v.layerLabel());
    assertEquals(Direction.named("ra.bit[0]"), v.direction());
    assertEquals(Rational.of(2), v.got());
  }
}
