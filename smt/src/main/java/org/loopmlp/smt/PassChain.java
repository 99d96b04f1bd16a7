package org.loopmlp.smt;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The whole pass against one step of the machine (SPEC §2.3, §3.2) as one QF_LIA script, cut at
 * the stage boundaries. The input x = B0 is the state (bits, scratch 0, the pass's
 * precondition); the values B1 .. BS after each stage are declared integers, and stage k's
 * layers read B(k-1). With Inv(k) = "every direction of Bk is 0 or 1, the registers the
 * stages so far cleared are 0, and stage k+1's precondition holds" (Inv(0) is asserted of x),
 * the goals, each checked as {@code (push) hypotheses (assert (not goal)) (check-sat) (pop)}, are:
 * <ol>
 *   <li>stage k's postcondition (SPEC §9.1, stated from SPEC by {@link Statement}) between
 *       B(k-1) and the output of its last layer, under the hypothesis Inv(k-1) of B(k-1) alone;
 *       </li>
 *   <li>Inv(k) of Bk, given the postconditions of stages 1 .. k between B0 .. Bk (asserted for
 *       good after the stage goals, one stage at a time, never ahead of the Inv they feed);</li>
 *   <li>BS is the machine's step of x, register by register ({@link Statement#passPost},
 *       written from SPEC, never from the network), given all the postconditions.</li>
 * </ol>
 * Why unsat everywhere is the whole-pass claim, for every x: let bk be the network's own values
 * at the boundaries, b0 = x. Inv(0) holds of x; if Inv(k-1) holds of b(k-1), goal 1 (with B(k-1)
 * := b(k-1)) gives stage k's postcondition between b(k-1) and bk (the stage's layers applied to
 * b(k-1) are bk), and goal 2 gives Inv(k) of bk. So every postcondition holds of b0 .. bS, and
 * goal 3 gives pass(x) = bS = step(x). Each goal's hypotheses are facts already established
 * for b; leaving the other facts out can only make a goal harder to prove, never easier.
 */
final class PassChain {
  private PassChain() {}

  static Script of(Subject s) {
    Statement st = Statement.of(s);
    checkContiguous(s);
    int depth = s.network().depth();
    StringBuilder t = Scripts.header(s, "the whole pass against one step of the machine (SPEC "
        + (s.machine() == Subject.Machine.PAPER ? "§2.3" : "§3.2") + "), cut at the stage"
        + " boundaries B1..: each stage's claim under Inv of its input, each Inv from the claims"
        + " before it, the step from all the claims", 0, depth);
    Registers x = Registers.of(s.stateNames(), Smt::sym);
    ImmutableList<String> inputs = Scripts.declareInputs(t, s, x,
        new HashSet<>(st.zeroAtPassStart()));
    Scripts.assertAll(t, "precondition", st.passPrecondition(x));
    List<Function<String, String>> at = new ArrayList<>();
    at.add(Smt::sym);
    for (int k = 1; k <= s.stages().size(); k++) {
      String b = "B" + k + " ";
      at.add(d -> Smt.sym(b + d));
      t.append("; the values after stage ").append(k).append('\n');
      for (String d : s.stateNames()) {
        t.append("(declare-const ").append(Smt.sym(b + d)).append(" Int)\n");
      }
    }
    int neurons = 0;
    for (int k = 0; k < s.stages().size(); k++) {
      Subject.Span span = s.stages().get(k);
      neurons += Scripts.layers(t, s, span.first(), span.count(), at.get(k));
    }
    List<Script.Goal> goals = goals(s, st, x, at);
    return new Script("pass", s, Optional.empty(), t.toString(), ImmutableList.copyOf(goals),
        inputs, neurons);
  }

