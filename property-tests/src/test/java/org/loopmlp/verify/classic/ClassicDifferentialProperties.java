package org.loopmlp.verify.classic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicLockstep;
import org.loopmlp.construction.classic.ClassicLoopedMlp;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.classic.ByteInput;
import org.loopmlp.isa.classic.ByteOutput;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.isa.classic.ClassicRun;
import org.loopmlp.isa.classic.ClassicRunner;

/**
 * The classic network in checked mode against the reference classic machine, pass by pass, on
 * random self-modifying machines with I/O: every layer within its invariant, every stage's lemma
 * and frame, and after every pass the same state, the same byte printed and the same input
 * taken. A failure shrinks to the smallest config, memory, pc, input and number of passes.
 */
class ClassicDifferentialProperties {
  private static final Map<ClassicConfig, ClassicConstruction> BUILT = new ConcurrentHashMap<>();

  static ClassicConstruction construction(ClassicConfig config) {
    return BUILT.computeIfAbsent(config, ClassicConstruction::build);
  }

  @Provide
  Arbitrary<ClassicCase> small() {
    return ClassicArbitraries.cases(9, 4, 12);
  }

  @Provide
  Arbitrary<ClassicCase> wide() {
    return ClassicArbitraries.cases(32, 5, 4);
  }

  @Property(tries = 250, seed = "10")
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void theNetworkStepsLikeTheReferenceMachine(@ForAll("small") ClassicCase c) {
    check(c);
  }

  @Property(tries = 40, seed = "11")
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void wideWordsStepLikeTheReferenceMachine(@ForAll("wide") ClassicCase c) {
    check(c);
  }

  private static void check(ClassicCase c) {
    Set<ClassicCoverage> hit = EnumSet.noneOf(ClassicCoverage.class);
    ByteInput seen = ByteInput.of(c.input());
    ClassicLoopedMlp mlp = ClassicLoopedMlp.checked(construction(c.config()),
        Backends.named("exact"));
    ByteOutput.Collecting out = ByteOutput.collecting();
    ClassicLockstep.Outcome o = ClassicLockstep.run(mlp, c.state(), c.input(), out, c.passes(),
        (pass, before, after) -> {
          var d = ClassicMachine.detail(before, seen.peek());
          if (d.readsInput()) {
            seen.take();
          }
          hit.addAll(ClassicCoverage.of(c.config(), d));
        });
    assertTrue(o.agree(), () -> o.disagreement().get().describe() + "\n" + c);
    ByteOutput.Collecting refOut = ByteOutput.collecting();
    ClassicRun ref = ClassicRunner.run(c.state(), ByteInput.of(c.input()), refOut, c.passes());
    assertEquals(ref.finalState(), o.mlp().last());
    assertEquals(ref.steps(), o.mlp().steps());
    assertEquals(ref.halted(), o.mlp().halted());
    assertArrayEquals(refOut.bytes(), out.bytes());
    for (ClassicCoverage k : ClassicCoverage.values()) {
      Statistics.label(k.label()).collect(hit.contains(k));
    }
    for (ClassicCoverage k : ClassicCoverage.values()) {
      Statistics.label(k.label()).coverage(check -> check.check(true).percentage(p -> p >= 2.0));
    }
  }
}
