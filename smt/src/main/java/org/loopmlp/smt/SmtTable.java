package org.loopmlp.smt;

import com.google.common.collect.ImmutableList;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs every script of a subject through each solver and sets the answers beside our prover's:
 * one row per lemma (and the whole pass), with verdicts and times.
 */
public final class SmtTable {
  /** One lemma: our prover's verdict and time, and each solver's result. */
  public record Row(Script script, OurProver.Verdict ours, ImmutableList<SolverResult> solvers) {
    /** True when every solver answered unsat. */
    public boolean allUnsat() {
      return solvers.stream().allMatch(r -> r.verdict() == SolverResult.Verdict.UNSAT);
    }
  }

  private SmtTable() {}

  /** Runs the scripts; {@code progress} sees each row as it is done. */
  public static ImmutableList<Row> run(Subject s, List<SmtSolver> solvers, Duration timeout,
      boolean pass, java.util.function.Consumer<Row> progress) {
    ImmutableList<OurProver.Verdict> ours = OurProver.prove(s);
    ImmutableList<Script> scripts = pass ? Scripts.all(s) : Scripts.stages(s);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < scripts.size(); i++) {
      Script script = scripts.get(i);
      OurProver.Verdict v;
      if (script.span().isPresent()) {
        v = i < ours.size() ? ours.get(i)
            : new OurProver.Verdict(script.lemma(), false, 0, "not run: an earlier stage fails");
      } else {
        // the pass: the stage lemmas compose into one step (SPEC §9.1); the certificate checker
        // checks the composition
        boolean all = ours.size() == s.stages().size()
            && ours.stream().allMatch(OurProver.Verdict::proved);
        v = new OurProver.Verdict("pass", all,
            ours.stream().mapToLong(OurProver.Verdict::millis).sum(), "stages compose");
      }
      List<SolverResult> results = new ArrayList<>();
      for (SmtSolver solver : solvers) {
        results.add(solver.check(script, timeout));
      }
      Row row = new Row(script, v, ImmutableList.copyOf(results));
      rows.add(row);
      progress.accept(row);
    }
    return ImmutableList.copyOf(rows);
  }

  /** The table's header line. */
  public static String header(List<SmtSolver> solvers) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-36s %-14s %8s %8s %9s",
        "lemma", "size", "neurons", "prover", "ms"));
    for (SmtSolver s : solvers) {
      b.append(String.format(Locale.ROOT, " %9s %9s", shortName(s), "ms"));
    }
    return b.toString();
  }

  /** One row of the table. */
  public static String line(Row r) {
    Subject s = r.script().subject();
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-36s %-14s %8d %8s %9d",
        s.construction() + " " + r.script().lemma(), s.configLabel(), r.script().neurons(),
        r.ours().label(), r.ours().millis()));
    for (SolverResult x : r.solvers()) {
      b.append(String.format(Locale.ROOT, " %9s %9d", x.verdict().label(), x.millis()));
    }
    return b.toString();
  }

  private static String shortName(SmtSolver s) {
    String n = s.name();
    int slash = n.lastIndexOf('/');
    return slash >= 0 ? n.substring(slash + 1) : n;
  }

  /** Prints the whole table. */
  public static void print(List<Row> rows, List<SmtSolver> solvers, PrintStream out) {
    out.println(header(solvers));
    rows.forEach(r -> out.println(line(r)));
  }
}
