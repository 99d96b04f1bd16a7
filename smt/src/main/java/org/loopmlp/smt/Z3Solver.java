package org.loopmlp.smt;

import com.google.common.collect.ImmutableMap;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.IntNum;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import java.time.Duration;
import java.util.Optional;

/** z3 through its Java API (tools.aqua:z3-turnkey, native libraries included). */
public final class Z3Solver implements SmtSolver {
  @Override
  public String name() {
    return "z3";
  }

  /** The z3 version string, e.g. {@code 4.14.1.0}. */
  public static String version() {
    return com.microsoft.z3.Version.getString();
  }

  /**
   * Checks every goal in turn (each with the per-query timeout); the first goal that is not
   * {@code unsat} decides the answer, named in its detail.
   */
  @Override
  public SolverResult check(Script script, Duration timeout) {
    long start = System.nanoTime();
    for (int g = 0; g < script.goals().size(); g++) {
      SolverResult r = checkGoal(script, g, timeout);
      if (r.verdict() != SolverResult.Verdict.UNSAT) {
        return new SolverResult(r.verdict(), (System.nanoTime() - start) / 1_000_000, r.model(),
            "goal " + script.goals().get(g).name() + (r.detail().isEmpty() ? "" : ": "
                + r.detail()));
      }
    }
    return SolverResult.of(SolverResult.Verdict.UNSAT, (System.nanoTime() - start) / 1_000_000);
  }

  private static SolverResult checkGoal(Script script, int goal, Duration timeout) {
    long start = System.nanoTime();
    try (Context ctx = new Context()) {
      BoolExpr[] assertions = ctx.parseSMTLIB2String(script.single(goal), null, null, null,
          null);
      Solver solver = ctx.mkSolver();
      Params p = ctx.mkParams();
      p.add("timeout", (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
      solver.setParameters(p);
      solver.add(assertions);
      Status status = solver.check();
      long millis = (System.nanoTime() - start) / 1_000_000;
      switch (status) {
        case UNSATISFIABLE:
          return SolverResult.of(SolverResult.Verdict.UNSAT, millis);
        case SATISFIABLE: {
          Model m = solver.getModel();
          ImmutableMap.Builder<String, Long> values = ImmutableMap.builder();
          java.util.Map<String, Long> found = new java.util.HashMap<>();
          for (com.microsoft.z3.FuncDecl<?> f : m.getConstDecls()) {
            Expr<?> v = m.getConstInterp(f);
            if (v instanceof IntNum i) {
              found.put(f.getName().toString(), i.getInt64());
            } else if (v instanceof com.microsoft.z3.BitVecNum b) {
              found.put(f.getName().toString(), b.getLong());
            }
          }
          // an input the model leaves open may take any value of its range: 0
          for (String d : script.inputs()) {
            values.put(d, found.getOrDefault(d, 0L));
          }
          return new SolverResult(SolverResult.Verdict.SAT, millis,
              Optional.of(values.buildOrThrow()), "");
        }
        default: {
          String why = solver.getReasonUnknown();
          boolean timedOut = why != null && (why.contains("timeout") || why.contains("canceled"));
          return new SolverResult(timedOut ? SolverResult.Verdict.TIMEOUT
              : SolverResult.Verdict.UNKNOWN, millis, Optional.empty(), why == null ? "" : why);
        }
      }
    } catch (com.microsoft.z3.Z3Exception e) {
      return new SolverResult(SolverResult.Verdict.ERROR, (System.nanoTime() - start) / 1_000_000,
          Optional.empty(), String.valueOf(e.getMessage()));
    }
  }
}
