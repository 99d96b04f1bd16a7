package org.loopmlp.construction.size;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.construction.OneHotConstruction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.exact.Rational;
import org.loopmlp.isa.MachineConfig;

class SizeReportProperties {
  @Property(tries = 40)
  void closedFormEqualsTheBuiltNetwork(@ForAll @IntRange(min = 2, max = 12) int n,
      @ForAll @IntRange(min = 1, max = 5) int a, @ForAll @IntRange(min = 1, max = 5) int c) {
    MachineConfig config = MachineConfig.of(n, a, c);
    Construction built = PaperConstruction.build(config);
    SizeReport report = SizeReport.of(built);
    SizeEstimate<MachineConfig> estimate = SizeReport.estimate(config);
    assertEquals(built.network().nonZeros(), estimate.nonZeros());
    assertEquals(built.layout().dimension(), estimate.stateDimension());
    assertEquals(report.widestLayer(), estimate.widestLayer());
    assertEquals(report.parameters(), estimate.parameters());
    assertEquals(built.depth(), estimate.depth());
    // The largest weights: 2^(N-1) in subtraction, 2^(C-1) in next pc, +-2 in address matches.
    long largest = Math.max(2, Math.max(1L << (n - 1), 1L << (c - 1)));
    assertEquals(Rational.of(largest), report.maxAbsWeight());
  }

  @Property(tries = 30)
  void oneHotClosedFormsEqualTheBuiltNetworks(@ForAll @IntRange(min = 2, max = 10) int n,
      @ForAll @IntRange(min = 1, max = 5) int a, @ForAll @IntRange(min = 1, max = 5) int c,
      @ForAll boolean split) {
    MachineConfig config = MachineConfig.of(n, a, c);
    String name = split ? OneHotConstruction.SPLIT_NAME : OneHotConstruction.NAME;
    Construction built = Constructions.build(name, config);
    SizeReport report = SizeReport.of(built);
    SizeEstimate<MachineConfig> estimate = SizeReport.estimate(name, config).orElseThrow();
    assertEquals(built.network().nonZeros(), estimate.nonZeros());
    assertEquals(built.layout().dimension(), estimate.stateDimension());
    assertEquals(report.widestLayer(), estimate.widestLayer());
    assertEquals(report.parameters(), estimate.parameters());
    assertEquals(built.depth(), estimate.depth());
  }
}
