package org.loopmlp.construction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.loopmlp.exact.Backend;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

/** Every exact backend runs every construction in checked mode equal to the reference. */
class ExactBackendsTest {
  @Test
  void everyExactBackendEqualsReference() {
    List<Backend> exact = Backends.all().stream().filter(Backend::isExact).toList();
    assertTrue(exact.stream().anyMatch(b -> b.name().equals("rational")));
    Random rnd = new Random(4242L);
    for (MachineConfig config : List.of(MachineConfig.of(8, 3, 3), MachineConfig.of(16, 4, 2),
        MachineConfig.of(3, 2, 4), MachineConfig.of(4, 2, 2))) {
      boolean small = config.dataBits() <= 2 && config.codeBits() <= 2;
      for (String name : Constructions.names()) {
        if (!small && (name.equals(FusedConstruction.NAME)
            || name.equals(ShallowConstruction.NAME))) {
          continue;
        }
        Construction c = TestArbitraries.construction(name, config);
        for (int trial = 0; trial < 3; trial++) {
          Program p = RandomProgramsTest.randomProgram(config, rnd);
          MachineState s = RandomProgramsTest.randomState(config, rnd);
          List<MachineState> expected = ReferenceRun.trace(p, s, 10);
          for (Backend b : exact) {
            assertEquals(expected, LoopedMlp.checked(c, b).run(p, s, 10).states(),
                name + " on " + b.name() + ", " + config);
          }
        }
      }
    }
  }
}
