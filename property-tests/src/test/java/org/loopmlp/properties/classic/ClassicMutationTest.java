package org.loopmlp.properties.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loopmlp.construction.LemmaViolation;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicLoopedMlp;
import org.loopmlp.construction.classic.ClassicStepContext;
import org.loopmlp.exact.Backends;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.verify.MutationCampaign;
import org.loopmlp.verify.Progress;
import org.loopmlp.verify.classic.ClassicTrials;

/**
 * Mutation testing of the classic checks at N = 2, 2^2 words, through the generic {@link
 * MutationCampaign}: every weight of the network is perturbed (+1, -1, negated), every bias
 * moved (+1, -1, negated) and every neuron dropped, one at a time. A mutant is killed when the
 * checked campaign of 200 random machines of that size ({@link ClassicTrials}) fails; a survivor
 * is run on every state ({@code ClassicStates}, 2^13) and is equivalent when one pass equals one
 * reference step on all of them. No survivor may be non-equivalent. By default every 24th mutant
 * runs; under {@code -Pcampaign} all of them.
 */
class ClassicMutationTest {
  private static final ClassicConfig CONFIG = ClassicConfig.of(2, 2);

  @ParameterizedTest
  @ValueSource(strings = {ClassicConstruction.NAME, ClassicConstruction.SPLIT_NAME,
      ClassicConstruction.NARROW_NAME, ClassicConstruction.NARROW_SPLIT_NAME})
  void everyMutantIsKilledOrEquivalent(String construction) {
    ClassicConstruction c = ClassicConstruction.build(construction, CONFIG);
    int stride = Boolean.getBoolean("loopmlp.campaign") ? 1 : 24;
    ImmutableList<MutationCampaign.Mutant> all = MutationCampaign.mutants(c);
    ImmutableList<MutationCampaign.Mutant> some = IntStream.range(0, all.size())
        .filter(i -> i % stride == 0).mapToObj(all::get).collect(ImmutableList.toImmutableList());
    MutationCampaign.Report r = ClassicTrials.mutation(c, Backends.named("exact"),
        ClassicTrials.Settings.exactly(2026, 200, 8, CONFIG)).run(some, Progress.NONE);
    if (Boolean.getBoolean("loopmlp.verbose")) {
      System.out.println(construction + " " + r.table());
    }
    int tried = some.size();
    assertTrue(tried >= 100, "at least 100 mutants, got " + tried + " of " + all.size());
    assertEquals(tried, r.killed() + r.equivalent() + r.nonEquivalentSurvivors());
    assertEquals(0, r.nonEquivalentSurvivors(), () -> "a mutant changed behaviour and survived: "
        + r.part().survivor());
    assertTrue(r.killed() > tried / 2, "killed " + r.killed() + " of " + tried);
  }

  @Test
  void aStepThatWritesTheWrongValueIsCaughtByTheLemmaOfItsStage() {
    // The subtraction's carry-in (bias of the first step of bit 0) moved by one: a fixture
    // showing that checked mode names the stage, not just a wrong final state.
    ClassicConstruction c = ClassicConstruction.build(CONFIG);
    int layer = c.lemmas().get(2).firstLayer();
    SparseLayer l = c.network().layer(layer);
    int row = c.layer(layer).outputLayout().indexOf(
        org.loopmlp.construction.Direction.named("subtract+io.s[0].ge1.ge"));
    ClassicConstruction mc = c.withNetwork(c.network().withLayer(layer,
        l.withBias(row, l.bias(row).add(Rational.ONE))));
    ClassicState s = ClassicState.of(CONFIG, new long[] {1, 1, 0, 0}, 0);
    LemmaViolation v = org.junit.jupiter.api.Assertions.assertThrows(
        LemmaViolation.class, () -> ClassicLoopedMlp.checked(mc, Backends.named("exact"))
            .step(s, -1));
    assertEquals("subtract+io", v.stage());
    assertEquals(ClassicStepContext.of(s, -1).detail(), v.step(ClassicStepContext.class).detail());
  }
}
