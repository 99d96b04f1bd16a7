package org.loopmlp.construction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.size.SizeEstimate;
import org.loopmlp.construction.size.SizeReport;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.SubleqMachine;

/** The largest configs of the default suite: the corner of the random range and (16, 10, 10). */
class LargeConfigTest {
  @Test
  void cornerConfigEqualsReference() {
    MachineConfig config = MachineConfig.of(16, 6, 6);
    LoopedMlp mlp = LoopedMlp.checked(PaperConstruction.build(config), RationalBackend.INSTANCE);
    Random rnd = new Random(16_06_06L);
    for (int trial = 0; trial < 3; trial++) {
      Program p = RandomProgramsTest.randomProgram(config, rnd);
      MachineState s = RandomProgramsTest.randomState(config, rnd);
      assertEquals(ReferenceRun.trace(p, s, 4), mlp.run(p, s, 4).states());
    }
  }

  @Test
  void sixteenTenTenBuildsAndRunsOneCheckedPassOnEveryExactBackend() {
    MachineConfig config = MachineConfig.of(16, 10, 10);
    Construction c = PaperConstruction.build(config);
    SizeReport report = SizeReport.of(c);
    SizeEstimate<MachineConfig> estimate = SizeReport.estimate(config);
    assertEquals(estimate.nonZeros(), report.nonZeros());
    assertEquals(estimate.stateDimension(), report.stateDimension());
    assertEquals(13, report.depth());
    Random rnd = new Random(16_10_10L);
    Program p = RandomProgramsTest.randomProgram(config, rnd);
    MachineState s = RandomProgramsTest.randomState(config, rnd);
    for (Backend backend : Backends.all()) {
      if (backend.isExact()) {
        assertEquals(SubleqMachine.step(p, s), LoopedMlp.checked(c, backend).step(p, s),
            backend.name());
      }
    }
  }
}
