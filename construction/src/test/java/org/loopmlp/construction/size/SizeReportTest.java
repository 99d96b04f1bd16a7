package org.loopmlp.construction.size;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.isa.MachineConfig;

class SizeReportTest {
  @Test
  void tableAndCsvShowBudgetsAndTotals() {
    SizeReport report = SizeReport.of(PaperConstruction.build(MachineConfig.of(8, 4, 4)));
    assertEquals(23, report.paperDepth());
    assertEquals(13, report.depth());
    String table = report.toTable();
    assertTrue(table.contains("subtract     subtract        7      2"), table);
    assertTrue(table.contains("total                       23     13"), table);
    String[] csv = report.toCsv().split("\n");
    assertEquals(8, csv.length);
    assertTrue(csv[7].startsWith("paper,8,4,4,total,,23,13,0,9448,"), csv[7]);
    report.stages().forEach(s -> assertTrue(s.withinBudget(), s.toString()));
  }
}
