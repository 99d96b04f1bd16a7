package org.loopmlp.smt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.StepDetail;
import org.loopmlp.isa.SubleqMachine;
import org.loopmlp.verify.FaultyConstructions;
import org.loopmlp.verify.MutationCampaign;

/**
 * The scripts against z3 at tiny sizes (the large sizes run under {@code loopmlp smt}): every
 * lemma and the whole pass unsat for the constructions, sat for faulty networks with the model
 * replayed to the same fault, and the VNN-COMP export read back and decided.
 */
class SmtTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private final Z3Solver z3 = new Z3Solver();

  private void allUnsat(Subject s, List<Script> scripts) {
    for (Script script : scripts) {
      SolverResult r = z3.check(script, TIMEOUT);
      assertEquals(SolverResult.Verdict.UNSAT, r.verdict(), s.construction() + " "
          + s.configLabel() + " " + script.lemma() + ": " + r.detail());
    }
  }

  @Test
  void everyLemmaOfThePaperMachineHoldsAndSoDoesThePass() {
    Subject s = Subject.of("paper", new int[] {2, 1, 1});
    allUnsat(s, Scripts.all(s));
    Subject compact = Subject.of("compact", new int[] {3, 1, 1});
    allUnsat(compact, Scripts.stages(compact));
  }

  @Test
  void everyLemmaOfTheClassicMachineHolds() {
    Subject s = Subject.of("classic", new int[] {3, 2});
    allUnsat(s, Scripts.stages(s));
  }

  @Test
  void theSubtractionWithoutCarryIsCaughtAndReplayedToTheSameFault() {
    MachineConfig config = MachineConfig.of(3, 1, 1);
    Construction faulty = FaultyConstructions.subtractWithoutCarry().apply(config);
    FaultCampaign.Entry e = FaultCampaign.judge("fixture", "cmd", faulty, -1, z3, TIMEOUT);
    assertTrue(e.proverRejects());
    assertEquals(SolverResult.Verdict.SAT, e.solver().verdict(), e.line());
    assertTrue(e.agrees(), e.line());
    Replay r = e.replay().orElseThrow();
    assertEquals("r", r.failingRegister());
    // the replayed step: the faulty network writes vb + not va, one less than wrap(vb - va)
    var step = r.step().orElseThrow();
    StepDetail d = SubleqMachine.detail(step.program(), step.state());
    long wrong = config.wrap(d.memB() - d.memA() - 1);
    assertTrue(r.disagreement().isPresent(), r.toString());
    assertTrue(r.disagreement().get().stage().contains("subtract"), r.toString());
    assertTrue(d.result() != wrong);
  }

  /**
   * The classic fixtures at (4,3): each is sat at the stage our prover rejects, in the same
   * register, and a machine state is replayed that shows the fault (SPEC §3.2).
   */
  @Test
  void everyClassicFaultFixtureIsSatAndItsModelReplaysToTheSameFault() {
    for (var f : ClassicFaults.all().entrySet()) {
      var network = f.getValue().apply(org.loopmlp.isa.classic.ClassicConfig.of(4, 3));
      ClassicFaults.Entry e = ClassicFaults.judge(f.getKey(), network, z3, TIMEOUT, "cmd");
      assertEquals(SolverResult.Verdict.SAT, e.solver().verdict(), e.line());
      assertTrue(e.agrees(), e.line());
      // the replayed machine state (the solver's own, or one it found from a machine state when
      // its stage input is not one a pass reaches) shows the fault beside the reference machine
      ClassicReplay shown = e.passReplay().orElse(e.replay().orElseThrow());
      assertTrue(shown.reaches().isEmpty(), e.replays());
      assertTrue(shown.difference().isPresent(), e.replays());
      assertEquals(org.loopmlp.isa.classic.ClassicMachine.step(shown.state(), shown.input()),
          shown.reference());
      assertTrue(e.replays().contains("reproduce with: cmd"), e.replays());
    }
  }

  @Test
  void aMutantTheProverRejectsIsSatAndOneItAcceptsIsUnsat() {
    Construction c = Constructions.build("paper", MachineConfig.of(2, 1, 1));
    var mutants = MutationCampaign.mutants(c);
    boolean sawRejected = false;
    boolean sawAccepted = false;
    for (int i = 0; i < mutants.size() && !(sawRejected && sawAccepted); i += 7) {
      var m = mutants.get(i);
      FaultCampaign.Entry e = FaultCampaign.judge("mutant", "cmd",
          MutationCampaign.apply(c, m), m.layer(), z3, TIMEOUT);
      if (e.proverRejects() && !sawRejected) {
        assertEquals(SolverResult.Verdict.SAT, e.solver().verdict(), e.line());
        sawRejected = true;
      } else if (!e.proverRejects() && !sawAccepted) {
        assertEquals(SolverResult.Verdict.UNSAT, e.solver().verdict(), e.line());
        sawAccepted = true;
      }
    }
    assertTrue(sawRejected && sawAccepted);
  }

  @Test
  void bitOfMatchesTheBinaryExpansion() {
    // bit t of x (two's complement, any x in range) from the script's formula, decided by z3
    // against the binary expansion computed here
    List<String> cases = new java.util.ArrayList<>();
    for (int t = 0; t < 3; t++) {
      for (long x = -8; x <= 12; x++) {
        long want = (Math.floorMod(x, 1L << (t + 1)) >> t) & 1;
        cases.add("(= " + Statement.bitOf(Smt.num(x), t, -8, 12) + " " + want + ")");
      }
    }
    Script s = new Script("bit", Subject.of("paper", new int[] {2, 1, 1}),
        java.util.Optional.empty(), "", com.google.common.collect.ImmutableList.of(
            new Script.Goal("bits", Smt.op("and", cases))),
        com.google.common.collect.ImmutableList.of(), 0);
    assertEquals(SolverResult.Verdict.UNSAT, z3.check(s, TIMEOUT).verdict());
    Script wrong = new Script("bit", s.subject(), java.util.Optional.empty(), "",
        com.google.common.collect.ImmutableList.of(new Script.Goal("bit",
            "(= " + Statement.bitOf(Smt.num(-3), 1, -8, 12) + " 1)")),
        com.google.common.collect.ImmutableList.of(), 0);
    // -3 = ...101 in two's complement: bit 1 is 0
    assertEquals(SolverResult.Verdict.SAT, z3.check(wrong, TIMEOUT).verdict());
  }

  /** Larger sizes under {@code -Pcampaign}: every stage lemma of paper (8,4,4) by z3. */
  @Test
  @Tag("campaign")
  void campaignPaperAt844() {
    Subject s = Subject.of("paper", new int[] {8, 4, 4});
    allUnsat(s, Scripts.stages(s));
  }

  @Test
  void cvc5AgreesWhenInstalled() {
    if (ExternalSolver.onPath("cvc5").isEmpty()) {
      System.out.println("cvc5 is not installed: the cvc5 check did not run");
      return;
    }
    Subject s = Subject.of("paper", new int[] {2, 1, 1});
    SmtSolver cvc5 = SmtSolver.named("cvc5");
    Script subtract = Scripts.stages(s).get(2);
    assertEquals(SolverResult.Verdict.UNSAT, cvc5.check(subtract, TIMEOUT).verdict(),
        subtract.lemma());
    Construction faulty = FaultyConstructions.branchOnNegative().apply(MachineConfig.of(2, 1, 1));
    FaultCampaign.Entry e = FaultCampaign.judge("fixture", "cmd", faulty, -1, cvc5, TIMEOUT);
    assertEquals(SolverResult.Verdict.SAT, e.solver().verdict(), e.line());
    assertTrue(e.agrees(), e.line());
  }

  @Test
  void theVnnCompBenchmarkIsWrittenReadBackAndDecided(@TempDir Path dir) throws Exception {
    boolean campaign = Boolean.getBoolean("loopmlp.campaign");
    var instances = campaign ? VnnComp.standard(4, 2, 2, 2, 2, 4, 1L)
        : VnnComp.standard(3, 2, 1, 2, 1, 0, 1L);
    var checked = VnnComp.write(instances, Subject.of("paper", new int[] {3, 2, 1}), dir, TIMEOUT,
        c -> { });
    assertTrue(checked.size() >= 10, "instances: " + checked.size());
    assertTrue(checked.stream().anyMatch(c -> !c.instance().holds()));
    for (var c : checked) {
      assertTrue(c.agrees(), VnnComp.line(c));
    }
    List<String> rows = Files.readAllLines(dir.resolve("instances.csv"));
    assertEquals(checked.size(), rows.size());
    for (String row : rows) {
      String[] f = row.split(",");
      assertTrue(Files.exists(dir.resolve(f[0])) && Files.exists(dir.resolve(f[1])), row);
      var model = org.loopmlp.onnx.proto.OnnxProto.ModelProto.parseFrom(Files.readAllBytes(dir.resolve(f[0])));
      for (var node : model.getGraph().getNodeList()) {
        assertTrue(List.of("MatMul", "Add", "Relu").contains(node.getOpType()),
            node.getOpType());
      }
    }
  }
}
