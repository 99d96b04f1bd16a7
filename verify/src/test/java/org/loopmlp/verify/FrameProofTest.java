package org.loopmlp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.exact.Rational;
import org.loopmlp.isa.MachineConfig;

/** The structural frame proof (SPEC §9.2, tier 3) for every stage at several configs. */
class FrameProofTest {
  @Test
  void everyStageCopiesItsFrameByIdentityRowsAtSeveralConfigs() {
    for (MachineConfig c : List.of(MachineConfig.of(2, 1, 1), MachineConfig.of(4, 2, 2),
        MachineConfig.of(8, 3, 3), MachineConfig.of(8, 4, 4), MachineConfig.of(16, 2, 5),
        MachineConfig.of(32, 1, 1))) {
      FrameProof.Result r = FrameProof.prove(PaperConstruction.build(c));
      Verbose.println(r);
      assertTrue(r.holds(), r.toString());
      assertEquals(6, r.stages());
      assertTrue(r.obligations() > 0);
    }
  }

  @Test
  void aPerturbedCopyRowBreaksTheProof() {
    Construction c = PaperConstruction.build(MachineConfig.of(2, 1, 1));
    // In the read stage, mem[0].bit[0] is frame; give its copy row a bias.
    int layer = c.lemmas().get(1).firstLayer();
    int row = c.layout().indexOf(org.loopmlp.construction.Direction.named("mem[0].bit[0]"));
    Construction broken = c.withNetwork(c.network().withLayer(layer,
        c.layer(layer).layer().withBias(row, Rational.ONE)));
    FrameProof.Result r = FrameProof.prove(broken);
    assertFalse(r.holds());
    assertEquals(1, r.violations().size());
    assertEquals("mem[0].bit[0]", r.violations().get(0).direction());
    assertEquals(layer, r.violations().get(0).layer());
  }
}
