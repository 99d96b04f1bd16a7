package org.loopmlp.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.verify.PaperStates.Scope;

/**
 * The campaigns on several threads report what they report on one: the same counts, the same
 * first counterexample, the same mutant verdicts in the same order; and parts of a campaign
 * merged in order equal the part of the whole range, wherever it is cut.
 */
class EveryCoreTest {
  private static final int THREADS = 4;

  @Test
  void exhaustiveCheckOnThreadsEqualsOneThread() {
    MachineConfig config = MachineConfig.of(2, 1, 1);
    for (Construction c : List.of(PaperConstruction.build(MachineConfig.of(3, 2, 1)),
        FaultyConstructions.writeIgnoringHighBit().apply(MachineConfig.of(2, 2, 1)),
        FaultyConstructions.subtractWithoutCarry().apply(config))) {
      Scope scope = c.config().dataSize() > 2 ? Scope.SLOT_AT_PC : Scope.ALL_PROGRAMS;
      ExhaustiveCheck<Disagreement> check = PaperStates.check(c, scope, TestBackends.exact());
      ExhaustiveCheck.Result<Disagreement> one = check.withThreads(1).run(Progress.NONE);
      ExhaustiveCheck.Result<Disagreement> many = check.withThreads(THREADS).run(Progress.NONE);
      assertEquals(one.checked(), many.checked(), c.toString());
      assertEquals(one.proved(), many.proved());
      assertEquals(one.firstDisagreement(), many.firstDisagreement());
    }
  }

  @Test
  void exhaustivePartsMergedInOrderEqualTheWhole() {
    Construction c = FaultyConstructions.writeIgnoringHighBit().apply(MachineConfig.of(2, 2, 1));
    ExhaustiveCheck<Disagreement> check = PaperStates.check(c, Scope.SLOT_AT_PC,
        TestBackends.exact());
    long n = check.space().shape().states();
    ExhaustiveCheck.Part whole = check.part(0, n);
    assertTrue(whole.failed(), whole.toString());
    for (long cut : new long[] {1, 63, 64, 1000, whole.firstDisagreement(),
        whole.firstDisagreement() + 1, n - 1}) {
      ExhaustiveCheck.Part merged = check.part(0, cut).then(check.part(cut, n));
      assertEquals(whole, merged, "cut at " + cut);
    }
  }

  @Test
  void differentialCampaignOnThreadsEqualsOneThread() {
    PaperTrials.Settings s = PaperTrials.Settings.of(ConfigRange.upTo(6, 2, 2), 120, 3);
    for (PaperTrials trials : List.of(PaperTrials.paper(TestBackends.exact()),
        PaperTrials.of("branch-on-negative", FaultyConstructions.branchOnNegative(),
            TestBackends.exact()))) {
      DifferentialCampaign.Result<Counterexample> one = trials.campaign(s).withThreads(1)
          .run(Progress.NONE);
      DifferentialCampaign.Result<Counterexample> many = trials.campaign(s)
          .withThreads(THREADS).run(Progress.NONE);
      assertEquals(one.tries(), many.tries());
      assertEquals(one.passes(), many.passes());
      assertEquals(one.coverage(), many.coverage());
      assertEquals(one.counterexample().map(Object::toString),
          many.counterexample().map(Object::toString));
    }
  }

  @Test
  void differentialPartsMergedInOrderEqualTheWhole() {
    PaperTrials.Settings s = PaperTrials.Settings.of(ConfigRange.upTo(6, 2, 2), 60, 3);
    DifferentialCampaign<Counterexample> campaign = PaperTrials.of("branch-on-negative",
        FaultyConstructions.branchOnNegative(), TestBackends.exact()).campaign(s);
    DifferentialCampaign.Part whole = campaign.part(0, 60);
    assertTrue(whole.failed());
    for (int cut : new int[] {0, 1, whole.failingTry(), whole.failingTry() + 1, 59}) {
      DifferentialCampaign.Part merged = campaign.part(0, cut).then(campaign.part(cut, 60));
      assertEquals(whole.toString(), merged.toString(), "cut at " + cut);
      assertArrayEquals(whole.coverage(), merged.coverage());
    }
    DifferentialCampaign<Counterexample> passing = PaperTrials.paper(TestBackends.exact())
        .campaign(s);
    DifferentialCampaign.Part all = passing.part(0, 60);
    assertFalse(all.failed());
    assertEquals(all.toString(), passing.part(0, 17).then(passing.part(17, 60)).toString());
  }

  @Test
  void mutationCampaignOnThreadsEqualsOneThread() {
    MachineConfig config = MachineConfig.of(2, 1, 1);
    Construction c = PaperConstruction.build(config);
    ImmutableList<MutationCampaign.Mutant> some = MutationCampaign.mutants(c).subList(0, 150);
    MutationCampaign<Construction> m = PaperTrials.mutation(c, TestBackends.exact(),
        new PaperTrials.Settings(ConfigRange.exactly(config), 2, 1, 2026, true));
    MutationCampaign.Report one = m.withThreads(1).run(some, Progress.NONE);
    MutationCampaign.Report many = m.withThreads(THREADS).run(some, Progress.NONE);
    assertEquals(verdicts(one), verdicts(many));
    assertEquals(one.table().lines().skip(1).toList(), many.table().lines().skip(1).toList());
    assertTrue(one.nonEquivalentSurvivors() > 0 && one.equivalent() > 0 && one.killed() > 0,
        one.table());
    MutationCampaign.Part whole = one.part();
    MutationCampaign.Part merged = m.part(0, 70).then(m.part(70, 150));
    assertArrayEquals(whole.counts(), merged.counts());
    assertEquals(whole.firstSurvivor(), merged.firstSurvivor());
  }

  private static String verdicts(MutationCampaign.Report r) {
    return r.outcomes().stream().map(o -> o.mutant().id() + " " + o.verdict() + " " + o.tries()
        + " " + o.evidence().orElse("")).collect(Collectors.joining("\n"));
  }
}
