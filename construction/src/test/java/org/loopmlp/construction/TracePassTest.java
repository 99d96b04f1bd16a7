package org.loopmlp.construction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.StepDetail;
import org.loopmlp.isa.SubleqMachine;

/** Observing one pass layer by layer with decoded registers. */
class TracePassTest {
  private static final MachineConfig CONFIG = MachineConfig.of(6, 3, 3);

  @Test
  void registersAfterEachStageHoldTheReferenceValues() {
    Program p = Program.padded(CONFIG, List.of(Instruction.of(5, 6, 4), Instruction.of(6, 5, 2)),
        0);
    MachineState s = MachineState.of(CONFIG, new long[] {0, 0, 0, 0, 0, 9, -30, 0}, 0);
    StepDetail d = SubleqMachine.detail(p, s);
    Construction c = PaperConstruction.build(CONFIG);
    RegisterDecoder decoder = RegisterDecoder.of(c);
    List<Map<String, Long>> values = new ArrayList<>();
    List<Set<String>> changed = new ArrayList<>();
    var before = new Object() {
      List<RegisterDecoder.Reading> readings = decoder.readInput(
          StateCodec.forConstruction(c).encode(p, s));
    };
    MachineState next = LoopedMlp.of(c, RationalBackend.INSTANCE).tracePass(p, s,
        (index, layer, output) -> {
          List<RegisterDecoder.Reading> now = decoder.readLayer(index, output);
          Map<String, Long> v = new HashMap<>();
          now.forEach(r -> r.value().ifPresent(x -> v.put(r.register().name(), x)));
          values.add(v);
          Set<String> names = new TreeSet<>();
          RegisterDecoder.changed(before.readings, now).forEach(r -> names.add(
              r.register().name()));
          changed.add(names);
          before.readings = now;
        });
    assertEquals(SubleqMachine.step(p, s), next);
    assertEquals(13, values.size());
    assertEquals((long) d.a(), values.get(1).get("ra"));
    assertEquals((long) d.b(), values.get(1).get("rb"));
    assertEquals((long) d.c(), values.get(1).get("rc"));
    assertEquals(Set.of("ra", "rb", "rc"), changed.get(1));
    assertEquals(d.memA(), values.get(3).get("va"));
    assertEquals(d.memB(), values.get(3).get("vb"));
    assertEquals(d.result(), values.get(5).get("r"));
    assertEquals(Set.of("mem[6]", "rb"), changed.get(7));
    assertEquals((long) d.pcPlusOne(), values.get(9).get("pc1"));
    assertEquals((long) d.nextPc(), values.get(12).get("pc"));
  }
}
