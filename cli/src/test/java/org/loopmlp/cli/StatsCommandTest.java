package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsCommandTest {
  @Test
  void csvHasOneRowPerSizeOfTheRange() {
    Cli.Result r = Cli.run("stats", "--word", "8", "--data", "4..16", "--code", "3..4", "--csv");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().toList();
    assertEquals(1 + 13 * 2, lines.size(), r.out());
    assertTrue(lines.get(0).startsWith("N,A,C,m,k,"), lines.get(0));
    // Row for A = 5, C = 3: m and k are powers of two computed here, independently.
    String row = lines.stream().filter(l -> l.startsWith("8,5,3,")).findFirst().orElseThrow();
    assertTrue(row.startsWith("8,5,3," + (1 << 5) + "," + (1 << 3) + ",13,23,"), row);
  }

  @Test
  void builtRowsEqualTheClosedForm() {
    Cli.Result closed = Cli.run("stats", "--word", "4", "--data", "2..3", "--code", "2",
        "--csv");
    Cli.Result built = Cli.run("stats", "--word", "4", "--data", "2..3", "--code", "2",
        "--csv", "--build");
    assertEquals(0, built.code(), built.err());
    List<String> a = closed.out().lines().map(l -> l.replace(",closed form", "")).toList();
    List<String> b = built.out().lines().map(l -> l.replace(",built", "")).toList();
    assertEquals(a, b);
  }

  @Test
  void oneSizeShowsEveryStageAgainstThePaperBudget() {
    Cli.Result r = Cli.run("stats", "--word", "4", "--data", "2", "--code", "2");
    assertEquals(0, r.code(), r.err());
    for (String stage : List.of("fetch", "read", "subtract", "write", "next pc", "branch")) {
      assertTrue(r.out().contains(stage), stage + " missing in\n" + r.out());
    }
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("total") && l.contains(" 23 ")),
        r.out());
  }

  @Test
  void aSizeTooLargeToBuildPointsToARangeAndThatRangeWorks() {
    Cli.Result refused = BadInputTest.assertUsageError("e.g. --data 19..20", "stats", "--word",
        "32", "--data", "20", "--code", "20");
    assertEquals("", refused.out());
    Cli.Result r = Cli.run("stats", "--word", "32", "--data", "19..20", "--code", "20", "--csv");
    assertEquals(0, r.code(), r.err());
    // m = 2^20 data words and k = 2^20 slots, computed here.
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("32,20,20," + (1 << 20) + ","
        + (1 << 20) + ",13,23,")), r.out());
  }
}
