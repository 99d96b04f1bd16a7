package org.loopmlp.smt;

import com.google.common.collect.ImmutableMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicFetchStage;
import org.loopmlp.construction.classic.ClassicRegisters;
import org.loopmlp.construction.classic.ClassicStepContext;
import org.loopmlp.construction.classic.ClassicSubtractStage;
import org.loopmlp.construction.classic.ClassicWriteStage;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.stage.FaultyStage;
import org.loopmlp.construction.stage.MachineStage;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.prove.ClassicProver;
import org.loopmlp.prove.PaperProver;
import org.loopmlp.prove.ProgressListener;

/**
 * Fault fixtures of the {@code classic} construction, one wrong neuron each ({@link FaultyStage}),
 * and the check of one faulty network by our prover and a solver: the prover names the stage and
 * register; the solver, run on the stages in order, must answer {@code sat} at that stage, and its
 * model, replayed ({@link ClassicReplay}), must fail in the same register.
 */
public final class ClassicFaults {
  /** The branch flag without [r == 0]: r = 0 no longer branches (subtract+io). */
  public static final String BRANCH_IGNORES_ZERO = "branch-ignores-zero";
  /**
   * mem[2^A - 1] written whatever the operation (write+branch): the gate forgotten, seen when an
   * output instruction's b = -1 addresses that word.
   */
  public static final String WRITE_IGNORES_GATE = "write-ignores-gate";
  /** run = 1 even when the machine is halted (fetch+next pc). */
  public static final String FETCH_IGNORES_HALT = "fetch-ignores-halt";

  private ClassicFaults() {}

  /** One faulty network judged: our prover's verdict, the solver's, and the replay. */
  public record Entry(String network, String proverFault, SolverResult solver,
      Optional<ClassicReplay> replay, Optional<SolverResult> pass,
      Optional<ClassicReplay> passReplay, boolean agrees) {
    public String line() {
      return String.format(Locale.ROOT, "%-40s prover rejects: %-28s solver %-7s %7d ms  %s",
          network, proverFault, solver.verdict().label(), solver.millis(), agrees ? "agrees"
              : "DISAGREES: solver " + solver.detail());
    }

    /** The stage's replay and, when it did not reach a machine step, the pass's. */
    public String replays() {
      StringBuilder b = new StringBuilder();
      replay.ifPresent(b::append);
      pass.ifPresent(p -> b.append(p.verdict() == SolverResult.Verdict.UNSAT
          ? "no pass from a machine state breaks this stage's claim (unsat): the stage input"
              + " above is one no pass reaches\n"
          : passReplay.isPresent() ? "from a machine state:\n" : "from a machine state: "
              + p.verdict().label() + "\n"));
      passReplay.ifPresent(b::append);
      return b.toString();
    }
  }

  /** The fixtures by name. */
  public static ImmutableMap<String, Function<ClassicConfig, ClassicConstruction>> all() {
    return ImmutableMap.of(
        BRANCH_IGNORES_ZERO, replacing(2, config -> FaultyStage.withNeuron(
            ClassicSubtractStage.standard(), "br.bit[0]", a -> a.toBuilder().plus(Direction.named("subtract+io.d.ge0.ge"), -1)
                .plus(Direction.named("subtract+io.d.ge0.gt"), 1)
                .plus(Direction.named("subtract+io.d.ge1.ge"), 1)
                .plus(Direction.named("subtract+io.d.ge1.gt"), -1).build())),
        WRITE_IGNORES_GATE, replacing(3, config -> FaultyStage.withNeuron(
            ClassicWriteStage.standard(), "write+branch.y[" + (config.memorySize() - 1)
                + "].bit[0]", a -> a.toBuilder().plus(Direction.named("op.sub.bit[0]"), -1)
                .plus(Direction.named("op.in.bit[0]"), -1).plusConstant(1).build())),
        FETCH_IGNORES_HALT, replacing(0, config -> FaultyStage.withNeuron(
            ClassicFetchStage.standard(), "run.bit[0]", a -> Affine.constant(1))));
  }

  private static Function<ClassicConfig, ClassicConstruction> replacing(int index,
      Function<ClassicConfig, MachineStage<ClassicStepContext, ClassicRegisters>> faulty) {
    return config -> {
      List<MachineStage<ClassicStepContext, ClassicRegisters>> stages =
          new ArrayList<>(ClassicConstruction.standardStages());
      stages.set(index, faulty.apply(config));
      return ClassicConstruction.assemble(ClassicConstruction.NAME, config, stages);
    };
  }

  /** Our prover and the solver on one faulty network; {@code command} reproduces it. */
  public static Entry judge(String what, ClassicConstruction network, SmtSolver solver,
      Duration timeout, String command) {
    var ours = ClassicProver.prove(network, ProgressListener.NONE,
        PaperProver.DEFAULT_CASE_BUDGET);
    var cx = ours.firstCounterexample();
    String proverFault = cx.map(c -> c.stage() + " " + register(c.direction())).orElse("none");
    Subject s = Subject.classic(network);
    SolverResult result = null;
    Script checked = null;
    for (Script script : Scripts.stages(s)) {
      checked = script;
      result = solver.check(script, timeout);
      if (result.verdict() != SolverResult.Verdict.UNSAT) {
        break;
      }
    }
    if (result.verdict() != SolverResult.Verdict.SAT) {
      return new Entry(what, proverFault, result, Optional.empty(), Optional.empty(),
          Optional.empty(), cx.isEmpty() && result.verdict() == SolverResult.Verdict.UNSAT);
    }
    ClassicReplay r = ClassicReplay.of(checked, result, command);
    boolean agrees = cx.isPresent() && cx.get().stage().equals(checked.span().orElseThrow()
        .name()) && register(cx.get().direction()).equals(r.failingRegister());
    Optional<SolverResult> pass = Optional.empty();
    Optional<ClassicReplay> passReplay = Optional.empty();
    if (r.reaches().isPresent() || r.difference().isEmpty()) {
      // the stage input is not one a pass reaches: ask for a machine state whose pass breaks
      // the same stage's claim
      Script whole = Scripts.reachedStage(s, s.stages().indexOf(checked.span().orElseThrow()));
      SolverResult p = solver.check(whole, timeout);
      pass = Optional.of(p);
      if (p.verdict() == SolverResult.Verdict.SAT) {
        passReplay = Optional.of(ClassicReplay.of(whole, p, command));
      }
    }
    return new Entry(what, proverFault, result, Optional.of(r), pass, passReplay, agrees);
  }

  private static String register(String direction) {
    int bit = direction.indexOf(".bit[");
    return bit >= 0 ? direction.substring(0, bit) : direction;
  }
}
