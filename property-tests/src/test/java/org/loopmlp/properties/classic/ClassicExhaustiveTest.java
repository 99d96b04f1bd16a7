package org.loopmlp.properties.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicLoopedMlp;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicMachine;

/**
 * One pass of the classic network equals one step of the reference machine on every state of
 * the smallest configs: N = 2 with 2^2 words (16,384 cases); under {@code -Pcampaign} also N =
 * 3 and 4 with 2^2 words (262,144 and 4,194,304 cases) and N = 2 with 2^3 words (2,097,152).
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
      ClassicLoopedMlp mlp = ClassicLoopedMlp.of(ClassicConstruction.build(construction, config),
          Backends.named("exact"));
      long total = ClassicExhaustive.cases(config);
      for (long k = 0; k < total; k++) {
        Optional<String> d = ClassicExhaustive.check(mlp, config, k);
        assertTrue(d.isEmpty(), () -> construction + " " + config + ": " + d.get());
        hit.addAll(StepCorner.of(config, ClassicMachine.detail(
            ClassicExhaustive.state(config, k), ClassicExhaustive.input(k))));
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
}
