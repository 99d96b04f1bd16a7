package org.loopmlp.prove;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loopmlp.construction.CompactConstruction;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.construction.stage.PaperStep;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * The prover's statement of the lemmas agrees with the construction's stage lemmas, which are
 * stated with the reference machine's step: on random steps (edge values included), every output
 * direction's spec, evaluated at the stage's input, gives the bit of the lemma's postcondition;
 * for the compact construction's stages run side by side too (the union of the roles' goals).
 */
class PaperSpecsTest {
  @ParameterizedTest
  @ValueSource(strings = {PaperConstruction.NAME, CompactConstruction.NAME})
  void specsAgreeWithTheReferenceStepOnRandomSteps(String kind) {
    MachineConfig config = MachineConfig.of(5, 2, 3);
    Construction c = kind.equals(PaperConstruction.NAME) ? PaperConstruction.build(config)
        : CompactConstruction.build(config);
    StateLayout layout = c.layout();
    PaperSpecs specs = new PaperSpecs(c.registers());
    Random random = new Random(7);
    long[] edges = {config.minWord(), config.maxWord(), 0, 1, -1};
    for (int trial = 0; trial < 300; trial++) {
      List<Instruction> slots = new ArrayList<>();
      for (int q = 0; q < config.codeSize(); q++) {
        slots.add(Instruction.of(random.nextInt(config.dataSize()),
            random.nextInt(config.dataSize()), random.nextInt(config.codeSize())));
      }
      long[] memory = new long[config.dataSize()];
      for (int i = 0; i < memory.length; i++) {
        memory[i] = random.nextInt(3) == 0 ? edges[random.nextInt(edges.length)]
            : config.wrap(random.nextLong());
      }
      PaperStep step = PaperStep.of(Program.ofSlots(config, slots, 0),
          MachineState.of(config, memory, random.nextInt(config.codeSize())));
      for (StageLemma<PaperStep> lemma : c.lemmas()) {
        RationalVector in = lemma.precondition().expectedVector(layout, step);
        RationalVector out = lemma.postcondition().expectedVector(layout, step);
        byte[] assign = new byte[layout.dimension()];
        for (int i = 0; i < assign.length; i++) {
          assign[i] = (byte) in.get(i).longValueExact();
        }
        for (Goal g : specs.goals(lemma.paperStages())) {
          for (int k = 0; k < g.outputs().length; k++) {
            OutputSpec.Expect e = g.specs().get(k).expect(assign, new int[assign.length]);
            long got = e.input() >= 0 ? assign[e.input()] : e.constant();
            int o = g.outputs()[k];
            assertEquals(out.get(o).longValueExact(), got,
                lemma.name() + " " + layout.direction(o) + " at " + step.detail());
          }
        }
      }
    }
  }
}
