package org.loopmlp.properties;

import org.loopmlp.verify.PaperTrials;
import org.loopmlp.verify.PaperStates;
import org.loopmlp.verify.Progress;
import org.loopmlp.verify.Counterexample;
import org.loopmlp.verify.Disagreement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.NarrowConstruction;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.verify.ConfigRange;
import org.loopmlp.verify.DifferentialCampaign;
import org.loopmlp.verify.PaperStates.Scope;
import org.loopmlp.verify.ExhaustiveCheck;
import org.loopmlp.verify.FrameProof;
import org.loopmlp.verify.MutationCampaign;

/**
 * The narrow construction through the same tiers as the paper construction: the differential
 * campaign with coverage (up to N = 64), exhaustive checks of small configs, the frame proof read
 * off the weights, mutation testing at (2, 1, 1), and float32, which the prover shows exact for
 * it, agreeing with the exact backend at N = 64.
 */
class NarrowConstructionTiersTest {
  private static PaperTrials campaign(Backend backend) {
    return PaperTrials.of(NarrowConstruction.NAME, NarrowConstruction::build, backend);
  }

  @Test
  void differentialCampaignPassesWithFullCoverage() {
    DifferentialCampaign.Result<Counterexample> r = campaign(Backends.named("exact")).run(
        PaperTrials.Settings.of(ConfigRange.upTo(8, 3, 3),
            Boolean.getBoolean("loopmlp.campaign") ? 3000 : 300, 1),
        Progress.NONE);
    if (Boolean.getBoolean("loopmlp.verbose")) {
      System.out.println(r.report().lines().findFirst().orElse(""));
    }
    assertTrue(r.passed(), r.report());
    assertTrue(r.missing().isEmpty(), "coverage missed " + r.missing());
  }

  @Test
  void wideWordsUpToSixtyFourBitsAgreeWithTheReferenceMachine() {
    DifferentialCampaign.Result<Counterexample> r = campaign(Backends.named("exact")).run(
        PaperTrials.Settings.of(new ConfigRange(33, 64, 1, 2, 1, 2),
            Boolean.getBoolean("loopmlp.campaign") ? 400 : 20, 3),
        Progress.NONE);
    assertTrue(r.passed(), r.report());
  }

  /** float32 fails the paper construction from N = 24 on ({@code FloatingPointTest}). */
  @Test
  void float32AgreesWithTheReferenceMachineAtSixtyFourBits() {
    PaperTrials.Settings s = PaperTrials.Settings.of(
        new ConfigRange(64, 64, 1, 2, 1, 2), Boolean.getBoolean("loopmlp.campaign") ? 400 : 20, 5);
    DifferentialCampaign.Result<Counterexample> narrow = campaign(Backends.named("float32"))
        .run(s, Progress.NONE);
    assertTrue(narrow.passed(), narrow.report());
  }

  @Test
  void onePassEqualsOneReferenceStepOnEveryStateOfSmallConfigs() {
    List<Object[]> sizes = new ArrayList<>(List.of(
        new Object[] {MachineConfig.of(2, 1, 1), Scope.ALL_PROGRAMS},
        new Object[] {MachineConfig.of(3, 1, 1), Scope.ALL_PROGRAMS},
        new Object[] {MachineConfig.of(2, 1, 2), Scope.SLOT_AT_PC}));
    if (Boolean.getBoolean("loopmlp.campaign")) {
      sizes.add(new Object[] {MachineConfig.of(4, 1, 1), Scope.ALL_PROGRAMS});
      sizes.add(new Object[] {MachineConfig.of(6, 1, 1), Scope.ALL_PROGRAMS});
      sizes.add(new Object[] {MachineConfig.of(2, 2, 1), Scope.ALL_PROGRAMS});
      sizes.add(new Object[] {MachineConfig.of(3, 2, 1), Scope.SLOT_AT_PC});
      sizes.add(new Object[] {MachineConfig.of(4, 1, 2), Scope.SLOT_AT_PC});
    }
    for (Object[] s : sizes) {
      MachineConfig config = (MachineConfig) s[0];
      Scope scope = (Scope) s[1];
      ExhaustiveCheck.Result<Disagreement> r = PaperStates.check(
          NarrowConstruction.build(config), scope, Backends.named("exact")).run(Progress.NONE);
      assertTrue(r.proved(), r.toString());
      assertEquals(PaperStates.stateCount(config, scope).longValueExact(), r.checked());
    }
  }

  @Test
  void everyStageCopiesItsFrameByIdentityRows() {
    for (MachineConfig c : List.of(MachineConfig.of(2, 1, 1), MachineConfig.of(8, 3, 3),
        MachineConfig.of(64, 2, 2))) {
      FrameProof.Result r = FrameProof.prove(NarrowConstruction.build(c));
      assertTrue(r.holds(), r.toString());
      assertEquals(4, r.stages());
    }
  }

  /**
   * Every single mutation of the layers the narrow construction adds (the lookahead subtraction
   * and pc + 1; fetch, read, write and branch are the paper's, mutation-tested in {@code
   * MutationTest}) is killed or shown equivalent; every layer's under {@code -Pcampaign}.
   */
  @Test
  void everyMutantOfTheTinyNetworkIsKilledOrEquivalent() {
    MachineConfig config = MachineConfig.of(2, 1, 1);
    Construction c = NarrowConstruction.build(config);
    int subtract = c.lemmas().get(2).firstLayer();
    ImmutableList<MutationCampaign.Mutant> mutants = MutationCampaign.mutants(c).stream()
        .filter(m -> Boolean.getBoolean("loopmlp.campaign") || m.neuron().startsWith("subtract.")
            || m.neuron().startsWith("next_pc.") || m.neuron().startsWith("r.bit")
            || m.neuron().startsWith("pc1.bit") || (m.layer() >= subtract
            && m.layer() <= subtract + 2))
        .collect(ImmutableList.toImmutableList());
    // 200 tries kill what 500 do here; a survivor is judged by the exhaustive check anyway
    MutationCampaign.Report r = PaperTrials.mutation(c, Backends.named("exact"),
        new PaperTrials.Settings(ConfigRange.exactly(config), 200, 8, 2026, true))
        .run(mutants, Progress.NONE);
    if (Boolean.getBoolean("loopmlp.verbose")) {
      System.out.println("narrow (2,1,1): " + r.mutants() + " mutants, " + r.killed()
          + " killed, " + r.equivalent() + " equivalent");
    }
    assertTrue(r.mutants() >= 300, "at least 300 mutants, got " + r.mutants());
    assertEquals(r.mutants(), r.killed() + r.equivalent() + r.nonEquivalentSurvivors());
    assertEquals(0, r.nonEquivalentSurvivors(), "a mutant that changes behaviour survived");
    assertTrue(r.equivalent() > 0, "the exhaustive check was exercised");
  }
}
