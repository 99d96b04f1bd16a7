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
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--solver":
          solvers.add(SmtSolver.named(args[++i]));
          break;
        case "--timeout":
          timeout = Duration.ofSeconds(Long.parseLong(args[++i]));
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
    SmtTable.run(s, solvers, timeout, r -> System.out.println(SmtTable.line(r)));
  }
}
