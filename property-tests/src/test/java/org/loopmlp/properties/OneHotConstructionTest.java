package org.loopmlp.properties;

import org.loopmlp.verify.PaperTrials;
import org.loopmlp.verify.PaperStates;
import org.loopmlp.verify.Progress;
import org.loopmlp.verify.Counterexample;
import org.loopmlp.verify.Disagreement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.OneHotConstruction;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.StateCodec;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.StepDetail;
import org.loopmlp.isa.SubleqMachine;
import org.loopmlp.isa.gen.GeneratedMachine;
import org.loopmlp.isa.gen.MachineArbitraries;
import org.loopmlp.verify.ConfigRange;
import org.loopmlp.verify.DifferentialCampaign;
import org.loopmlp.verify.PaperStates.Scope;
import org.loopmlp.verify.ExhaustiveCheck;
import org.loopmlp.verify.FrameProof;
import org.loopmlp.verify.MutationCampaign;

/**
 * The one-hot constructions under the same tiers as the paper construction: each stage's lemma
 * against the reference machine's {@link StepDetail}, the differential campaign with its coverage,
 * the exhaustive check of one pass on every state of small configs, frame proofs read off the
 * weights, and mutation testing at (2, 1, 1).
 */
class OneHotConstructionTest {
  private static final Map<String, Construction> BUILT = new ConcurrentHashMap<>();

  private static Construction build(String name, MachineConfig config) {
    return BUILT.computeIfAbsent(name + config, k -> Constructions.build(name, config));
  }

  @Provide
  Arbitrary<GeneratedMachine> machines() {
    return MachineArbitraries.machines(16, 3, 3);
  }

  /**
   * Each of the four stages alone (fetch + next pc, read, subtract, write + branch) from the
   * registers the reference step gives before it to the registers it gives after it; the values
   * come from {@link StageLemmaProperties#registersAfter}, written from {@code
   * SubleqMachine.detail}, never from the construction.
   */
  @Property(tries = 120, seed = "11")
  void everyStageEstablishesItsPostcondition(@ForAll("machines") GeneratedMachine m,
      @ForAll @IntRange(min = 0, max = 3) int stage, @ForAll boolean split) {
    Construction c = build(split ? OneHotConstruction.SPLIT_NAME : OneHotConstruction.NAME,
        m.config());
    assertEquals(4, c.lemmas().size());
    Backend backend = Backends.named("exact");
    StepDetail d = SubleqMachine.detail(m.program(), m.state());
    MachineState after = SubleqMachine.step(m.program(), m.state());
    RationalVector pre = encode(c, registersAfterGroup(stage - 1, c, m, d, after));
    Backend.Compiled net = backend.compile(c.stageNetwork(stage));
    StateVector out = net.apply(net.load(pre));
    Map<String, Long> expected = registersAfterGroup(stage, c, m, d, after);
    StateCodec codec = StateCodec.forConstruction(c);
    for (Register r : c.layout().registers()) {
      assertEquals(expected.get(r.name()), codec.read(out, r),
          c.lemmas().get(stage).name() + ": register " + r.name() + " for " + d);
    }
  }

  /**
   * After group g of the compact schedule: the paper stages up to fetch, read, subtract, then
   * branch (groups 0 to 3), with next pc (paper stage 4) already done from group 0 on.
   */
  private static Map<String, Long> registersAfterGroup(int group, Construction c,
      GeneratedMachine m, StepDetail d, MachineState after) {
    int[] lastPaperStage = {0, 1, 2, 5};
    if (group < 0) {
      return StageLemmaProperties.registersAfter(-1, c.registers(), m, d, after);
    }
    Map<String, Long> v = StageLemmaProperties.registersAfter(lastPaperStage[group],
        c.registers(), m, d, after);
    if (group < 3) {
      v.put("pc1", (long) ((d.pc() + 1) % m.config().codeSize()));
    }
    return v;
  }

  private static RationalVector encode(Construction c, Map<String, Long> values) {
    Rational[] x = new Rational[c.layout().dimension()];
    java.util.Arrays.fill(x, Rational.ZERO);
    for (Register r : c.layout().registers()) {
      long value = values.get(r.name());
      for (int t = 0; t < r.width(); t++) {
        x[c.layout().indexOf(r.bit(t))] = Rational.of(r.bitOf(value, t));
      }
    }
    return RationalVector.of(x);
  }

  private static final List<String> NAMES =
      List.of(OneHotConstruction.NAME, OneHotConstruction.SPLIT_NAME);

  @Test
  void differentialCampaignPassesAndHitsEveryCoverageCategory() {
    NAMES.forEach(OneHotConstructionTest::differentialCampaign);
  }

