package org.loopmlp.construction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.Neuron;
import org.loopmlp.construction.stage.LayerPlan;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.construction.stage.PaperStep;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

class ConstructionTest {
  private static final MachineConfig CONFIG = MachineConfig.of(4, 2, 2);

  @Test
  void paperLemmasHaveThePapersOrderBudgetsAndOurLayerRanges() {
    Construction c = PaperConstruction.build(CONFIG);
    List<String> names = new ArrayList<>();
    List<Integer> budgets = new ArrayList<>();
    List<String> ranges = new ArrayList<>();
    for (StageLemma<PaperStep> l : c.lemmas()) {
      names.add(l.paperStage().label());
      budgets.add(l.budget());
      ranges.add(l.firstLayer() + ".." + l.lastLayer());
    }
    assertEquals(List.of("fetch", "read", "subtract", "write", "next pc", "branch"), names);
    assertEquals(List.of(2, 2, 7, 2, 6, 4), budgets);
    assertEquals(List.of("0..1", "2..3", "4..5", "6..7", "8..9", "10..12"), ranges);
    assertEquals(PaperStage.PAPER_TOTAL_LAYERS, budgets.stream().mapToInt(x -> x).sum());
  }

  @Test
  void networkIsNamedByTheLayout() {
    Construction c = PaperConstruction.build(CONFIG);
    assertEquals(c.layout().names(), c.network().inputNames().orElseThrow());
    assertEquals("code[0].a.bit[0]", c.layout().direction(0).name());
    assertEquals(c.layout().dimension(), c.network().outputDimension());
    assertEquals("fetch.select", c.network().layer(0).label());
    assertEquals("branch.merge", c.network().layer(12).label());
  }

  /**
   * Structural frame (SPEC §9.2, tier 3): inside a stage every direction of the stage's frame is
   * copied by an identity row with zero bias.
   */
  @Test
  void everyFrameDirectionIsCopiedByAnIdentityRow() {
    for (String name : Constructions.names()) {
      everyFrameDirectionIsCopiedByAnIdentityRow(Constructions.build(name, CONFIG));
    }
  }

  private static void everyFrameDirectionIsCopiedByAnIdentityRow(Construction c) {
    for (StageLemma<PaperStep> lemma : c.lemmas()) {
      for (int i = lemma.firstLayer(); i <= lemma.lastLayer(); i++) {
        SparseLayer l = c.layer(i).layer();
        for (Register r : lemma.frame()) {
          for (Direction d : r.bits()) {
            int row = c.layout().indexOf(d);
            assertEquals(Rational.ZERO, l.bias(row), d + " in layer " + i);
            assertEquals(1, l.rowEnd(row) - l.rowStart(row), d + " in layer " + i);
            assertEquals(row, l.column(l.rowStart(row)), d + " in layer " + i);
            assertEquals(Rational.ONE, l.weight(l.rowStart(row)), d + " in layer " + i);
          }
        }
      }
    }
  }

  private static Stage stage(String name, Register reads, Register writes,
      List<LayerPlan> layers) {
    return new Stage() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public PaperStage role() {
        return PaperStage.NEXT_PC;
      }

      @Override
      public ImmutableSet<Register> reads(PaperRegisters regs) {
        return ImmutableSet.of(reads);
      }

      @Override
      public ImmutableSet<Register> writes(PaperRegisters regs) {
        return ImmutableSet.of(writes);
      }

      @Override
      public ImmutableList<LayerPlan> layers(PaperRegisters regs) {
        return ImmutableList.copyOf(layers);
      }
    };
  }

  @Test
  void assemblyRefusesAnUndeclaredWrite() {
    PaperRegisters regs = PaperRegisters.of(CONFIG);
    LayerPlan plan = LayerPlan.named("bad")
        .add(Neuron.bit(regs.ra().bit(0), Affine.of(regs.pc().bit(0)))).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Construction.assemble("bad", CONFIG,
            List.of(stage("s", regs.pc(), regs.pc1(), List.of(plan)))));
    assertTrue(e.getMessage().contains("writes ra.bit[0], which the stage does not declare"),
        e.getMessage());
  }

  @Test
  void assemblyRefusesAnUndeclaredRead() {
    PaperRegisters regs = PaperRegisters.of(CONFIG);
    LayerPlan plan = LayerPlan.named("bad")
        .add(Neuron.bit(regs.pc1().bit(0), Affine.of(regs.mem(1).bit(0)))).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Construction.assemble("bad", CONFIG,
            List.of(stage("s", regs.pc(), regs.pc1(), List.of(plan)))));
    assertTrue(e.getMessage().contains("reads mem[1].bit[0], which the stage does not declare"),
        e.getMessage());
  }

  @Test
  void assemblyRefusesReadingAnotherStagesHiddenNeurons() {
    PaperRegisters regs = PaperRegisters.of(CONFIG);
    Direction h = Direction.named("first.h");
    Stage first = stage("first", regs.pc(), regs.pc1(), List.of(
        LayerPlan.named("l1").add(Neuron.of(h, Affine.of(regs.pc().bit(0)))).build(),
        LayerPlan.named("l2").add(Neuron.bit(regs.pc1().bit(0), Affine.of(h))).build()));
    Stage second = stage("second", regs.pc(), regs.pc1(), List.of(LayerPlan.named("l")
        .add(Neuron.bit(regs.pc1().bit(0), Affine.of(h))).build()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Construction.assemble("bad", CONFIG, List.of(first, second)));
    assertTrue(e.getMessage().contains("reads first.h, which is not a hidden neuron"),
        e.getMessage());
  }

  @Test
  void assemblyRefusesAStageThatEndsOutsideTheStateSpace() {
    PaperRegisters regs = PaperRegisters.of(CONFIG);
    Stage s = stage("s", regs.pc(), regs.pc1(), List.of(LayerPlan.named("l")
        .add(Neuron.of(Direction.named("s.h"), Affine.of(regs.pc().bit(0)))).build()));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Construction.assemble("bad", CONFIG, List.of(s)));
    assertTrue(e.getMessage().contains("stage s ends with 1 hidden neurons"), e.getMessage());
  }

  @Test
  void aPerturbedWeightIsCaughtByTheCheckedMode() {
    Construction c = PaperConstruction.build(CONFIG);
    // Layer 4 (subtract.steps), row of the first hidden neuron: shift its bias by 1.
    SparseLayer l = c.network().layer(4);
    int row = c.layout().dimension();
    Construction mutant = c.withNetwork(
        c.network().withLayer(4, l.withBias(row, l.bias(row).add(Rational.ONE))));
    Program p = Program.padded(CONFIG, List.of(Instruction.of(1, 2, 3)), 0);
    MachineState s = MachineState.of(CONFIG, new long[] {0, 1, 0, 0}, 0);
    LemmaViolation v = assertThrows(LemmaViolation.class,
        () -> LoopedMlp.checked(mutant, RationalBackend.INSTANCE).run(p, s, 2));
    assertEquals("subtract", v.stage());
    assertEquals(0, v.pass());
  }
}
