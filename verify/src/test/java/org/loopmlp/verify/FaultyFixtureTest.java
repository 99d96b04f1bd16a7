package org.loopmlp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.LoopedMlp;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.StepDetail;

/**
 * The campaign finds and shrinks a counterexample for each deliberately faulty construction, and
 * the shrunk result has the shape the fault predicts. The properties are checked against the
 * reference machine's values, not against the campaign's own report.
 */
class FaultyFixtureTest {
  private static final PaperTrials.Settings SETTINGS =
      PaperTrials.Settings.of(ConfigRange.upTo(8, 3, 3), 200, 11);

  private static Counterexample find(String name) {
    PaperTrials campaign = PaperTrials.of(name,
        FaultyConstructions.all().get(name), TestBackends.exact());
    DifferentialCampaign.Result<Counterexample> r = campaign.run(SETTINGS, Progress.NONE);
    Verbose.println(r.report());
    assertTrue(r.counterexample().isPresent(), name + " must be caught");
    Counterexample c = r.counterexample().get();
    // Rerunnable: the shrunk case fails again, at the same place.
    assertEquals(c.disagreement(), campaign.replay(c.testCase(), true).orElseThrow());
    assertEquals(1, c.testCase().passes());
    assertEquals(0, c.disagreement().pass());
    return c;
  }

  private static MachineState mlpStep(String name, Counterexample c) {
    LoopedMlp mlp = LoopedMlp.of(FaultyConstructions.all().get(name).apply(c.config()),
        TestBackends.exact());
    return mlp.step(c.program(), c.state());
  }

  @Test
  void branchOnNegativeShrinksToAStepWithMemAEqualToMemB() {
    Counterexample c = find(FaultyConstructions.BRANCH_ON_NEGATIVE);
    StepDetail s = c.step();
    assertEquals(s.memA(), s.memB(), "r = 0 exactly when mem[a] == mem[b]");
    assertEquals(0, s.result());
    assertEquals(MachineConfig.of(2, 1, 1), c.config());
    assertEquals(0, c.program().nonHaltCount(), "HALT itself (Z Z .) needs the r <= 0 branch");
    assertTrue(Arrays.stream(c.state().memory()).allMatch(w -> w == 0));
    assertEquals("branch<0", c.disagreement().stage());
    // The faulty network falls through to pc + 1 where the machine jumps to c.
    assertEquals(s.pcPlusOne(), mlpStep(FaultyConstructions.BRANCH_ON_NEGATIVE, c).pc());
    assertNotEquals(s.nextPc(), s.pcPlusOne());
  }

  @Test
  void subtractWithoutCarryShrinksToTheSmallestMachineAndIsOffByOne() {
    Counterexample c = find(FaultyConstructions.SUBTRACT_WITHOUT_CARRY);
    StepDetail s = c.step();
    assertEquals(MachineConfig.of(2, 1, 1), c.config());
    assertEquals(0, c.program().nonHaltCount(), "every step is off by one, HALT too");
    assertTrue(Arrays.stream(c.state().memory()).allMatch(w -> w == 0));
    assertEquals("subtract-no-carry", c.disagreement().stage());
    assertEquals("r.bit[0]", c.disagreement().direction());
    // mem[b] - mem[a] - 1 (wrapped) instead of mem[b] - mem[a].
    assertEquals(c.config().wrap(s.memB() - s.memA() - 1),
        mlpStep(FaultyConstructions.SUBTRACT_WITHOUT_CARRY, c).word(s.b()));
  }

  @Test
  void writeIgnoringHighBitShrinksToTwoAddressBitsAndClobbersTheAliasedCell() {
    Counterexample c = find(FaultyConstructions.WRITE_IGNORING_HIGH_BIT);
    StepDetail s = c.step();
    // With A = 1 the variant still compares one bit (it is correct), so A = 2 is the smallest.
    assertEquals(MachineConfig.of(2, 2, 1), c.config());
    assertEquals("write-low-bits", c.disagreement().stage());
    int alias = s.b() ^ (1 << (c.config().dataBits() - 1));
    // The cell that differs from b only in the ignored bit held another value, and the faulty
    // network overwrote it with r.
    assertNotEquals(s.result(), c.state().word(alias));
    MachineState after = mlpStep(FaultyConstructions.WRITE_IGNORING_HIGH_BIT, c);
    assertEquals(s.result(), after.word(alias));
    assertEquals(s.result(), after.word(s.b()));
    assertEquals("mem[" + alias + "]", c.disagreement().direction().replaceAll("\\.bit.*", ""));
    Verbose.println("write-ignoring-high-bit: b = " + s.b() + ", aliased cell " + alias
        + " (b's top address bit " + ((s.b() >> (c.config().dataBits() - 1)) & 1) + ")");
  }
}
