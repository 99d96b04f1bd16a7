package org.loopmlp.certcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loopmlp.construction.CompactConstruction;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.construction.stage.StepContext;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/**
 * The checker's own lemmas agree with the reference machine: on random steps every direction's
 * required value, at the stage's input, is the construction's lemma postcondition (itself stated
 * with the reference step), for the paper's stages and for the compact construction's stages run
 * side by side; the six lemmas compose into one step only in a valid order; and roles side by side
 * must not read what an earlier role of the stage changes.
 */
class LemmasTest {
  @ParameterizedTest
  @ValueSource(strings = {PaperConstruction.NAME, CompactConstruction.NAME})
  void lemmasAgreeWithTheReferenceStep(String kind) {
    MachineConfig config = MachineConfig.of(6, 2, 3);
    Construction c = kind.equals(PaperConstruction.NAME) ? PaperConstruction.build(config)
        : CompactConstruction.build(config);
    StateLayout layout = c.layout();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < layout.dimension(); i++) {
      index.put(layout.direction(i).name(), i);
    }
    Lemmas lemmas = new Lemmas(6, 2, 3, index);
    Random random = new Random(11);
    for (int trial = 0; trial < 300; trial++) {
      List<Instruction> slots = new ArrayList<>();
      for (int q = 0; q < config.codeSize(); q++) {
        slots.add(Instruction.of(random.nextInt(config.dataSize()),
            random.nextInt(config.dataSize()), random.nextInt(config.codeSize())));
      }
      long[] memory = new long[config.dataSize()];
      for (int i = 0; i < memory.length; i++) {
        memory[i] = random.nextBoolean() ? config.wrap(random.nextLong())
            : new long[] {config.minWord(), config.maxWord(), 0, -1, 1}[random.nextInt(5)];
      }
      StepContext step = StepContext.of(Program.ofSlots(config, slots, 0),
          MachineState.of(config, memory, random.nextInt(config.codeSize())));
      for (StageLemma<StepContext> lemma : c.lemmas()) {
        RationalVector in = lemma.precondition().expectedVector(layout, step);
        RationalVector out = lemma.postcondition().expectedVector(layout, step);
        byte[] x = new byte[layout.dimension()];
        for (int i = 0; i < x.length; i++) {
          x[i] = (byte) in.get(i).longValueExact();
        }
        // a stage run side by side: the union of its roles' lemmas
        Spec[] specs = lemmas.specs(
            lemma.paperStages().stream().map(Enum::name).toArray(String[]::new), x.length);
        for (int o = 0; o < x.length; o++) {
          int want = (specs[o] == null ? Spec.same(o) : specs[o]).expect(x, new int[x.length]);
          assertEquals(out.get(o).longValueExact(), want >= 0 ? x[want] : -2 - want,
              lemma.name() + " " + layout.direction(o) + " at " + step.detail());
        }
      }
    }
  }

  @Test
  void theSixLemmasComposeIntoOneStepExactlyInValidOrders() {
    String[] paper = {"FETCH", "READ", "SUBTRACT", "WRITE", "NEXT_PC", "BRANCH"};
    assertEquals(Lemmas.referenceStep(), composed(paper));
    // next pc may run first: it reads only pc
    assertEquals(Lemmas.referenceStep(),
        composed(new String[] {"NEXT_PC", "FETCH", "READ", "SUBTRACT", "WRITE", "BRANCH"}));
    assertNotEquals(Lemmas.referenceStep(),
        composed(new String[] {"FETCH", "READ", "SUBTRACT", "WRITE", "BRANCH", "NEXT_PC"}));
    assertNotEquals(Lemmas.referenceStep(),
        composed(new String[] {"FETCH", "READ", "WRITE", "SUBTRACT", "NEXT_PC", "BRANCH"}));
    assertNotEquals(Lemmas.referenceStep(),
        composed(new String[] {"FETCH", "READ", "SUBTRACT", "NEXT_PC", "BRANCH", "WRITE"}));
  }

  @Test
  void rolesSideBySideMustNotReadWhatAnEarlierRoleChanges() {
    MachineConfig config = MachineConfig.of(3, 1, 1);
    StateLayout layout = CompactConstruction.build(config).layout();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < layout.dimension(); i++) {
      index.put(layout.direction(i).name(), i);
    }
    Lemmas lemmas = new Lemmas(3, 1, 1, index);
    int d = layout.dimension();
    // write reads r before branch clears it: fine in this order, not in the other
    lemmas.specs(new String[] {"WRITE", "BRANCH"}, d);
    lemmas.specs(new String[] {"FETCH", "NEXT_PC"}, d);
    lemmas.specs(new String[] {"NEXT_PC", "FETCH"}, d);
    for (String[] bad : new String[][] {{"BRANCH", "WRITE"}, {"FETCH", "READ"},
        {"SUBTRACT", "WRITE"}, {"FETCH", "FETCH"}, {"NEXT_PC", "BRANCH"}}) {
      Rejected r = assertThrows(Rejected.class, () -> lemmas.specs(bad, d));
      assertTrue(r.getMessage().contains("earlier role") || r.getMessage().contains("two roles"),
          r.getMessage());
    }
  }

  private static Map<String, String> composed(String[] roles) {
    Map<String, String> t = Lemmas.passStart();
    for (String r : roles) {
      Lemmas.apply(r, t);
    }
    return t;
  }
}
