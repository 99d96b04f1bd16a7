package org.loopmlp.distributed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Constructions;
import org.loopmlp.exact.Backends;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.verify.ExhaustiveCheck;
import org.loopmlp.verify.PaperStates;
import org.loopmlp.verify.Progress;
import picocli.CommandLine;

/**
 * The campaigns on embedded Spark ({@code local[2]}) report what one thread reports: the same
 * counts and verdicts, and the same counterexample, shrunk on the driver and printed the same
 * way. Only the lines that name where it ran and how long it took differ.
 */
class SparkCampaignTest {
  /** The campaign's output on Spark and on one thread, without the lines that must differ. */
  private static List<List<String>> bothWays(String... args) {
    CampaignJob job = new CampaignJob();
    new CommandLine(job).parseArgs(args);
    StringWriter spark = new StringWriter();
    int sparkCode = job.run(new PrintWriter(spark), SharedSpark.get());
    StringWriter one = new StringWriter();
    int oneCode = job.run(new PrintWriter(one), null);
    assertEquals(oneCode, sparkCode);
    return List.of(comparable(one.toString(), oneCode), comparable(spark.toString(), sparkCode));
  }

  private static List<String> comparable(String out, int code) {
    List<String> lines = out.lines().filter(l -> !l.startsWith("campaign")
            && !l.startsWith("states/s"))
        .map(l -> l.replaceAll("in \\d+ ms", "in _ ms"))
        .collect(Collectors.toList());
    lines.add("exit " + code);
    return lines;
  }

  @Test
  void theExhaustiveCheckCountsWhatOneThreadCounts() {
    var r = bothWays("exhaustive", "--config", "2,1,1");
    assertEquals(r.get(0), r.get(1));
    // independently of the command: the verify module's own run on every core
    var direct = PaperStates.check(Constructions.build("paper", MachineConfig.of(2, 1, 1)),
        PaperStates.Scope.ALL_PROGRAMS, Backends.named("exact")).run(Progress.NONE);
    assertTrue(direct.proved());
    assertTrue(r.get(1).contains(String.format(java.util.Locale.ROOT,
        "counts: states=%d checked=%d first-disagreement=-1 proved=true", direct.states(),
        direct.checked())), r.get(1).toString());
    assertTrue(r.get(1).contains("exit 0"));
  }

  @Test
  void aFaultyConstructionsFirstDisagreementIsFoundAndDiagnosedTheSameWay() {
    // 16,384 states in ranges of 14 on Spark: the first disagreement (state 16) lies in the
    // second range, after a range that agreed
    var r = bothWays("exhaustive", "--config", "2,2,1", "--scope", "slot", "--construction",
        "write-ignoring-high-bit", "--parts", "600");
    assertEquals(r.get(0), r.get(1));
    assertTrue(r.get(1).contains("exit 1"), r.get(1).toString());
    // the first disagreement is not at state 0: parts before it were merged in
    String counts = r.get(1).stream().filter(l -> l.startsWith("counts:")).findFirst()
        .orElseThrow();
    assertTrue(!counts.contains("first-disagreement=-1") && !counts.contains("checked=0 "),
        counts);
  }

  @Test
  void theDifferentialCounterexampleIsShrunkAndPrintedAsOnOneThread() {
    var r = bothWays("differential", "--construction", "subtract-without-carry", "--tries",
        "64", "--seed", "7");
    assertEquals(r.get(0), r.get(1));
    assertTrue(r.get(1).stream().anyMatch(l -> l.contains("shrunk")), r.get(1).toString());
  }

  @Test
  void theDifferentialCampaignPassesWithTheSameCoverage() {
    var r = bothWays("differential", "--tries", "48", "--seed", "3", "--config", "4,2,2");
    assertEquals(r.get(0), r.get(1));
    assertTrue(r.get(1).contains("exit 0"), r.get(1).toString());
  }

  @Test
  @Tag("campaign")
  void mutationTestingGivesTheSameVerdicts() {
    var r = bothWays("mutation", "--config", "2,1,1", "--tries", "16");
    assertEquals(r.get(0), r.get(1));
  }

  @Test
  void theRangesCoverEveryIndexOnce() {
    for (long total : new long[] {0, 1, 7, 64, 1000}) {
      long next = 0;
      for (long[] r : CampaignJob.ranges(total, 16)) {
        assertEquals(next, r[0]);
        assertTrue(r[1] >= r[0]);
        next = r[1];
      }
      assertEquals(total, next);
    }
  }
}
