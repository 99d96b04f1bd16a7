package org.loopmlp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.PaperConstruction;
import org.loopmlp.construction.stage.Stage;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.verify.Disagreement;
import org.loopmlp.verify.ExhaustiveCheck;
import org.loopmlp.verify.PaperStates;
import org.loopmlp.verify.SlotIndependence;

/** What {@code check} claims is what it checked: no verdict word without the check behind it. */
class CheckClaimsTest {
  private static String lastLine(String out) {
    List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
    return lines.get(lines.size() - 1);
  }

  @Test
  void theLemmaTableIsReCheckedByTheIndependentChecker() {
    Cli.Result r = Cli.run("check", "--config", "4,2,2", "--tries", "20");
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("independent checker: ACCEPTED"), r.out());
    assertTrue(r.out().contains("compose into one SUBLEQ step"), r.out());
    assertTrue(lastLine(r.out()).contains("independent checker"), r.out());
  }

  @Test
  void aReorderedConstructionIsNotReportedAsProved() {
    // branch before next pc: each stage lemma holds on its own (the prover alone proves all
    // six), but the pass is not one SUBLEQ step; only the checker sees that.
    MachineConfig config = MachineConfig.of(4, 2, 2);
    List<Stage> stages = new ArrayList<>(PaperConstruction.stages());
    stages.add(stages.remove(4));
    Construction reordered = Construction.assemble("reordered", config, stages);
    StringWriter out = new StringWriter();
    LemmaTable.Outcome o = LemmaTable.print(reordered, true, new PrintWriter(out, true),
        new PrintWriter(new StringWriter(), true));
    assertFalse(o.holds(), out.toString());
    assertTrue(out.toString().contains("independent checker: REJECTED"), out.toString());
    assertTrue(out.toString().contains("do not compose"), out.toString());
    assertFalse(out.toString().lines().anyMatch(l -> l.endsWith(" holds")), out.toString());
  }

  @Test
  void aRefusedExhaustiveCheckCountsAsNotShown() {
    MachineConfig config = MachineConfig.of(2, 2, 1);
    ExhaustiveCheck.Result<Disagreement> refused = new ExhaustiveCheck.Result<>("paper", "exact",
        config.toString(), PaperStates.Scope.SLOT_AT_PC.description(), 1_000, 0,
        Optional.empty(), Optional.of(new SlotIndependence.Failure(1, 0, "mem[0].bit[0]")
            .toString()), Duration.ZERO);
    StringWriter out = new StringWriter();
    List<String> failures = new ArrayList<>();
    PaperCheck.reportExhaustive(new PaperCheck.Exhaustive(config,
        PaperStates.Scope.SLOT_AT_PC), refused, new PrintWriter(out, true), failures);
    assertEquals(1, failures.size(), out.toString());
    assertTrue(out.toString().contains("NOT SHOWN"), out.toString());
    assertFalse(out.toString().contains("skipped"), out.toString());
  }

  @Test
  void withoutRandomProgramsTheVerdictClaimsNone() {
    Cli.Result r = Cli.run("check", "--config", "4,2,2", "--tries", "0");
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    String verdict = lastLine(r.out());
    assertTrue(verdict.startsWith("verdict: HOLDS"), verdict);
    assertFalse(verdict.contains("every program tried"), verdict);
    assertTrue(verdict.contains("no random programs"), verdict);
  }
}
