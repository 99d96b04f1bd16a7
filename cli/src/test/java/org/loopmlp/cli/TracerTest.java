package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.construction.RegisterDecoder.Reading;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;

class TracerTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static OptionalLong valueOf(List<Reading> readings, String register) {
    return readings.stream().filter(r -> r.register().name().equals(register)).findFirst()
        .orElseThrow().value();
  }

  @Test
  void layersShowTheFetchedOperandsAndTheWrittenWord() {
    MachineConfig config = MachineConfig.of(4, 2, 2);
    Construction c = PaperConstruction.build(config);
    // Slot 0: mem[1] -= mem[2], i.e. 5 - 3 = 2 > 0, so the next pc is 1.
    Program program = Program.padded(config, List.of(Instruction.of(2, 1, 3)), 0);
    MachineState state = MachineState.of(config, new long[] {0, 5, 3, 0}, 0);
    Tracer.Trace t = Tracer.trace(c, Backends.named("rational"), program, state);

    assertEquals(c.depth() + 1, t.layers().size());
    assertEquals(MachineState.of(config, new long[] {0, 2, 3, 0}, 1), t.after().orElseThrow());
    boolean sawFetch = false;
    for (Tracer.LayerTrace l : t.layers()) {
      Map<String, List<Reading>> changed = Tracer.byRegion(l.changed());
      if (changed.containsKey("ra") && changed.containsKey("rb")) {
        assertEquals(OptionalLong.of(2), valueOf(l.readings(), "ra"));
        assertEquals(OptionalLong.of(1), valueOf(l.readings(), "rb"));
        assertEquals(OptionalLong.of(3), valueOf(l.readings(), "rc"));
        sawFetch = true;
      }
    }
    assertTrue(sawFetch, "no layer wrote ra and rb");
    Tracer.LayerTrace last = t.layers().get(t.layers().size() - 1);
    assertEquals(OptionalLong.of(1), valueOf(last.readings(), "pc"));
    assertEquals(OptionalLong.of(2), valueOf(last.readings(), "mem[1]"));
    assertEquals(OptionalLong.of(0), valueOf(last.readings(), "ra"));

    HeatMap map = Tracer.heatMap(t, "pass 0");
    assertEquals(List.of("code", "mem", "pc", "ra", "rb", "rc", "pc1", "va", "vb", "r",
        "hidden units"), List.copyOf(map.regionHeights().keySet()));
    assertEquals(config.dataSize() * config.wordBits(), (int) map.regionHeights().get("mem"));
  }
}
