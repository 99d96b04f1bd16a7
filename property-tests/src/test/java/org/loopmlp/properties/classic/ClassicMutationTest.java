package org.loopmlp.properties.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loopmlp.construction.LemmaViolation;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicLoopedMlp;
import org.loopmlp.construction.classic.ClassicStepContext;
import org.loopmlp.exact.Backends;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicState;

/**
 * Mutation testing of the classic checks at N = 2, 2^2 words: every weight of the network is
 * perturbed (+1, -1, negated) and every bias moved by +1 and -1, one at a time. A mutant is
 * killed when checked mode (layer invariants, stage lemmas and frames) fails on one of 400
 * states drawn at random; a survivor is run on every state (16,384 cases) and is equivalent
 * when one pass equals one reference step on all of them. No survivor may be non-equivalent.
 * By default every 24th mutant runs; under {@code -Pcampaign} all of them.
 */
class ClassicMutationTest {
  private static final ClassicConfig CONFIG = ClassicConfig.of(2, 2);

  record Mutant(int layer, int row, int column, Rational before, Rational after) {}

  static List<Mutant> mutants(Network network) {
    List<Mutant> all = new ArrayList<>();
    for (int li = 0; li < network.depth(); li++) {
      SparseLayer l = network.layer(li);
      for (int r = 0; r < l.outputDimension(); r++) {
        for (int k = l.rowStart(r); k < l.rowEnd(r); k++) {
          Rational w = l.weight(k);
          all.add(new Mutant(li, r, l.column(k), w, w.add(Rational.ONE)));
          all.add(new Mutant(li, r, l.column(k), w, w.subtract(Rational.ONE)));
          all.add(new Mutant(li, r, l.column(k), w, w.negate()));
        }
        Rational b = l.bias(r);
        all.add(new Mutant(li, r, -1, b, b.add(Rational.ONE)));
        all.add(new Mutant(li, r, -1, b, b.subtract(Rational.ONE)));
      }
    }
    return all;
  }

  static Network apply(Network network, Mutant m) {
    SparseLayer l = network.layer(m.layer());
    SparseLayer mutated = m.column() < 0 ? l.withBias(m.row(), m.after())
        : l.withWeight(m.row(), m.column(), m.after());
    return network.withLayer(m.layer(), mutated);
  }

  /** True when checked mode, or the comparison of the decoded pass, fails on case k. */
  static boolean killedBy(ClassicLoopedMlp checked, long k) {
    try {
      return ClassicExhaustive.check(checked, CONFIG, k).isPresent();
    } catch (LemmaViolation | IllegalStateException | IllegalArgumentException e) {
      return true;
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {ClassicConstruction.NAME, ClassicConstruction.SPLIT_NAME,
      ClassicConstruction.NARROW_NAME, ClassicConstruction.NARROW_SPLIT_NAME})
  void everyMutantIsKilledOrEquivalent(String construction) {
    ClassicConstruction c = ClassicConstruction.build(construction, CONFIG);
    boolean campaign = Boolean.getBoolean("loopmlp.campaign");
    List<Mutant> all = mutants(c.network());
    long cases = ClassicExhaustive.cases(CONFIG);
    SplittableRandom random = new SplittableRandom(2026);
    long[] sample = random.longs(400, 0, cases).toArray();
    int killed = 0;
    int equivalent = 0;
    List<String> survivors = new ArrayList<>();
    int tried = 0;
    for (int i = 0; i < all.size(); i += campaign ? 1 : 24) {
      Mutant m = all.get(i);
      tried++;
      ClassicConstruction mc = c.withNetwork(apply(c.network(), m));
      ClassicLoopedMlp checked = ClassicLoopedMlp.checked(mc, Backends.named("exact"));
      boolean dead = false;
      for (long k : sample) {
        if (killedBy(checked, k)) {
          dead = true;
          break;
        }
      }
      if (dead) {
        killed++;
        continue;
      }
      Optional<String> wrong = ClassicExhaustive.firstDisagreement(
          ClassicLoopedMlp.of(mc, Backends.named("exact")), CONFIG);
      if (wrong.isEmpty()) {
        equivalent++;
      } else {
        survivors.add(m + ": " + wrong.get());
      }
    }
    if (Boolean.getBoolean("loopmlp.verbose")) {
      System.out.printf("%s mutants (N=2, 2^2 words): %d of %d run, %d killed, %d equivalent,"
          + " %d survived non-equivalent%n", construction, tried, all.size(), killed, equivalent,
          survivors.size());
    }
    assertTrue(tried >= 100, "at least 100 mutants, got " + tried + " of " + all.size());
    assertEquals(tried, killed + equivalent + survivors.size());
    assertTrue(survivors.isEmpty(), survivors.size() + " mutants changed behaviour and"
        + " survived, e.g. " + (survivors.isEmpty() ? "" : survivors.get(0)));
    assertTrue(killed > tried / 2, "killed " + killed + " of " + tried);
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
