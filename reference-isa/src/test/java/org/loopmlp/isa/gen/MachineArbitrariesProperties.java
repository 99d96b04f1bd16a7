package org.loopmlp.isa.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;

@StatisticsReport(onFailureOnly = true)
class MachineArbitrariesProperties {

  @Provide
  Arbitrary<GeneratedMachine> machines() {
    return MachineArbitraries.machines();
  }

  @Provide
  Arbitrary<MachineConfig> tinyConfigs() {
    return MachineArbitraries.configs(4, 2, 2);
  }

  @Property(tries = 300)
  @StatisticsReport(onFailureOnly = true)
  void machinesAreConsistentAndCoverTheInterestingCases(@ForAll("machines") GeneratedMachine m) {
    MachineConfig c = m.config();
    assertTrue(c.wordBits() <= MachineArbitraries.DEFAULT_MAX_WORD_BITS);
    assertTrue(c.dataBits() <= MachineArbitraries.DEFAULT_MAX_DATA_BITS);
    assertTrue(c.codeBits() <= MachineArbitraries.DEFAULT_MAX_CODE_BITS);
    assertEquals(c.codeSize(), m.program().slots().size());
    for (Instruction ins : m.program().slots()) {
      assertTrue(ins.fits(c), ins.toString());
    }
    for (long w : m.state().memory()) {
      assertTrue(c.fitsWord(w));
    }
    long extremes = java.util.Arrays.stream(m.state().memory())
        .filter(w -> w == c.minWord() || w == c.maxWord()).count();
    Statistics.label("word bits").collect(c.wordBits() <= 4 ? "2-4" : c.wordBits() <= 8
        ? "5-8" : "9-16");
    Statistics.label("memory holds min or max").collect(extremes > 0);
    Statistics.label("non-HALT slots").collect(m.program().nonHaltCount() == 0 ? "none"
        : m.program().nonHaltCount() == c.codeSize() ? "all" : "some");
  }

  @Property(tries = 200)
  @StatisticsReport(onFailureOnly = true)
  void boundedConfigsStayInTheirBounds(@ForAll("tinyConfigs") MachineConfig c) {
    assertTrue(c.wordBits() >= 2 && c.wordBits() <= 4);
    assertTrue(c.dataBits() >= 1 && c.dataBits() <= 2);
    assertTrue(c.codeBits() >= 1 && c.codeBits() <= 2);
    Statistics.collect(c.wordBits(), c.dataBits(), c.codeBits());
  }

  @Provide
  Arbitrary<GeneratedMachine> flatMapped() {
    return MachineArbitraries.machines(MachineArbitraries.configs(4, 2, 2));
  }

  @Property(tries = 100)
  void flatMappedMachinesAreConsistent(@ForAll("flatMapped") GeneratedMachine m) {
    MachineConfig c = m.config();
    assertTrue(c.wordBits() <= 4 && c.dataBits() <= 2 && c.codeBits() <= 2, c.toString());
    for (Instruction ins : m.program().slots()) {
      assertTrue(ins.fits(c), ins.toString());
    }
  }

  @Property(tries = 200)
  @StatisticsReport(onFailureOnly = true)
  void projectedWordsCoverTheExtremesOfSmallConfigs(
      @ForAll("machines") GeneratedMachine m) {
    MachineConfig c = m.config();
    boolean min = false;
    boolean max = false;
    for (long w : m.state().memory()) {
      min |= w == c.minWord();
      max |= w == c.maxWord();
    }
    Statistics.label("min in memory").collect(min);
    Statistics.label("max in memory").collect(max);
    Statistics.label("min in memory").coverage(check -> check.check(true).percentage(p -> p > 5));
    Statistics.label("max in memory").coverage(check -> check.check(true).percentage(p -> p > 5));
  }

  @Example
  void edgeWordsOfFourBits() {
    assertEquals(List.of(0L, 1L, -1L, 2L, -2L, 3L, -3L, 4L, -4L, 5L, -5L, 6L, 7L, -7L, -8L),
        MachineArbitraries.edgeWords(MachineConfig.of(4, 1, 1)));
  }

  @Example
  void edgeWordsIncludeTheExtremesAndPowersOfTwo() {
    MachineConfig c = MachineConfig.of(12, 1, 1);
    List<Long> edges = MachineArbitraries.edgeWords(c);
    assertEquals(0L, edges.get(0));
    for (long v : new long[] {c.minWord(), c.maxWord(), c.minWord() + 1, c.maxWord() - 1, 1024,
        -1024, 1023, 1025, -1025}) {
      assertTrue(edges.contains(v), v + " in " + edges);
    }
    for (long v : edges) {
      assertTrue(c.fitsWord(v));
    }
  }
}
