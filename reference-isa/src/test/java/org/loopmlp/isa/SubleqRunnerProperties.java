package org.loopmlp.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.loopmlp.isa.gen.GeneratedMachine;
import org.loopmlp.isa.gen.MachineArbitraries;

@StatisticsReport(onFailureOnly = true)
class SubleqRunnerProperties {
  private static final int LIMIT = 64;

  @Provide
  Arbitrary<GeneratedMachine> machines() {
    return MachineArbitraries.machines(8, 3, 3);
  }

  @Property(tries = 200)
  @StatisticsReport(onFailureOnly = true)
  void aRunIsRepeatedStepsUntilAFixedPointOrTheLimit(@ForAll("machines") GeneratedMachine m) {
    RunResult r = SubleqRunner.run(m.program(), m.state(), LIMIT);
    // The same run by hand: step until the state repeats itself or LIMIT changes happened.
    MachineState s = m.state();
    int steps = 0;
    while (steps < LIMIT && !SubleqMachine.step(m.program(), s).equals(s)) {
      s = SubleqMachine.step(m.program(), s);
      steps++;
    }
    assertEquals(s, r.finalState());
    assertEquals(steps, r.steps());
    assertEquals(SubleqMachine.step(m.program(), s).equals(s), r.halted());

    RunResult traced = SubleqRunner.runTraced(m.program(), m.state(), LIMIT);
    assertEquals(r.finalState(), traced.finalState());
    assertEquals(r.steps(), traced.steps());
    assertEquals(r.halted(), traced.halted());
    RunResult.Trace t = traced.trace().orElseThrow();
    for (int i = 0; i < t.details().size(); i++) {
      assertEquals(t.states().get(i + 1), SubleqMachine.step(m.program(), t.states().get(i)));
    }
    Statistics.label("outcome").collect(r.halted() ? "halted" : "step limit");
  }
}
