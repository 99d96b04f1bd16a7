package org.loopmlp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.StepDetail;

class FaultyFixtureTest {
  private static final DifferentialCampaign.Settings SETTINGS =
      DifferentialCampaign.Settings.of(ConfigRange.upTo(8, 3, 3), 200, 11);

  private static Counterexample find(String name) {
    DifferentialCampaign campaign = DifferentialCampaign.of(name,
        FaultyConstructions.all().get(name), RationalBackend.INSTANCE);
    DifferentialCampaign.Result r = campaign.run(SETTINGS, DifferentialCampaign.Progress.NONE);
    System.out.println(r.report());
    assertTrue(r.counterexample().isPresent(), name + " must be caught");
    return r.counterexample().get();
  }

  @Test
  void branchOnNegative() {
    Counterexample c = find(FaultyConstructions.BRANCH_ON_NEGATIVE);
    StepDetail s = c.step();
    assertEquals(s.memA(), s.memB());
    assertEquals(MachineConfig.of(2, 1, 1), c.config());
  }

  @Test
  void subtractWithoutCarry() {
    Counterexample c = find(FaultyConstructions.SUBTRACT_WITHOUT_CARRY);
    assertEquals(MachineConfig.of(2, 1, 1), c.config());
  }

  @Test
  void writeIgnoringHighBit() {
    Counterexample c = find(FaultyConstructions.WRITE_IGNORING_HIGH_BIT);
    assertEquals(MachineConfig.of(2, 2, 1), c.config());
  }
}
