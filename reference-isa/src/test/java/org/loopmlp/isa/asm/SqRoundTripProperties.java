package org.loopmlp.isa.asm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.loopmlp.isa.ExampleLibrary;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.gen.GeneratedMachine;
import org.loopmlp.isa.gen.MachineArbitraries;

@StatisticsReport(onFailureOnly = true)
class SqRoundTripProperties {

  @Provide
  Arbitrary<SqProgram> unlabelled() {
    return MachineArbitraries.machines().map(m -> SqProgram.of(m.program(), m.state()));
  }

  /**
   * Generated programs with labels: some data addresses (possibly Z on the program's zero cell)
   * and some code slots, including the position just past the end.
   */
  @Provide
  Arbitrary<SqProgram> labelled() {
    return MachineArbitraries.machines().flatMap(m -> {
      MachineConfig c = m.config();
      Arbitrary<List<Integer>> dataAt = Arbitraries.integers().between(0, c.dataSize())
          .list().ofMaxSize(4);
      Arbitrary<List<Integer>> codeAt = Arbitraries.integers().between(0, c.codeSize())
          .list().ofMaxSize(4);
      return Combinators.combine(dataAt, codeAt, Arbitraries.of(false, true))
          .as((ds, cs, withZ) -> labelled(m, ds, cs, withZ));
    });
  }

  private static SqProgram labelled(GeneratedMachine m, List<Integer> ds, List<Integer> cs,
      boolean withZ) {
    ImmutableMap.Builder<String, Integer> data = ImmutableMap.builder();
    ImmutableMap.Builder<String, Integer> code = ImmutableMap.builder();
    if (withZ) {
      data.put(SqProgram.ZERO_CELL, m.program().zeroCell());
    }
    for (int i = 0; i < ds.size(); i++) {
      data.put("d" + i, ds.get(i));
    }
    for (int i = 0; i < cs.size(); i++) {
      code.put("c" + i, cs.get(i));
    }
    return new SqProgram(m.config(), m.program(), m.state(), data.build(), code.build());
  }

  private static void assertRoundTrip(SqProgram p) {
    String text = SqPrinter.print(p);
    SqProgram back = SqAssembler.parse(text, "printed.sq");
    assertEquals(p.program(), back.program(), text);
    assertEquals(p.initialState(), back.initialState(), text);
    assertEquals(p, back, text);
  }

  @Property(tries = 300)
  @StatisticsReport(onFailureOnly = true)
  void parsePrintIsIdentityWithoutLabels(@ForAll("unlabelled") SqProgram p) {
    assertRoundTrip(p);
    Statistics.label("non-HALT slots").collect(
        p.program().nonHaltCount() == 0 ? "0" : p.program().nonHaltCount() < 4 ? "1-3" : "4+");
  }

  @Property(tries = 300)
  @StatisticsReport(onFailureOnly = true)
  void parsePrintIsIdentityWithLabels(@ForAll("labelled") SqProgram p) {
    assertRoundTrip(p);
    boolean printsHalt = SqPrinter.print(p).contains("HALT");
    Statistics.label("prints HALT").collect(printsHalt);
    Statistics.label("label at the end").collect(
        p.dataLabels().containsValue(p.config().dataSize())
            || p.codeLabels().containsValue(p.config().codeSize()));
  }

  @Example
  void everyExampleRoundTrips() {
    ExampleLibrary.all().forEach(e -> assertRoundTrip(e.program()));
  }
}
