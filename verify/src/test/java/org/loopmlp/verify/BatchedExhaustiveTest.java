package org.loopmlp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.verify.PaperStates.Scope;

/**
 * The exhaustive check evaluated in blocks reports what it reports one state at a time: the
 * same counts on a correct construction, the same first disagreement on faulty ones (whose first
 * failing state falls inside a block, not at its start).
 */
class BatchedExhaustiveTest {

  @Test
  void blocksAndSingleStatesAgreeOnACorrectConstruction() {
    Construction c = PaperConstruction.build(MachineConfig.of(3, 2, 1));
    ExhaustiveCheck<Disagreement> check = PaperStates.check(c, Scope.SLOT_AT_PC,
        TestBackends.exact());
    ExhaustiveCheck.Result<Disagreement> batched = check.run(Progress.NONE);
    ExhaustiveCheck.Result<Disagreement> single = check.oneStateAtATime().run(Progress.NONE);
    assertTrue(batched.proved(), batched.toString());
    assertEquals(single.proved(), batched.proved());
    assertEquals(single.states(), batched.states());
    assertEquals(single.checked(), batched.checked());
  }

  @Test
  void blocksAndSingleStatesFindTheSameFirstDisagreement() {
    MachineConfig config = MachineConfig.of(2, 1, 1);
    long memories = 1L << (config.wordBits() * config.dataSize());
    List<Construction> faulty = new ArrayList<>();
    FaultyConstructions.all().values().forEach(f -> faulty.add(f.apply(config)));
    Construction c = PaperConstruction.build(config);
    MutationCampaign.mutants(c).stream().limit(60)
        .forEach(m -> faulty.add(MutationCampaign.apply(c, m)));
    int insideABlock = 0;
    for (Construction f : faulty) {
      ExhaustiveCheck<Disagreement> check = PaperStates.check(f, Scope.ALL_PROGRAMS,
          TestBackends.exact());
      ExhaustiveCheck.Result<Disagreement> batched = check.run(Progress.NONE);
      ExhaustiveCheck.Result<Disagreement> single = check.oneStateAtATime().run(Progress.NONE);
      assertEquals(single.proved(), batched.proved());
      assertEquals(single.checked(), batched.checked());
      assertEquals(single.firstDisagreement().map(Disagreement::summary),
          batched.firstDisagreement().map(Disagreement::summary));
      if (!batched.proved() && batched.checked() % memories % ExhaustiveCheck.BLOCK != 0) {
        insideABlock++;
      }
    }
    assertTrue(insideABlock > 0, "no fault fails after the first state of a block");
  }
}
