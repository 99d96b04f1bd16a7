package org.loopmlp.properties.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicLoopedMlp;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.verify.ExhaustiveCheck;
import org.loopmlp.verify.MutationCampaign;
import org.loopmlp.verify.Progress;
import org.loopmlp.verify.classic.ClassicStates;

/**
 * One pass of the classic network equals one step of the reference machine on every state of
 * the smallest configs ({@link ClassicStates} through the generic {@link ExhaustiveCheck}): N = 2
 * with 2^2 words (2^13 states: 2^8 memories, 2^2 pcs, 8 input offers); under {@code -Pcampaign}
 * also N = 3 and 4 with 2^2 words and N = 2 with 2^3 words. The check in blocks agrees with
 * decoding every pass one state at a time, on mutants that fail at different states.
 */
class ClassicExhaustiveTest {
  @ParameterizedTest
  @ValueSource(strings = {ClassicConstruction.NAME, ClassicConstruction.SPLIT_NAME,
      ClassicConstruction.NARROW_NAME, ClassicConstruction.NARROW_SPLIT_NAME})
  void everyStateOfTheSmallestConfigsStepsLikeTheReferenceMachine(String construction) {
    boolean campaign = Boolean.getBoolean("loopmlp.campaign");
    List<ClassicConfig> configs = new ArrayList<>(List.of(ClassicConfig.of(2, 2)));
    if (campaign) {
      configs.add(ClassicConfig.of(3, 2));
      configs.add(ClassicConfig.of(4, 2));
      configs.add(ClassicConfig.of(2, 3));
    }
    Set<StepCorner> hit = EnumSet.noneOf(StepCorner.class);
    for (ClassicConfig config : configs) {
      ClassicStates space = ClassicStates.of(ClassicConstruction.build(construction, config));
      ExhaustiveCheck.Result<ClassicStates.Finding> r = ExhaustiveCheck.of(space,
          Backends.named("exact")).run(Progress.NONE);
      assertTrue(r.proved(), () -> construction + " " + config + ": " + r);
      // 2^(N 2^A) memories x 2^N pcs x 8 offers
      long states = 1L << (config.wordBits() * config.memorySize() + config.wordBits() + 3);
      assertEquals(states, r.checked());
      for (long k = 0; k < states; k++) {
        hit.addAll(StepCorner.of(config, ClassicMachine.detail(space.stateOf(k),
            space.inputOf(k))));
      }
    }
    // N = 2 cannot run off the end (pc <= 1) nor write the next instruction (b = 3 is -1).
    Set<StepCorner> reachable = EnumSet.allOf(StepCorner.class);
    if (!campaign) {
      reachable.remove(StepCorner.HALT_OFF_THE_END);
      reachable.remove(StepCorner.WRITES_NEXT_INSTRUCTION);
    }
    assertEquals(reachable, hit, "the configs cover every corner they can reach");
  }

  @Test
  void inBlocksTheCheckFindsTheStateThatDecodingEachPassFinds() {
    ClassicConfig config = ClassicConfig.of(2, 2);
    ClassicConstruction c = ClassicConstruction.build(config);
    List<MutationCampaign.Mutant> all = MutationCampaign.mutants(c);
    int failing = 0;
    int insideABlock = 0;
    for (int i = 0; i < all.size(); i += 97) {
      ClassicConstruction mutant = MutationCampaign.apply(c, all.get(i));
      ClassicStates space = ClassicStates.of(mutant);
      ExhaustiveCheck.Result<ClassicStates.Finding> r = ExhaustiveCheck.of(space,
          Backends.named("exact")).withThreads(1).run(Progress.NONE);
      OptionalLong oracle = ClassicExhaustive.firstDisagreement(
          ClassicLoopedMlp.of(mutant, Backends.named("exact")), space);
      assertEquals(oracle.isPresent(), !r.proved(), all.get(i).toString());
      if (oracle.isPresent()) {
        assertEquals(oracle.getAsLong(), r.checked(), all.get(i).toString());
        failing++;
        insideABlock += r.checked() % ExhaustiveCheck.BLOCK != 0 ? 1 : 0;
      }
    }
    assertTrue(failing >= 5 && insideABlock > 0, failing + " failing, " + insideABlock
        + " inside a block");
  }
}
