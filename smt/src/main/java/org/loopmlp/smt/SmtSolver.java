package org.loopmlp.smt;

import java.time.Duration;

/** Decides a {@link Script}: z3 in this process, or a solver binary such as cvc5. */
public interface SmtSolver {
  /** {@code z3}, {@code cvc5} or the binary's path. */
  String name();

  /** Runs the script with a timeout; a {@code sat} answer carries the inputs' values. */
  SolverResult check(Script script, Duration timeout);

  /**
   * The solver named on a command line: {@code z3} (in process, from Maven Central), {@code cvc5}
   * (the binary on the PATH), or a path to a binary that reads SMT-LIB 2 on its standard input.
   */
  static SmtSolver named(String name) {
    if (name.equals("z3")) {
      return new Z3Solver();
    }
    return ExternalSolver.of(name);
  }
}
