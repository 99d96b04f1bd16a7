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
    for (int i = 2; i < args.length; i++) {
      switch (args[i]) {
        case "--solver":
          solvers.add(SmtSolver.named(args[++i]));
          break;
        case "--timeout":
          timeout = Duration.ofSeconds(Long.parseLong(args[++i]));
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
    Subject s = Subject.of(construction, sizes);
    if (out != null) {
      Scripts.write(Scripts.all(s), out);
    }
    System.out.println(SmtTable.header(solvers));
    SmtTable.run(s, solvers, timeout, r -> System.out.println(SmtTable.line(r)));
  }
}
