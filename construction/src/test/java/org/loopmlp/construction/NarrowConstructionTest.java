package org.loopmlp.construction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.LemmaViolation.Kind;
import org.loopmlp.construction.size.PaperSizes;
import org.loopmlp.construction.size.SizeEstimate;
import org.loopmlp.construction.size.SizeReport;
import org.loopmlp.construction.stage.LookaheadSubtractStage;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

class NarrowConstructionTest {
  @Test
  void tenLayersWithinBudgetWeightsAtMostTwo() {
    Construction c = NarrowConstruction.build(MachineConfig.of(16, 4, 4));
    assertEquals(10, c.depth());
    c.lemmas().forEach(l -> assertTrue(l.withinBudget(), l.toString()));
    assertEquals(Rational.of(2), SizeReport.of(c).maxAbsWeight());
    for (int i = 0; i < c.depth(); i++) {
      SparseLayer layer = c.layer(i).layer();
      for (int r = 0; r < layer.outputDimension(); r++) {
        // every bias is a small integer: at most A + C, or the N - 1 of a carry term
        assertTrue(layer.bias(r).abs().compareTo(Rational.of(16)) <= 0, layer.bias(r) + "");
      }
    }
  }

  @Test
  void closedFormEqualsBuiltNetwork() {
    for (MachineConfig config : List.of(MachineConfig.of(2, 1, 1), MachineConfig.of(8, 4, 4),
        MachineConfig.of(13, 3, 6), MachineConfig.of(32, 2, 5))) {
      SizeReport measured = SizeReport.of(NarrowConstruction.build(config));
      SizeEstimate<MachineConfig> e = PaperSizes.ofNarrow(config);
      assertEquals(measured.depth(), e.depth(), config.toString());
      assertEquals(measured.stateDimension(), e.stateDimension(), config.toString());
      assertEquals(measured.widestLayer(), e.widestLayer(), config.toString());
      assertEquals(measured.nonZeros(), e.nonZeros(), config.toString());
      assertEquals(measured.parameters(), e.parameters(), config.toString());
    }
  }

  @Test
  void subtractionWithoutCarryInFailsSubtractPostcondition() {
    MachineConfig config = MachineConfig.of(4, 2, 2);
    List<Stage> stages = new ArrayList<>(NarrowConstruction.stages());
    stages.set(2, LookaheadSubtractStage.withoutCarryIn("sub-no-cin"));
    Construction faulty = Construction.assemble("faulty", config, stages);
    Program p = Program.padded(config, List.of(Instruction.of(1, 2, 3)), 0);
    MachineState s = MachineState.of(config, new long[] {0, 1, 5, 0}, 0);
    LemmaViolation v = assertThrows(LemmaViolation.class,
        () -> LoopedMlp.checked(faulty, RationalBackend.INSTANCE).run(p, s, 4));
    assertEquals(Kind.POSTCONDITION, v.kind());
    assertEquals("sub-no-cin", v.stage());
    // 5 + not 1 = 5 + 14 = 19 = 0b0011 mod 16, where 5 - 1 = 4 = 0b0100: bit 0 differs first
    assertEquals(Direction.named("r.bit[0]"), v.direction());
  }
}
