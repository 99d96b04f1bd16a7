package org.loopmlp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.asm.SqAssembler;
import org.loopmlp.isa.asm.SqProgram;

/** The checking campaign on the paper construction, as the {@code check} command runs it. */
class DifferentialCampaignTest {
  private static final PaperTrials.Settings DEFAULT =
      PaperTrials.Settings.of(ConfigRange.upTo(8, 3, 3), 300, 1);

  @Test
  void paperConstructionPassesAndEveryCoverageCategoryIsHit() {
    AtomicInteger calls = new AtomicInteger();
    DifferentialCampaign.Result<Counterexample> r = PaperTrials.paper(TestBackends.exact())
        .run(DEFAULT, (done, total) -> calls.incrementAndGet());
    Verbose.println(r.report());
    assertTrue(r.passed(), r.report());
    assertTrue(r.missing().isEmpty(), "coverage missed " + r.missing());
    assertEquals(300, r.tries());
    assertEquals(300, calls.get());
  }

  @Test
  void sameSeedSameCampaignOtherSeedOtherCases() {
    PaperTrials.Settings small = DEFAULT.withTries(40);
    DifferentialCampaign.Result<Counterexample> a = PaperTrials.paper(TestBackends.exact())
        .run(small, Progress.NONE);
    DifferentialCampaign.Result<Counterexample> b = PaperTrials.paper(TestBackends.exact())
        .run(small, Progress.NONE);
    assertEquals(a.coverage(), b.coverage());
    assertEquals(a.passes(), b.passes());
    assertEquals(PaperTrials.draw(small, 7), PaperTrials.draw(small, 7));
    PaperTrials.Settings other = new PaperTrials.Settings(small.configs(), 40,
        small.passes(), 2, true);
    assertNotEquals(PaperTrials.draw(small, 7), PaperTrials.draw(other, 7));
  }

  @Test
  void edgeValuesIncludeTheCornersOfTheWord() {
    MachineConfig c = MachineConfig.of(8, 1, 1);
    long[] e = MachineGenerator.edgeValues(c);
    for (long v : new long[] {0, 1, -1, -128, 127, 64, 63, 65, -64, -65, -63, 2, 3}) {
      assertTrue(Arrays.stream(e).anyMatch(x -> x == v), "missing " + v);
    }
    assertTrue(Arrays.stream(e).allMatch(c::fitsWord));
  }

  @Test
  void wordsMixEdgeAndUniformValues() {
    MachineConfig c = MachineConfig.of(16, 1, 1);
    MachineGenerator g = MachineGenerator.over(ConfigRange.exactly(c));
    SplittableRandom rnd = new SplittableRandom(3);
    int min = 0;
    int max = 0;
    int zero = 0;
    int n = 10_000;
    for (int i = 0; i < n; i++) {
      long w = g.word(rnd, c);
      assertTrue(c.fitsWord(w));
      min += w == c.minWord() ? 1 : 0;
      max += w == c.maxWord() ? 1 : 0;
      zero += w == 0 ? 1 : 0;
    }
    // Each of 0, min, max is drawn about 6% of the time (30% / 5), far above uniform 1/65536.
    assertTrue(min > n / 25 && max > n / 25 && zero > n / 25, min + " " + max + " " + zero);
  }

  @Test
  void counterexampleIsReadableAndNamesEverything() {
    DifferentialCampaign.Result<Counterexample> r = PaperTrials.of("branch-on-negative",
        FaultyConstructions.branchOnNegative(), TestBackends.exact())
        .run(DEFAULT, Progress.NONE);
    String text = r.counterexample().orElseThrow().toString();
    for (String s : new String[] {"config", "N=2,A=1,C=1", "first pass", "stage", "branch<0",
        "layer", "direction", "pc.bit[0]", "expected", "got", ".config word=2 data=1 code=1",
        "seed 1", "try"}) {
      assertTrue(text.contains(s), "missing '" + s + "' in\n" + text);
    }
  }

  @Test
  void counterexampleProgramTextAssemblesBackToTheSameMachine() {
    Counterexample c = PaperTrials.of("write-ignoring-high-bit",
        FaultyConstructions.writeIgnoringHighBit(), TestBackends.exact())
        .run(DEFAULT, Progress.NONE).counterexample().orElseThrow();
    SqProgram back = SqAssembler.parse(c.sqText(), "counterexample.sq");
    assertEquals(c.config(), back.config());
    assertEquals(c.program().slots(), back.program().slots());
    assertEquals(c.state(), back.initialState());
  }
}
