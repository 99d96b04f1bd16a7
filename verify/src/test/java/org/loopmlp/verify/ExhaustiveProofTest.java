package org.loopmlp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.exact.Backend;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.Program;
import org.loopmlp.verify.PaperStates.Scope;

/**
 * Complete proofs at small sizes (SPEC §9.2, tier 4): one pass equals one reference step on every
 * state. The default run does the sizes that fit in well under a minute on 2 cores; the {@code
 * campaign} profile adds larger ones.
 */
class ExhaustiveProofTest {
  private record Size(int n, int a, int c, Scope scope) {
    MachineConfig config() {
      return MachineConfig.of(n, a, c);
    }
  }

  private static final List<Size> DEFAULT = List.of(
      new Size(2, 1, 1, Scope.ALL_PROGRAMS),
      new Size(3, 1, 1, Scope.ALL_PROGRAMS),
      new Size(4, 1, 1, Scope.ALL_PROGRAMS),
      new Size(5, 1, 1, Scope.ALL_PROGRAMS),
      new Size(6, 1, 1, Scope.ALL_PROGRAMS),
      new Size(2, 2, 1, Scope.ALL_PROGRAMS),
      new Size(2, 1, 2, Scope.SLOT_AT_PC),
      new Size(2, 1, 3, Scope.SLOT_AT_PC),
      new Size(4, 1, 2, Scope.SLOT_AT_PC),
      new Size(2, 2, 2, Scope.SLOT_AT_PC),
      new Size(3, 2, 1, Scope.SLOT_AT_PC));

  private static final List<Size> CAMPAIGN = List.of(
      new Size(6, 1, 2, Scope.SLOT_AT_PC),
      new Size(8, 1, 1, Scope.SLOT_AT_PC),
      new Size(7, 1, 1, Scope.ALL_PROGRAMS),
      new Size(2, 1, 2, Scope.ALL_PROGRAMS),
      new Size(3, 2, 2, Scope.SLOT_AT_PC),
      new Size(4, 2, 1, Scope.SLOT_AT_PC),
      new Size(2, 3, 1, Scope.SLOT_AT_PC),
      new Size(10, 1, 1, Scope.SLOT_AT_PC));

  @Test
  void onePassEqualsOneReferenceStepOnEveryState() {
    Backend backend = TestBackends.exact();
    List<Size> sizes = new ArrayList<>(DEFAULT);
    if (TestBackends.campaign()) {
      sizes.addAll(CAMPAIGN);
    }
    long total = 0;
    long start = System.nanoTime();
    for (Size s : sizes) {
      Construction c = PaperConstruction.build(s.config());
      ExhaustiveCheck.Result<Disagreement> r = PaperStates.check(c, s.scope(), backend)
          .run(Progress.NONE);
      Verbose.println(r);
      assertTrue(r.proved(), r.toString());
      assertEquals(PaperStates.stateCount(s.config(), s.scope()).longValueExact(),
          r.checked());
      total += r.checked();
    }
    Verbose.printf("exhaustive: %d states in %d configs, %d ms on %s%n", total, sizes.size(),
        (System.nanoTime() - start) / 1_000_000, backend.name());
  }

  @Test
  void stateCountsAreTheProductOfProgramsMemoriesAndPcs() {
    // (m m k)^k programs x 2^(N m) memories x k pcs: N=2, A=1, C=1 has 8^2 * 16 * 2 states.
    assertEquals(2048, PaperStates.stateCount(MachineConfig.of(2, 1, 1),
        Scope.ALL_PROGRAMS).longValueExact());
    assertEquals(256, PaperStates.stateCount(MachineConfig.of(2, 1, 1),
        Scope.SLOT_AT_PC).longValueExact());
    assertEquals(32L * 65536 * 2, PaperStates.stateCount(MachineConfig.of(4, 2, 1),
        Scope.SLOT_AT_PC).longValueExact());
  }

  @Test
  void slotIndependenceHoldsForThePaperConstruction() {
    for (MachineConfig c : List.of(MachineConfig.of(2, 1, 1), MachineConfig.of(4, 2, 2),
        MachineConfig.of(3, 2, 3))) {
      assertEquals(java.util.Optional.empty(),
          SlotIndependence.check(PaperConstruction.build(c)), c.toString());
    }
  }

  @Test
  void slotIndependenceFailsForAConstructionThatReadsAnotherSlot() {
    // Fetch's selector for slot 1 with its address-match bias raised by 2 fires for pc = 0 too.
    Construction c = PaperConstruction.build(MachineConfig.of(2, 1, 1));
    MutationCampaign.Mutant m = MutationCampaign.mutants(c).stream()
        .filter(x -> x.layer() == 0 && x.neuron().startsWith("fetch")
            && x.neuron().contains("[1]")
            && x.operator() == MutationCampaign.Operator.BIAS_PLUS_ONE)
        .findFirst().orElseThrow();
    Construction mutated = MutationCampaign.apply(MutationCampaign.apply(c, m),
        new MutationCampaign.Mutant(-1, m.layer(), m.layerLabel(), m.row(), m.neuron(), -1, "",
            MutationCampaign.Operator.BIAS_PLUS_ONE, m.after(),
            m.after().add(org.loopmlp.exact.Rational.ONE)));
    assertTrue(SlotIndependence.check(mutated).isPresent());
    ExhaustiveCheck.Result<Disagreement> r = PaperStates.check(mutated, Scope.SLOT_AT_PC,
        TestBackends.exact()).run(Progress.NONE);
    assertTrue(!r.proved() && r.refused().isPresent(), r.toString());
  }

  @Test
  void theCheckFindsAWrongConstruction() {
    Construction c = FaultyConstructions.branchOnNegative().apply(MachineConfig.of(2, 1, 1));
    ExhaustiveCheck.Result<Disagreement> r = PaperStates.check(c, Scope.ALL_PROGRAMS,
        TestBackends.exact())
        .run(Progress.NONE);
    assertTrue(r.firstDisagreement().isPresent());
    Disagreement d = r.firstDisagreement().get();
    assertEquals("branch<0", d.stage());
    assertEquals(d.step().memA(), d.step().memB());
    // The very first state enumerated (all HALT, memory 0, pc 0) already fails.
    assertEquals(0, r.checked());
    assertEquals(Program.ofSlots(MachineConfig.of(2, 1, 1),
        List.of(Instruction.of(0, 0, 0), Instruction.of(0, 0, 0)), 0).at(0),
        Instruction.of(d.step().a(), d.step().b(), d.step().c()));
  }
}
