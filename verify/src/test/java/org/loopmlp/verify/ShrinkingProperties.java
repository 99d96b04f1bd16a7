package org.loopmlp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.loopmlp.isa.MachineConfig;

/**
 * Whatever seed finds a faulty construction's bug, the campaign's shrinking ends in a case that
 * still fails, is no larger than the one drawn, and for the faults that show on every machine is
 * the smallest machine.
 */
class ShrinkingProperties {
  private static final ConfigRange CONFIGS = ConfigRange.upTo(8, 3, 3);

  private static Counterexample find(String fault, long seed) {
    PaperTrials campaign = PaperTrials.of(fault,
        FaultyConstructions.all().get(fault), TestBackends.exact());
    DifferentialCampaign.Result<Counterexample> r = campaign.run(
        PaperTrials.Settings.of(CONFIGS, 300, seed), Progress.NONE);
    Counterexample c = r.counterexample().orElseThrow(() -> new AssertionError(fault
        + " not found with seed " + seed));
    assertTrue(campaign.replay(c.testCase(), true).isPresent(), "shrunk case still fails");
    MachineConfig small = c.config();
    MachineConfig drawn = c.original().config();
    assertTrue(small.wordBits() <= drawn.wordBits() && small.dataBits() <= drawn.dataBits()
        && small.codeBits() <= drawn.codeBits(), c::toString);
    assertEquals(1, c.testCase().passes());
    return c;
  }

  @Property(tries = 25)
  void everyFaultShrinksToASmallStillFailingCase(@ForAll @LongRange(min = 0, max = 1_000_000)
      long seed) {
    for (String fault : new String[] {FaultyConstructions.BRANCH_ON_NEGATIVE,
        FaultyConstructions.SUBTRACT_WITHOUT_CARRY}) {
      Counterexample c = find(fault, seed);
      assertEquals(MachineConfig.of(2, 1, 1), c.config(), c::toString);
      assertEquals(0, c.program().nonHaltCount(), c::toString);
    }
    Counterexample w = find(FaultyConstructions.WRITE_IGNORING_HIGH_BIT, seed);
    assertEquals(MachineConfig.of(2, 2, 1), w.config(), w::toString);
    int alias = w.step().b() ^ (1 << (w.config().dataBits() - 1));
    assertTrue(w.state().word(alias) != w.step().result(), w::toString);
  }
}