  /** The stage goals, then the invariants, then the step's goals (the order of the proof). */
  private static List<Script.Goal> goals(Subject s, Statement st, Registers x,
      List<Function<String, String>> at) {
    List<Script.Goal> goals = new ArrayList<>();
    List<Set<String>> zero = zeroAfter(s, st);
    for (int k = 0; k < s.stages().size(); k++) {
      Subject.Span span = s.stages().get(k);
      Registers in = x.as(at.get(k));
      Statement.Defs defs = new Statement.Defs("S" + (k + 1) + " ");
      List<Script.Goal> stage = Scripts.stageGoals(st, span, in, in.as(Scripts.lastLayer(span)),
          defs);
      String context = k == 0 ? "" : "; hypothesis: Inv(" + k + ") of B" + k + "\n"
          + asserted(invariant(st, in, zero.get(k), span.roles()));
      String lemmas = defs.text();
      for (Script.Goal g : stage) {
        goals.add(new Script.Goal(span.name() + ": " + g.name(), g.claim(), lemmas, context));
        lemmas = "";
      }
    }
    for (int k = 0; k < s.stages().size(); k++) {
      Subject.Span span = s.stages().get(k);
      Statement.Defs assumed = new Statement.Defs("B" + (k + 1) + " ");
      List<Script.Goal> claims = Scripts.stageGoals(st, span, x.as(at.get(k)),
          x.as(at.get(k + 1)), assumed);
      String lemmas = assumed.text() + "; proven above: the claims of stage " + span.name()
          + ", now assumed of B" + k + " and B" + (k + 1) + "\n"
          + asserted(claims.stream().map(Script.Goal::claim).toList());
      if (k + 1 < s.stages().size()) {
        List<String> inv = invariant(st, x.as(at.get(k + 1)), zero.get(k + 1),
            s.stages().get(k + 1).roles());
        goals.add(new Script.Goal("Inv(" + (k + 1) + ")", Smt.op("and", inv), lemmas, ""));
      } else {
        Statement.Defs defs = new Statement.Defs("step ");
        List<Script.Goal> step = st.passPost(x, x.as(at.get(k + 1)), defs);
        lemmas += "; the step, from SPEC\n" + defs.text();
        for (Script.Goal g : step) {
          goals.add(new Script.Goal(g.name(), g.claim(), lemmas, ""));
          lemmas = "";
        }
      }
    }
    return goals;
  }

  /** The registers 0 at the input of each stage (and after the last), as in the stage lemmas. */
  private static List<Set<String>> zeroAfter(Subject s, Statement st) {
    List<Set<String>> out = new ArrayList<>();
    Set<String> zero = new LinkedHashSet<>(st.zeroAtPassStart());
    out.add(new LinkedHashSet<>(zero));
    for (Subject.Span span : s.stages()) {
      for (String role : span.roles()) {
        zero.addAll(st.cleared(role));
        st.written(role).forEach(zero::remove);
      }
      out.add(new LinkedHashSet<>(zero));
    }
    return out;
  }

  /** Inv: every direction of b is 0 or 1, the {@code zero} registers are 0, the precondition. */
  private static List<String> invariant(Statement st, Registers b, Set<String> zero,
      List<String> roles) {
    List<String> c = new ArrayList<>();
    for (String r : b.names()) {
      c.add(zero.contains(r) ? Statement.zero(b, r) : Smt.bits(b.bits(r)));
    }
    c.addAll(st.precondition(roles, b));
    return c;
  }

  private static String asserted(List<String> claims) {
    StringBuilder t = new StringBuilder();
    for (String c : claims) {
      t.append("(assert ").append(c).append(")\n");
    }
    return t.toString();
  }

  /** The stages run the layers 0 .. depth-1 in order, each exactly once. */
  private static void checkContiguous(Subject s) {
    int next = 0;
    for (Subject.Span span : s.stages()) {
      checkArgument(span.first() == next, "stage %s starts at layer %s, not %s", span.name(),
          span.first(), next);
      next = span.first() + span.count();
    }
    checkArgument(next == s.network().depth(), "the stages end at layer %s of %s", next,
        s.network().depth());
  }
}
