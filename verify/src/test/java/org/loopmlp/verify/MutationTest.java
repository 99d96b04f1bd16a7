package org.loopmlp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.isa.MachineConfig;

/**
 * Mutation testing of the checker (SPEC §9.2, tier 5): every single mutation of a small paper
 * construction is killed by the checked campaign or shown equivalent by the exhaustive check.
 */
class MutationTest {
  private static PaperTrials.Settings settings(MachineConfig config, int tries,
      int passes) {
    return new PaperTrials.Settings(ConfigRange.exactly(config), tries, passes, 2026,
        true);
  }

  @Test
  void everyMutantIsKilledOrEquivalent() {
    List<MachineConfig> configs = new ArrayList<>(List.of(MachineConfig.of(2, 1, 1)));
    if (TestBackends.campaign()) {
      configs.add(MachineConfig.of(3, 1, 1));
      configs.add(MachineConfig.of(2, 2, 1));
    }
    for (MachineConfig config : configs) {
      Construction c = PaperConstruction.build(config);
      MutationCampaign.Report r = PaperTrials.mutation(c, TestBackends.exact(),
          settings(config, 500, 8)).run(Progress.NONE);
      Verbose.println(r.table());
      assertTrue(r.mutants() >= 500, "at least 500 mutants, got " + r.mutants());
      assertEquals(r.mutants(), r.killed() + r.equivalent() + r.nonEquivalentSurvivors());
      r.outcomes().stream()
          .filter(o -> o.verdict() == MutationCampaign.Verdict.SURVIVED_NOT_EQUIVALENT)
          .forEach(o -> System.out.println("not equivalent: " + o.mutant() + ": "
              + o.evidence().orElse("")));
      assertEquals(0, r.nonEquivalentSurvivors(), "a mutant that changes behaviour survived");
      assertTrue(r.equivalent() > 0, "the exhaustive check was exercised");
    }
  }

  @Test
  void aWeakCampaignLeavesNonEquivalentSurvivorsThatTheExhaustiveCheckExposes() {
    // One try of one pass misses mutants that only misbehave on other states: the table must
    // then show them as survivors that are not equivalent.
    MachineConfig config = MachineConfig.of(2, 1, 1);
    Construction c = PaperConstruction.build(config);
    ImmutableList<MutationCampaign.Mutant> some = MutationCampaign.mutants(c).subList(0, 300);
    MutationCampaign.Report r = PaperTrials.mutation(c, TestBackends.exact(),
        settings(config, 1, 1)).run(some, Progress.NONE);
    Verbose.println(r.table());
    assertTrue(r.nonEquivalentSurvivors() > 0);
    r.outcomes().stream()
        .filter(o -> o.verdict() == MutationCampaign.Verdict.SURVIVED_NOT_EQUIVALENT)
        .forEach(o -> assertTrue(o.evidence().isPresent()));
  }

  @Test
  void mutantsChangeExactlyOneParameter() {
    Construction c = PaperConstruction.build(MachineConfig.of(2, 1, 1));
    for (MutationCampaign.Mutant m : MutationCampaign.mutants(c).subList(0, 200)) {
      Construction mutated = MutationCampaign.apply(c, m);
      int changedLayers = 0;
      for (int i = 0; i < c.depth(); i++) {
        if (!c.layer(i).layer().equals(mutated.layer(i).layer())) {
          changedLayers++;
          assertEquals(m.layer(), i);
        }
      }
      assertEquals(1, changedLayers, m.toString());
    }
  }
}
