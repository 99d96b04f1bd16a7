package org.loopmlp.smt;

import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * One SMT-LIB 2 script: the lemma of a stage ({@code span} present) or the whole pass. The
 * {@code base} declares the inputs, the precondition and every neuron; each {@link Goal} is one
 * register's (or one bit's) part of the postcondition, checked as {@code (push 1) (assert (not
 * goal)) (check-sat) (pop 1)}: the claim holds exactly when every check answers {@code unsat}.
 * {@code inputs} are the declared state directions (their model values are a counterexample).
 */
public record Script(String name, Subject subject, Optional<Subject.Span> span, String base,
    ImmutableList<Goal> goals, ImmutableList<String> inputs, int neurons) {
  /**
   * A part of the postcondition: its name and the SMT-LIB Boolean term. {@code lemmas} is text
   * (definitions, assertions of claims already checked) added for good before this goal's scope;
   * {@code context} is text asserted inside the goal's scope only, with the negated claim.
   */
  public record Goal(String name, String claim, String lemmas, String context) {
    public Goal(String name, String claim) {
      this(name, claim, "", "");
    }

    public Goal {
      checkNotNull(lemmas, "lemmas");
      checkNotNull(context, "context");
    }
  }

  public Script {
    checkNotNull(name, "name");
    checkNotNull(subject, "subject");
    checkNotNull(span, "span");
    checkNotNull(base, "base");
    checkNotNull(goals, "goals");
  }

  /** The lemma's label: the stage and its roles, or {@code pass}. */
  public String lemma() {
    return span.map(s -> s.name() + " (" + s.roleLabel() + ")").orElse(name);
  }

  /** The file name this script is written to: {@code NN-stage.smt2} or {@code pass.smt2}. */
  public String fileName() {
    return name + ".smt2";
  }

  /**
   * The base, the lemmas of every goal up to this one, and the negation of this goal: a script
   * with one {@code check-sat}.
   */
  public String single(int goal) {
    StringBuilder t = new StringBuilder(base);
    for (int i = 0; i <= goal; i++) {
      t.append(goals.get(i).lemmas());
    }
    Goal g = goals.get(goal);
    return t.append("; goal ").append(g.name()).append('\n').append(g.context())
        .append("(assert (not ").append(g.claim())
        .append("))\n(check-sat)\n").toString();
  }

  /** The whole script: the base, then every goal checked in its own push/pop scope. */
  public String text() {
    StringBuilder t = new StringBuilder(base);
    t.append("; the postcondition, goal by goal: every check-sat must answer unsat\n");
    for (Goal g : goals) {
      t.append(g.lemmas());
      t.append("; goal ").append(g.name()).append('\n');
      t.append("(push 1)\n").append(g.context()).append("(assert (not ").append(g.claim())
          .append("))\n(check-sat)\n(pop 1)\n");
    }
    return t.append("(exit)\n").toString();
  }
}