  private static void differentialCampaign(String name) {
    DifferentialCampaign.Result<Counterexample> r = PaperTrials.of(name,
        c -> Constructions.build(name, c), Backends.named("exact")).run(
        PaperTrials.Settings.of(ConfigRange.upTo(8, 3, 3), 150, 5),
        Progress.NONE);
    assertTrue(r.passed(), r.report());
    assertTrue(r.missing().isEmpty(), "coverage missed " + r.missing());
  }

  @Test
  void onePassEqualsOneReferenceStepOnEveryStateOfSmallConfigs() {
    NAMES.forEach(OneHotConstructionTest::exhaustive);
  }

  private static void exhaustive(String name) {
    List<Object[]> sizes = new ArrayList<>(List.of(
        new Object[] {MachineConfig.of(2, 1, 1), Scope.ALL_PROGRAMS},
        new Object[] {MachineConfig.of(3, 1, 1), Scope.ALL_PROGRAMS},
        new Object[] {MachineConfig.of(2, 2, 1), Scope.ALL_PROGRAMS},
        new Object[] {MachineConfig.of(2, 1, 2), Scope.SLOT_AT_PC},
        new Object[] {MachineConfig.of(2, 2, 2), Scope.SLOT_AT_PC}));
    if (Boolean.getBoolean("loopmlp.campaign")) {
      sizes.add(new Object[] {MachineConfig.of(3, 2, 1), Scope.SLOT_AT_PC});
      sizes.add(new Object[] {MachineConfig.of(5, 1, 1), Scope.ALL_PROGRAMS});
      sizes.add(new Object[] {MachineConfig.of(2, 3, 1), Scope.SLOT_AT_PC});
      sizes.add(new Object[] {MachineConfig.of(2, 1, 3), Scope.SLOT_AT_PC});
    }
    for (Object[] s : sizes) {
      MachineConfig config = (MachineConfig) s[0];
      Scope scope = (Scope) s[1];
      ExhaustiveCheck.Result<Disagreement> r = PaperStates.check(build(name, config), scope,
          Backends.named("exact")).run(Progress.NONE);
      assertTrue(r.proved(), r.toString());
      assertEquals(PaperStates.stateCount(config, scope).longValueExact(), r.checked());
    }
  }

  @Test
  void everyStageCopiesItsFrameByIdentityRows() {
    NAMES.forEach(OneHotConstructionTest::frames);
  }

  private static void frames(String name) {
    for (MachineConfig c : List.of(MachineConfig.of(2, 1, 1), MachineConfig.of(4, 2, 2),
        MachineConfig.of(8, 3, 3), MachineConfig.of(16, 2, 5), MachineConfig.of(8, 5, 1))) {
      FrameProof.Result r = FrameProof.prove(build(name, c));
      assertTrue(r.holds(), r.toString());
      assertEquals(4, r.stages());
    }
  }

  @Test
  void aPerturbedCopyRowOfTheReadGateBreaksTheFrameProof() {
    // Give the copy row of mem[0].bit[0] in the read stage's gate layer a bias: the frame proof
    // names it.
    Construction c = build(OneHotConstruction.NAME, MachineConfig.of(2, 1, 1));
    int layer = c.lemmas().get(1).firstLayer() + 1;
    int row = c.layout().indexOf(org.loopmlp.construction.Direction.named("mem[0].bit[0]"));
    Construction broken = c.withNetwork(c.network().withLayer(layer,
        c.layer(layer).layer().withBias(row, Rational.ONE)));
    FrameProof.Result r = FrameProof.prove(broken);
    assertFalse(r.holds());
    assertEquals("mem[0].bit[0]", r.violations().get(0).direction());
  }

  @Test
  void everyMutantAtTheSmallestSizeIsKilledOrEquivalent() {
    List<String> names = new ArrayList<>(List.of(OneHotConstruction.NAME));
    if (Boolean.getBoolean("loopmlp.campaign")) {
      names.add(OneHotConstruction.SPLIT_NAME);
    }
    for (String name : names) {
      MachineConfig config = MachineConfig.of(2, 1, 1);
      Construction c = build(name, config);
      MutationCampaign.Report r = PaperTrials.mutation(c, Backends.named("exact"),
          new PaperTrials.Settings(ConfigRange.exactly(config), 500, 8, 2026, true))
          .run(Progress.NONE);
      if (Boolean.getBoolean("loopmlp.verbose")) {
        System.out.println(name + ": " + r.mutants() + " mutants, " + r.killed() + " killed, "
            + r.equivalent() + " equivalent, " + r.nonEquivalentSurvivors()
            + " non-equivalent survivors");
      }
      assertEquals(r.mutants(), r.killed() + r.equivalent() + r.nonEquivalentSurvivors());
      assertEquals(0, r.nonEquivalentSurvivors(), "a mutant that changes behaviour survived");
      assertTrue(r.killed() > 0 && r.equivalent() > 0);
    }
  }
}
