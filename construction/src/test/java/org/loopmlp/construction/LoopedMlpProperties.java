package org.loopmlp.construction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.isa.StepDetail;
import org.loopmlp.isa.SubleqMachine;
import org.loopmlp.isa.gen.GeneratedMachine;
import org.loopmlp.isa.gen.MachineArbitraries;

/**
 * Differential properties (SPEC §9.2, tier 2): the checked looped network equals the reference
 * machine, pass by pass, on random configs, programs and states.
 */
@StatisticsReport(onFailureOnly = true)
class LoopedMlpProperties {
  private static final int PASSES = 8;

  @Provide
  Arbitrary<GeneratedMachine> small() {
    return MachineArbitraries.machines(8, 4, 4);
  }

  @Provide
  Arbitrary<GeneratedMachine> large() {
    return MachineArbitraries.machines(16, 6, 6);
  }

  @Provide
  Arbitrary<String> constructions() {
    return Arbitraries.of(PaperConstruction.NAME, CompactConstruction.NAME,
        OneHotConstruction.NAME, OneHotConstruction.SPLIT_NAME, NarrowConstruction.NAME);
  }

  @Provide
  Arbitrary<GeneratedMachine> tiny() {
    return MachineArbitraries.machines(8, 3, 3);
  }

  @Provide
  Arbitrary<GeneratedMachine> smallest() {
    return MachineArbitraries.machines(6, 2, 2);
  }

  @Provide
  Arbitrary<GeneratedMachine> wideWords() {
    return MachineArbitraries.machines(64, 2, 2);
  }

  /** The narrow construction at every word size up to 64 bits, where the others stop at 32. */
  @Property(tries = 60, seed = "20261129")
  void narrowEqualsReferenceUpToSixtyFourBits(@ForAll("wideWords") GeneratedMachine m) {
    collect(m);
    int n = m.config().wordBits();
    Statistics.label("word bits").collect(n <= 16 ? "2-16" : n <= 32 ? "17-32" : "33-64");
    check(NarrowConstruction.NAME, m, 4);
    Statistics.label("word bits").coverage(c -> c.check("33-64").percentage(p -> p > 20));
  }

  @Property(tries = 60, seed = "20261126")
  @StatisticsReport(onFailureOnly = true)
  void shallowEqualsReference(@ForAll("smallest") GeneratedMachine m) {
    collect(m);
    check(ShallowConstruction.NAME, m, PASSES);
  }

  @Property(tries = 100, seed = "20261125")
  @StatisticsReport(onFailureOnly = true)
  void fusedEqualsReference(@ForAll("tiny") GeneratedMachine m) {
    collect(m);
    check(FusedConstruction.NAME, m, PASSES);
  }

  @Property(tries = 200, seed = "20261123")
  @StatisticsReport(onFailureOnly = true)
  void smallMachinesEqualReference(@ForAll("small") GeneratedMachine m,
      @ForAll("constructions") String construction) {
    collect(m);
    Statistics.label("construction").collect(construction);
    check(construction, m, PASSES);
    // The first step must both branch and fall through, overflow, and clear a cell often enough.
    Statistics.label("branch").coverage(c -> {
      c.check(true).percentage(p -> p > 20);
      c.check(false).percentage(p -> p > 10);
    });
    Statistics.label("overflow").coverage(c -> c.check(true).percentage(p -> p > 3));
    Statistics.label("a == b").coverage(c -> c.check(true).percentage(p -> p > 5));
  }

  @Property(tries = 30, seed = "20261124")
  @StatisticsReport(onFailureOnly = true)
  void largeMachinesEqualReference(@ForAll("large") GeneratedMachine m,
      @ForAll("constructions") String construction) {
    Statistics.label("state dimension").collect(
        TestArbitraries.paper(m.config()).layout().dimension() / 1000 + "k");
    check(construction, m, 3);
  }

  private static void collect(GeneratedMachine m) {
    StepDetail d = SubleqMachine.detail(m.program(), m.state());
    Statistics.label("branch").collect(d.branch());
    Statistics.label("overflow").collect(d.overflowed());
    Statistics.label("a == b").collect(d.a() == d.b());
    Statistics.label("result == 0").collect(d.result() == 0);
  }

  private static void check(String construction, GeneratedMachine m, int passes) {
    LoopedMlp mlp = LoopedMlp.checked(TestArbitraries.construction(construction, m.config()),
        RationalBackend.INSTANCE);
    assertEquals(ReferenceRun.trace(m.program(), m.state(), passes),
        mlp.run(m.program(), m.state(), passes).states());
  }
}
