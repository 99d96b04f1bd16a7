package org.loopmlp.smt;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Constructions;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.verify.FaultyConstructions;
import org.loopmlp.verify.MutationCampaign;

/**
 * What {@code loopmlp smt} does, for the command line to call: each method prints its result
 * and returns the exit code (SPEC §12: 0 everything holds, 1 a counterexample or disagreement).
 * A user's mistake is an {@link IllegalArgumentException} with a one-line message.
 */
public final class SmtCommands {
  private SmtCommands() {}

  /** {@code 8,4,4} (paper machine) or {@code 8,4} (classic); refused with a one-line reason. */
  public static int[] sizes(String construction, String config) {
    int[] s;
    try {
      s = Arrays.stream(config.split(",", -1)).map(String::strip).mapToInt(Integer::parseInt)
          .toArray();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--config: expected numbers N,A,C (or N,A for the"
          + " classic machine), was '" + config + "'");
    }
    int want = Subject.isClassic(construction) ? 2 : 3;
    if (s.length != want) {
      throw new IllegalArgumentException("--config: construction " + construction + " takes "
          + (want == 3 ? "N,A,C" : "N,A") + ", was '" + config + "'");
    }
    if (!Subject.constructions().contains(construction)) {
      throw new IllegalArgumentException("--construction: unknown construction '" + construction
          + "', expected one of " + Subject.constructions());
    }
    return s;
  }

  private static List<SmtSolver> solvers(List<String> names) {
    List<SmtSolver> s = new ArrayList<>();
    for (String n : names.isEmpty() ? List.of("z3") : names) {
      s.add(SmtSolver.named(n));
    }
    return s;
  }

  /** The table: every lemma (and the pass) by our prover and each solver. */
  public static int table(String construction, String config, List<String> solverNames,
      Duration timeout, boolean pass, Optional<Path> scripts, PrintWriter out, PrintWriter err)
      throws IOException {
    List<SmtSolver> solvers = solvers(solverNames);
    Subject s = Subject.of(construction, sizes(construction, config));
    if (scripts.isPresent()) {
      Scripts.write(pass ? Scripts.all(s) : Scripts.stages(s), scripts.get());
      err.println("scripts written to " + scripts.get());
    }
    out.println(SmtTable.header(solvers));
    out.flush();
    ImmutableList<SmtTable.Row> rows = SmtTable.run(s, solvers, timeout, pass, r -> {
      out.println(SmtTable.line(r));
      out.flush();
    });
    boolean sat = false;
    for (SmtTable.Row r : rows) {
      for (int i = 0; i < r.solvers().size(); i++) {
        SolverResult x = r.solvers().get(i);
        if (x.verdict() == SolverResult.Verdict.SAT) {
          sat = true;
          String command = "loopmlp smt" + isaFlag(construction) + " --construction "
              + construction + " --config " + config + " --solver " + solvers.get(i).name();
          out.print(s.paperConstruction().isPresent() ? Replay.of(r.script(), x, command)
              : ClassicReplay.of(r.script(), x, command));
        } else if (x.verdict() != SolverResult.Verdict.UNSAT) {
          err.println("note: " + solvers.get(i).name() + " gave no answer on " + r.script().lemma()
              + " (" + x.verdict().label() + (x.detail().isEmpty() ? "" : ", " + x.detail())
              + ")");
        }
      }
    }
    out.flush();
    err.flush();
    return sat || rows.stream().anyMatch(r -> !r.ours().proved()) ? 1 : 0;
  }

  /** {@code  --isa classic} for a classic construction, else nothing. */
  static String isaFlag(String construction) {
    return Subject.isClassic(construction) ? " --isa classic" : "";
  }

  /** A fault fixture of the classic construction ({@link ClassicFaults}), judged and replayed. */
  static int classicFault(String construction, int[] n, String fault, String solverName,
      Duration timeout, PrintWriter out) {
    var f = ClassicFaults.all().get(fault);
    if (f == null || !construction.equals(org.loopmlp.construction.classic.ClassicConstruction
        .NAME)) {
      throw new IllegalArgumentException("--fault: expected one of " + ClassicFaults.all()
          .keySet() + " (of the classic construction), was '" + fault + "'");
    }
    String command = "loopmlp smt --isa classic --config " + n[0] + "," + n[1] + " --fault "
        + fault + " --solver " + solverName;
    ClassicFaults.Entry e = ClassicFaults.judge("fixture " + fault,
        f.apply(org.loopmlp.isa.classic.ClassicConfig.of(n[0], n[1])),
        SmtSolver.named(solverName), timeout, command);
    out.println(e.line());
    out.print(e.replays());
    out.flush();
    return e.solver().verdict() == SolverResult.Verdict.SAT || !e.agrees() ? 1 : 0;
  }

