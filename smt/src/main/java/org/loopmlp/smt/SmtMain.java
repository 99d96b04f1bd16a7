package org.loopmlp.smt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code SmtMain CONSTRUCTION N,A[,C] [--solver z3|cvc5|PATH]... [--timeout S] [--out DIR]}: the
 * table of {@link SmtTable} (the {@code loopmlp smt} command does the same).
 */
public final class SmtMain {
  private SmtMain() {}

  public static void main(String[] args) throws Exception {
    String construction = args[0];
    int[] sizes = Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray();
    List<SmtSolver> solvers = new ArrayList<>();
    Duration timeout = Duration.ofSeconds(600);
    Path out = null;
    String only = null;
    int faults = 0;
    boolean pass = true;
    Path vnncomp = null;
    int perStage = 6;
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--solver":
          solvers.add(SmtSolver.named(args[++i]));
          break;
        case "--timeout":
          timeout = Duration.ofSeconds(Long.parseLong(args[++i]));
          break;
        case "--no-pass":
          pass = false;
          break;
        case "--vnncomp":
          vnncomp = Path.of(args[++i]);
          break;
        case "--per-stage":
          perStage = Integer.parseInt(args[++i]);
          break;
        case "--faults":
          faults = Integer.parseInt(args[++i]);
          break;
        case "--only":
          only = args[++i];
          break;
        case "--out":
          out = Path.of(args[++i]);
          break;
        default:
          throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (solvers.isEmpty()) {
      solvers.add(new Z3Solver());
    }
    if (vnncomp != null) {
      var instances = VnnComp.standard(sizes[0], sizes[1], sizes[2], sizes[1], perStage, 12, 1L);
      var checked = VnnComp.write(instances, Subject.of("paper", sizes), vnncomp, timeout,
          c -> System.out.println(VnnComp.line(c)));
      System.out.println(checked.size() + " instances, " + checked.stream()
          .filter(VnnComp.Checked::agrees).count() + " agree");
      return;
    }
    if (faults > 0) {
      var entries = FaultCampaign.run(construction, org.loopmlp.isa.MachineConfig.of(sizes[0],
          sizes[1], sizes[2]), faults, 2000, 1L, solvers.get(0), timeout,
          e -> System.out.println(e.line()));
      entries.stream().filter(e -> e.replay().isPresent()).limit(2)
          .forEach(e -> System.out.println(e.replay().get()));
      return;
    }
    Subject s = Subject.of(construction, sizes);
    if (out != null) {
      Scripts.write(Scripts.all(s), out);
    }
    if (only != null) {
      Script sc = only.equals("pass-int") ? Scripts.integerPass(s) : only.equals("pass")
          ? Scripts.pass(s) : Scripts.stages(s).get(Integer.parseInt(only));
      for (SmtSolver solver : solvers) {
        for (int g = 0; g < sc.goals().size(); g++) {
          Script one = new Script(sc.name(), sc.subject(), sc.span(), sc.base(),
              com.google.common.collect.ImmutableList.of(sc.goals().get(g)), sc.inputs(),
              sc.neurons());
          SolverResult r = solver.check(one, timeout);
          System.out.println(solver.name() + " " + sc.goals().get(g).name() + " "
              + r.verdict().label() + " " + r.millis() + " ms " + r.detail());
        }
      }
      return;
    }
    System.out.println(SmtTable.header(solvers));
    SmtTable.run(s, solvers, timeout, pass, r -> System.out.println(SmtTable.line(r)));
  }
}
