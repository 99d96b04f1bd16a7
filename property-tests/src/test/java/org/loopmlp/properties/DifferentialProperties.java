package org.loopmlp.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.loopmlp.construction.LoopedMlp;
import org.loopmlp.construction.MlpRun;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.StepDetail;
import org.loopmlp.isa.SubleqMachine;
import org.loopmlp.isa.gen.GeneratedMachine;
import org.loopmlp.isa.gen.MachineArbitraries;
import org.loopmlp.verify.Coverage;

/**
 * The looped network against the reference machine (SPEC §9.2, tier 2): random configs,
 * programs and states, many passes, every pass compared. jqwik shrinks a failure to the
 * smallest config, fewest non-HALT slots, smallest words and fewest passes (the run is cut at the
 * first differing pass). Coverage of the machine's corners is asserted, so a weak generator fails.
 */
@StatisticsReport(onFailureOnly = true)
class DifferentialProperties {
  private static final int PASSES = 12;

  private static final Map<String, LoopedMlp> MLPS = new ConcurrentHashMap<>();

  static LoopedMlp mlp(MachineConfig config, Backend backend) {
    return MLPS.computeIfAbsent(config + " " + backend.name(),
        k -> LoopedMlp.of(PaperConstruction.build(config), backend));
  }

  @Provide
  Arbitrary<GeneratedMachine> small() {
    return MachineArbitraries.machines(6, 2, 2);
  }

  @Provide
  Arbitrary<GeneratedMachine> larger() {
    return MachineArbitraries.machines(16, 4, 4);
  }

  /** Small configs on the trusted rational backend. */
  @Property(tries = 300, seed = "20261123")
  @StatisticsReport(onFailureOnly = true)
  void networkMatchesReferenceEveryPassOnRational(@ForAll("small") GeneratedMachine m) {
    check(m, Backends.named("rational"));
  }

  /** Configs up to N = 16, 16 words, 16 slots on the fast exact backend. */
  @Property(tries = 300, seed = "20261124")
  @StatisticsReport(onFailureOnly = true)
  void networkMatchesReferenceEveryPassOnExact(@ForAll("larger") GeneratedMachine m) {
    check(m, Backends.named("exact"));
  }

  private static void check(GeneratedMachine m, Backend backend) {
    MlpRun run = mlp(m.config(), backend).run(m.program(), m.state(), PASSES);
    MachineState s = m.state();
    Set<Coverage> hit = EnumSet.noneOf(Coverage.class);
    for (int t = 1; t < run.states().size(); t++) {
      StepDetail d = SubleqMachine.detail(m.program(), s);
      record(hit, d, m.config());
      s = SubleqMachine.step(m.program(), s);
      assertEquals(s, run.states().get(t), "pass " + (t - 1) + " from " + run.states().get(t - 1));
    }
    if (run.halted()) {
      record(hit, SubleqMachine.detail(m.program(), s), m.config());
      assertEquals(s, SubleqMachine.step(m.program(), s), "network halted, reference did not");
      hit.add(Coverage.HALT_REACHED);
    } else {
      assertEquals(PASSES, run.steps());
    }
    for (Coverage c : Coverage.values()) {
      Statistics.label(c.label()).collect(hit.contains(c));
    }
    for (Coverage c : Coverage.values()) {
      Statistics.label(c.label()).coverage(check -> check.check(true).percentage(p -> p >= 3.0));
    }
  }

  private static void record(Set<Coverage> hit, StepDetail d, MachineConfig config) {
    hit.add(d.branch() ? Coverage.BRANCH_TAKEN : Coverage.BRANCH_NOT_TAKEN);
    if (d.overflowed()) {
      hit.add(Coverage.OVERFLOW);
    }
    if (d.a() == d.b()) {
      hit.add(Coverage.A_EQUALS_B);
    }
    long min = config.minWord();
    if (d.memA() == min || d.memB() == min || d.result() == min) {
      hit.add(Coverage.MOST_NEGATIVE);
    }
    if (!d.branch() && d.pc() == config.codeSize() - 1) {
      hit.add(Coverage.PC_WRAP);
    }
  }
}
