package org.loopmlp.construction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.loopmlp.isa.MachineConfig;

class StateLayoutTest {
  private static final MachineConfig CONFIG = MachineConfig.of(5, 2, 3);

  @Test
  void indicesAreAssignedOnceAndInvertible() {
    StateLayout layout = PaperRegisters.of(CONFIG).layout();
    // k(2A + C) + mN + C + 2A + 2C + 3N = 8*7 + 4*5 + 3 + 4 + 6 + 15
    assertEquals(104, layout.dimension());
    assertEquals(layout.dimension(), new HashSet<>(layout.names()).size());
    for (int i = 0; i < layout.dimension(); i++) {
      assertEquals(i, layout.indexOf(layout.direction(i)));
    }
  }

  @Test
  void registersAndRegionsNameTheirBits() {
    StateLayout layout = PaperRegisters.of(CONFIG).layout();
    assertEquals(List.of(Direction.named("ra.bit[0]"), Direction.named("ra.bit[1]")),
        layout.register("ra").bits());
    assertEquals(Register.Encoding.TWOS_COMPLEMENT, layout.register("mem[3]").encoding());
    assertEquals(3, layout.register("code[7].c").width());
    assertEquals(List.of("code", "mem", "pc", "scratch"), layout.regionNames().asList());
    assertEquals(3, layout.region("pc").size());
  }

  @Test
  void anExtensionKeepsTheBaseIndices() {
    StateLayout base = PaperRegisters.of(CONFIG).layout();
    StateLayout ext = base.extend().add("hidden", Direction.named("h")).build();
    assertEquals(base.dimension() + 1, ext.dimension());
    assertEquals(base.indexOf(Direction.named("pc.bit[1]")),
        ext.indexOf(Direction.named("pc.bit[1]")));
    assertEquals(base.dimension(), ext.indexOf(Direction.named("h")));
    assertFalse(base.contains(Direction.named("h")));
    assertThrows(IllegalArgumentException.class,
        () -> base.extend().add("hidden", Direction.named("pc.bit[0]")));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> base.indexOf(Direction.named("nowhere")));
    assertEquals("direction nowhere is not in this space", e.getMessage());
  }
}