  /** A fault fixture or a mutant ({@code MutationCampaign} id) of a paper construction. */
  public static int faulty(String construction, String config, Optional<String> fault,
      Optional<Integer> mutant, String solverName, Duration timeout, PrintWriter out) {
    int[] n = sizes(construction, config);
    if (Subject.isClassic(construction)) {
      if (mutant.isPresent()) {
        throw new IllegalArgumentException("--mutant takes a paper-machine construction");
      }
      return classicFault(construction, n, fault.orElseThrow(), solverName, timeout, out);
    }
    MachineConfig mc = MachineConfig.of(n[0], n[1], n[2]);
    Construction network;
    int layer;
    String what;
    if (fault.isPresent()) {
      var f = FaultyConstructions.all().get(fault.get());
      if (f == null || !construction.equals("paper")) {
        throw new IllegalArgumentException("--fault: expected one of "
            + FaultyConstructions.all().keySet() + " (of the paper construction), was '"
            + fault.get() + "'");
      }
      network = f.apply(mc);
      layer = -1;
      what = "fixture " + fault.get();
    } else {
      Construction c = Constructions.build(construction, mc);
      var all = MutationCampaign.mutants(c);
      int id = mutant.orElseThrow();
      if (id < 0 || id >= all.size()) {
        throw new IllegalArgumentException("--mutant: expected an id in [0, " + all.size()
            + "), was " + id);
      }
      network = MutationCampaign.apply(c, all.get(id));
      layer = all.get(id).layer();
      what = "mutant " + all.get(id);
    }
    String command = "loopmlp smt --construction " + construction + " --config " + config
        + fault.map(f -> " --fault " + f).orElse("") + mutant.map(m -> " --mutant " + m)
            .orElse("") + " --solver " + solverName;
    FaultCampaign.Entry e = FaultCampaign.judge(what, command, network, layer,
        SmtSolver.named(solverName), timeout);
    out.println(e.line());
    e.replay().ifPresent(r -> out.print(r));
    out.flush();
    return e.solver().verdict() == SolverResult.Verdict.SAT || !e.agrees() ? 1 : 0;
  }

  /** The campaign: fixtures and {@code wanted} rejected and accepted mutants. */
  public static int faults(String construction, String config, int wanted, long seed,
      String solverName, Duration timeout, PrintWriter out) {
    int[] n = sizes(construction, config);
    var entries = FaultCampaign.run(construction, MachineConfig.of(n[0], n[1], n[2]), wanted,
        100_000, seed, SmtSolver.named(solverName), timeout, e -> {
          out.println(e.line());
          out.flush();
        });
    long sat = entries.stream().filter(e -> e.proverRejects()
        && e.solver().verdict() == SolverResult.Verdict.SAT && e.agrees()).count();
    long unsat = entries.stream().filter(e -> !e.proverRejects()
        && e.solver().verdict() == SolverResult.Verdict.UNSAT).count();
    out.printf("%d networks: %d the prover rejects, %s sat with the same fault; %d the prover"
        + " accepts, %s unsat%n", entries.size(),
        entries.stream().filter(FaultCampaign.Entry::proverRejects).count(), sat,
        entries.stream().filter(e -> !e.proverRejects()).count(), unsat);
    out.flush();
    return entries.stream().allMatch(FaultCampaign.Entry::agrees) ? 0 : 1;
  }

  /** The scripts of every lemma and the pass into {@code dir}. */
  public static int exportSmtlib(String construction, String config, Path dir, PrintWriter out)
      throws IOException {
    Subject s = Subject.of(construction, sizes(construction, config));
    List<Path> files = Scripts.write(Scripts.all(s), dir);
    out.println(files.size() + " SMT-LIB 2 scripts written to " + dir + " (each check-sat must"
        + " answer unsat)");
    return 0;
  }

  /** The VNN-COMP benchmark into {@code dir}, every instance checked. */
  public static int exportVnncomp(String config, int classicMemoryBits, int perStage,
      int mutants, long seed, Duration timeout, Path dir, PrintWriter out) throws IOException {
    int[] n = sizes("paper", config);
    var instances = VnnComp.standard(n[0], n[1], n[2], classicMemoryBits, perStage, mutants,
        seed);
    var checked = VnnComp.write(instances, Subject.of("paper", n), dir, timeout, c -> {
      out.println(VnnComp.line(c));
      out.flush();
    });
    long agree = checked.stream().filter(VnnComp.Checked::agrees).count();
    out.printf("%d instances (%d violated) in %s; %d of %d generated left out as undecided;"
        + " %d agree with our check and z3%n", checked.size(),
        checked.stream().filter(c -> !c.instance().holds()).count(), dir,
        instances.size() - checked.size(), instances.size(), agree);
    return agree == checked.size() ? 0 : 1;
  }
}
