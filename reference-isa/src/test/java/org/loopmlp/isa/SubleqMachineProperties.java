package org.loopmlp.isa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.loopmlp.isa.gen.GeneratedMachine;
import org.loopmlp.isa.gen.MachineArbitraries;

@StatisticsReport(onFailureOnly = true)
class SubleqMachineProperties {

  @Provide
  Arbitrary<GeneratedMachine> machines() {
    return MachineArbitraries.machines();
  }

  /** mem[b] - mem[a] modulo 2^N, read back as signed, computed with BigInteger. */
  static long expectedResult(MachineConfig config, long memB, long memA) {
    BigInteger modulus = BigInteger.ONE.shiftLeft(config.wordBits());
    BigInteger u = BigInteger.valueOf(memB).subtract(BigInteger.valueOf(memA)).mod(modulus);
    if (u.testBit(config.wordBits() - 1)) {
      u = u.subtract(modulus);
    }
    return u.longValueExact();
  }

  @Property(tries = 400)
  @StatisticsReport(onFailureOnly = true)
  void aStepWritesOnlyMemBAndPc(@ForAll("machines") GeneratedMachine m) {
    Instruction ins = m.program().at(m.state().pc());
    MachineState next = SubleqMachine.step(m.program(), m.state());
    long r = expectedResult(m.config(), m.state().word(ins.b()), m.state().word(ins.a()));
    int k = m.config().codeSize();
    int expectedPc = r <= 0 ? ins.c() : (m.state().pc() + 1) % k;

    for (int i = 0; i < m.config().dataSize(); i++) {
      long expected = i == ins.b() ? r : m.state().word(i);
      assertEquals(expected, next.word(i), "mem[" + i + "]");
    }
    assertEquals(expectedPc, next.pc());
    assertTrue(next.pc() >= 0 && next.pc() < k, "pc in range");
    boolean overflow = BigInteger.valueOf(m.state().word(ins.b()))
        .subtract(BigInteger.valueOf(m.state().word(ins.a()))).longValueExact() != r;
    Statistics.label("branch").collect(r <= 0 ? "taken" : "not taken");
    Statistics.label("overflow").collect(overflow);
    Statistics.label("a == b").collect(ins.a() == ins.b());
    Statistics.label("pc wraps").collect(r > 0 && m.state().pc() == k - 1);
    Statistics.label("branch").coverage(check -> {
      check.check("taken").percentage(p -> p >= 5);
      check.check("not taken").percentage(p -> p >= 5);
    });
    Statistics.label("overflow").coverage(check -> check.check(true).count(n -> n >= 1));
    Statistics.label("a == b").coverage(check -> check.check(true).percentage(p -> p >= 5));
    Statistics.label("pc wraps").coverage(check -> check.check(true).count(n -> n >= 1));
  }

  @Property(tries = 300)
  void detailAgreesWithTheStep(@ForAll("machines") GeneratedMachine m) {
    StepDetail d = SubleqMachine.detail(m.program(), m.state());
    MachineState next = SubleqMachine.step(m.program(), m.state());
    Instruction ins = m.program().at(m.state().pc());
    assertEquals(m.state().pc(), d.pc());
    assertEquals(ins, new Instruction(d.a(), d.b(), d.c()));
    assertEquals(m.state().word(ins.a()), d.memA());
    assertEquals(m.state().word(ins.b()), d.memB());
    assertEquals(expectedResult(m.config(), d.memB(), d.memA()), d.result());
    BigInteger exact = BigInteger.valueOf(d.memB()).subtract(BigInteger.valueOf(d.memA()));
    assertEquals(exact.compareTo(BigInteger.valueOf(m.config().minWord())) < 0
        || exact.compareTo(BigInteger.valueOf(m.config().maxWord())) > 0, d.overflowed());
    assertEquals(d.result() <= 0, d.branch());
    assertEquals((d.pc() + 1) % m.config().codeSize(), d.pcPlusOne());
    assertEquals(d.result(), next.word(d.b()));
    assertEquals(d.nextPc(), next.pc());
  }

  @Property(tries = 300)
  void sameOperandsClearTheCellAndBranch(@ForAll("machines") GeneratedMachine m) {
    Instruction ins = m.program().at(m.state().pc());
    Program program = Program.padded(m.config(), Collections.nCopies(m.config().codeSize(),
        Instruction.of(ins.a(), ins.a(), ins.c())), m.program().zeroCell());
    MachineState next = SubleqMachine.step(program, m.state());
    assertEquals(0, next.word(ins.a()));
    assertEquals(ins.c(), next.pc());
  }

  @Property(tries = 300)
  @StatisticsReport(onFailureOnly = true)
  void everyHaltSlotIsAFixedPointWhenZIsZero(@ForAll("machines") GeneratedMachine m) {
    int z = m.program().zeroCell();
    MachineState state = m.state().withWord(z, 0);
    int halts = 0;
    for (int q = 0; q < m.config().codeSize(); q++) {
      if (m.program().at(q).equals(Instruction.haltAt(q, z))) {
        halts++;
        MachineState at = state.withPc(q);
        assertEquals(at, SubleqMachine.step(m.program(), at));
        assertTrue(SubleqMachine.isHalted(m.program(), at));
      }
    }
    Statistics.label("HALT slots").collect(halts == 0 ? "none" : halts == 1 ? "one" : "several");
  }

  @Property(tries = 200)
  void wrapAroundIsExactAtTheEdges(@ForAll("machines") GeneratedMachine m) {
    MachineConfig c = m.config();
    long min = c.minWord();
    long max = c.maxWord();
    // min - 1 wraps to max; max - (-1) wraps to min (SPEC §2.3: modulo 2^N, read back signed).
    long[][] cases = {{min, 1}, {max, -1}, {min, max}, {max, min}, {0, min}, {-1, max}};
    for (long[] bc : cases) {
      long[] memory = new long[c.dataSize()];
      memory[1] = bc[1];
      memory[0] = bc[0];
      Program program = Program.padded(c, List.of(Instruction.of(1, 0, 0)), 0);
      MachineState next = SubleqMachine.step(program, MachineState.of(c, memory, 0));
      assertEquals(expectedResult(c, bc[0], bc[1]), next.word(0),
          bc[0] + " - " + bc[1] + " in " + c.wordBits() + " bits");
    }
    assertEquals(max, expectedResult(c, min, 1));
    assertEquals(min, expectedResult(c, max, -1));
  }
}
