package org.loopmlp.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.construction.PaperRegisters;
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

/**
 * Each stage alone (SPEC §9): a random pre-state that satisfies the stage's precondition, one
 * run of that stage's layers ({@code stageNetwork}), and every register of the output compared
 * with the value the reference machine's {@code SubleqMachine.detail} gives. The expected
 * register values are written here from the machine's step, independently of the construction's
 * lemma objects.
 */
class StageLemmaProperties {
  private static final Map<MachineConfig, Construction> PAPER = new ConcurrentHashMap<>();

  @Provide
  Arbitrary<GeneratedMachine> machines() {
    return MachineArbitraries.machines(16, 3, 3);
  }

  @Property(tries = 300, seed = "6")
  void everyStageEstablishesItsPostcondition(@ForAll("machines") GeneratedMachine m,
      @ForAll @IntRange(min = 0, max = 5) int stage) {
    Construction c = PAPER.computeIfAbsent(m.config(), PaperConstruction::build);
    Backend backend = Backends.named("exact");
    StepDetail d = SubleqMachine.detail(m.program(), m.state());
    MachineState after = SubleqMachine.step(m.program(), m.state());
    RationalVector pre = encode(c, registersAfter(stage - 1, c.registers(), m, d, after));
    Backend.Compiled net = backend.compile(c.stageNetwork(stage));
    StateVector out = net.apply(net.load(pre));
    Map<String, Long> expected = registersAfter(stage, c.registers(), m, d, after);
    StateCodec codec = StateCodec.forConstruction(c);
    for (Register r : c.layout().registers()) {
      assertEquals(expected.get(r.name()), codec.read(out, r),
          c.lemmas().get(stage).name() + ": register " + r.name() + " for " + d);
    }
  }

  /**
   * Every register after stage {@code stage} (-1: the pass input), from the reference step:
   * fetch sets ra, rb, rc; read clears ra and sets va, vb; subtract clears va, vb and sets r;
   * write stores r at mem[b] and clears rb; next pc sets pc1; branch sets pc and clears r, rc,
   * pc1.
   */
  static Map<String, Long> registersAfter(int stage, PaperRegisters regs,
      GeneratedMachine m, StepDetail d, MachineState after) {
    Map<String, Long> v = new HashMap<>();
    MachineConfig config = m.config();
    for (int q = 0; q < config.codeSize(); q++) {
      v.put("code[" + q + "].a", (long) m.program().at(q).a());
      v.put("code[" + q + "].b", (long) m.program().at(q).b());
      v.put("code[" + q + "].c", (long) m.program().at(q).c());
    }
    for (int i = 0; i < config.dataSize(); i++) {
      v.put("mem[" + i + "]", m.state().word(i));
    }
    v.put("pc", (long) m.state().pc());
    for (Register r : regs.scratch()) {
      v.put(r.name(), 0L);
    }
    if (stage >= 0) {
      v.put("ra", (long) d.a());
      v.put("rb", (long) d.b());
      v.put("rc", (long) d.c());
    }
    if (stage >= 1) {
      v.put("ra", 0L);
      v.put("va", d.memA());
      v.put("vb", d.memB());
    }
    if (stage >= 2) {
      v.put("va", 0L);
      v.put("vb", 0L);
      v.put("r", config.wrap(d.memB() - d.memA()));
    }
    if (stage >= 3) {
      v.put("mem[" + d.b() + "]", config.wrap(d.memB() - d.memA()));
      v.put("rb", 0L);
    }
    if (stage >= 4) {
      v.put("pc1", (long) ((d.pc() + 1) % config.codeSize()));
    }
    if (stage >= 5) {
      long r = config.wrap(d.memB() - d.memA());
      v.put("pc", r <= 0 ? (long) d.c() : (long) ((d.pc() + 1) % config.codeSize()));
      v.put("r", 0L);
      v.put("rc", 0L);
      v.put("pc1", 0L);
      assertEquals(after.pc(), v.get("pc"));
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
}
