package org.loopmlp.smt;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.loopmlp.exact.SparseLayer;

/**
 * Writes a subject's stage lemmas and its whole pass as SMT-LIB 2 scripts (QF_LIA). The inputs
 * are the state directions, integers constrained to 0 or 1, and 0 where the precondition says an
 * earlier stage cleared them; each neuron is {@code (ite (> z 0) z 0)} over its exact integer
 * affine form z; the script asserts the negation of the postcondition, so {@code unsat} means
 * the lemma holds for every input its precondition admits. The postconditions come from {@link
 * Statement} (SPEC §9.1, §2.3, §3.2), never from the network.
 */
public final class Scripts {
  private Scripts() {}

  /** One script per stage, in order, then the whole pass. */
  public static ImmutableList<Script> all(Subject s) {
    ImmutableList.Builder<Script> b = ImmutableList.builder();
    b.addAll(stages(s));
    b.add(pass(s));
    return b.build();
  }

  /** The stage lemmas, each with the precondition the stages before it establish. */
  public static ImmutableList<Script> stages(Subject s) {
    Statement st = Statement.of(s);
    Set<String> zero = new LinkedHashSet<>(st.zeroAtPassStart());
    ImmutableList.Builder<Script> b = ImmutableList.builder();
    for (int i = 0; i < s.stages().size(); i++) {
      Subject.Span span = s.stages().get(i);
      b.add(stage(s, st, i, span, zero));
      for (String role : span.roles()) {
        zero.addAll(st.cleared(role));
        st.written(role).forEach(zero::remove);
      }
    }
    return b.build();
  }

  /** The whole pass against the machine's step, cut at the stage boundaries ({@link PassChain}). */
  public static Script pass(Subject s) {
    return PassChain.of(s);
  }

  /** The whole pass as one bit-vector query without cuts ({@link BvPass}), for comparison. */
  public static Script bitVectorPass(Subject s) {
    return BvPass.of(s);
  }

  /**
   * Stage {@code index}'s postcondition on the stage input a pass reaches: the input x is a
   * machine state (bits, scratch 0, the pass's precondition) and layers 0 .. the stage's last
   * run from it, so a {@code sat} model is a machine state whose pass breaks the stage's claim.
   */
  public static Script reachedStage(Subject s, int index) {
    Statement st = Statement.of(s);
    Subject.Span span = s.stages().get(index);
    StringBuilder t = header(s, "stage " + span.name() + " (" + span.roleLabel() + ") on the"
        + " input a pass reaches from a machine state", 0, span.first() + span.count());
    Registers x = Registers.of(s.stateNames(), Smt::sym);
    ImmutableList<String> inputs = declareInputs(t, s, x, new HashSet<>(st.zeroAtPassStart()));
    assertAll(t, "precondition", st.passPrecondition(x));
    int neurons = layers(t, s, 0, span.first() + span.count(), Smt::sym);
    Registers in = span.first() == 0 ? x
        : x.as(d -> Smt.sym("L" + (span.first() - 1) + " " + d));
    Statement.Defs defs = new Statement.Defs();
    List<Script.Goal> post = stageGoals(st, span, in, x.as(lastLayer(span)), defs);
    finish(t, defs);
    return new Script(REACHED + String.format(Locale.ROOT, "%02d", index + 1), s,
        Optional.of(span), t.toString(), ImmutableList.copyOf(post), inputs, neurons);
  }

  /** The name prefix of {@link #reachedStage} scripts, whose models are machine states. */
  static final String REACHED = "reached-";

  /** The whole pass against the machine's step, in integer arithmetic like the lemmas. */
  public static Script integerPass(Subject s) {
    Statement st = Statement.of(s);
    StringBuilder t = header(s, "the whole pass against one step of the machine (SPEC "
        + (s.machine() == Subject.Machine.PAPER ? "§2.3" : "§3.2") + ")", 0,
        s.network().depth());
    Registers in = Registers.of(s.stateNames(), Smt::sym);
    ImmutableList<String> inputs = declareInputs(t, s, in, new HashSet<>(st.zeroAtPassStart()));
    assertAll(t, "precondition", st.passPrecondition(in));
    int neurons = layers(t, s, 0, s.network().depth(), Smt::sym);
    String last = "L" + (s.network().depth() - 1) + " ";
    Registers out = in.as(d -> Smt.sym(last + d));
    Statement.Defs defs = new Statement.Defs();
    List<Script.Goal> post = st.passPost(in, out, defs);
    finish(t, defs);
    return new Script("pass-int", s, Optional.empty(), t.toString(), ImmutableList.copyOf(post),
        inputs, neurons);
  }

  private static Script stage(Subject s, Statement st, int index, Subject.Span span,
      Set<String> zero) {
    StringBuilder t = header(s, "stage " + span.name() + " (" + span.roleLabel()
        + "), its lemma (SPEC §9.1)", span.first(), span.count());
    Registers in = Registers.of(s.stateNames(), Smt::sym);
    ImmutableList<String> inputs = declareInputs(t, s, in, zero);
    assertAll(t, "precondition", st.precondition(span.roles(), in));
    int neurons = layers(t, s, span.first(), span.count(), Smt::sym);
    Registers out = in.as(lastLayer(span));
    Statement.Defs defs = new Statement.Defs();
    List<Script.Goal> post = stageGoals(st, span, in, out, defs);
    finish(t, defs);
    String name = String.format(Locale.ROOT, "%02d-%s", index + 1,
        span.name().replaceAll("[^A-Za-z0-9+._-]", "_"));
    return new Script(name, s, Optional.of(span), t.toString(), ImmutableList.copyOf(post),
        inputs, neurons);
  }

  /** The symbol of direction d at the stage's last layer. */
  static java.util.function.Function<String, String> lastLayer(Subject.Span span) {
    String last = "L" + (span.first() + span.count() - 1) + " ";
    return d -> Smt.sym(last + d);
  }

  /**
   * A stage's postcondition from {@code in} to {@code out} (SPEC §9.1): the frame first (every
   * register no role changes is unchanged, every cleared one is 0), then each role's goals.
   */
  static List<Script.Goal> stageGoals(Statement st, Subject.Span span, Registers in,
      Registers out, Statement.Defs defs) {
    List<Script.Goal> post = new ArrayList<>();
    List<String> frame = new ArrayList<>();
    Set<String> owned = new HashSet<>();
    for (String role : span.roles()) {
      post.addAll(st.post(role, in, out, defs));
      for (String r : st.written(role)) {
        checkArgument(owned.add(r), "two roles of %s change %s", span.name(), r);
      }
      for (String r : st.cleared(role)) {
        checkArgument(owned.add(r), "two roles of %s change %s", span.name(), r);
        frame.add(Statement.zero(out, r));
      }
    }
    for (String r : in.names()) {
      if (!owned.contains(r)) {
        frame.add(Statement.same(in, out, r));
      }
    }
    post.add(0, new Script.Goal("frame", Smt.op("and", frame)));
    return post;
  }

  static StringBuilder header(Subject s, String what, int first, int count) {
    StringBuilder t = new StringBuilder();
    t.append("; loopmlp: ").append(s.construction()).append(' ')
        .append(s.machine() == Subject.Machine.PAPER ? "N,A,C = " : "classic N,A = ")
        .append(s.configLabel()).append(", ").append(what).append(", layers ").append(first)
        .append("..").append(first + count - 1).append('\n');
    t.append("; Inputs are the state directions (bits; 0 where the precondition clears them),\n"
        + "; each neuron is ReLU(z) = (ite (> z 0) z 0) over its exact affine form z, and the\n"
        + "; negation of the postcondition is asserted: unsat means the claim holds.\n");
    t.append("(set-info :smt-lib-version 2.6)\n(set-logic QF_LIA)\n");
    return t;
  }

  static ImmutableList<String> declareInputs(StringBuilder t, Subject s, Registers in,
      Set<String> zeroRegisters) {
    Set<String> zeroDirs = new HashSet<>();
    for (String r : zeroRegisters) {
      zeroDirs.addAll(in.directions(r));
    }
    List<String> bits = new ArrayList<>();
    List<String> zeros = new ArrayList<>();
    for (String d : s.stateNames()) {
      t.append("(declare-const ").append(Smt.sym(d)).append(" Int)\n");
      (zeroDirs.contains(d) ? zeros : bits).add(d);
    }
    t.append("; bits\n(assert ").append(Smt.bits(bits.stream().map(Smt::sym).toList()))
        .append(")\n");
    t.append("; cleared by the precondition\n(assert ").append(Smt.op("and",
        zeros.stream().map(d -> Smt.eq(Smt.sym(d), "0")).toList())).append(")\n");
    return ImmutableList.copyOf(s.stateNames());
  }

  static void assertAll(StringBuilder t, String what, List<String> claims) {
    if (!claims.isEmpty()) {
      t.append("; ").append(what).append('\n');
      for (String c : claims) {
        t.append("(assert ").append(c).append(")\n");
      }
    }
  }

  /**
   * Defines every neuron of layers [first, first + count), layer {@code first} reading direction
   * d as the symbol {@code input(d)}; returns how many.
   */
  static int layers(StringBuilder t, Subject s, int first, int count,
      java.util.function.Function<String, String> input) {
    int neurons = 0;
    for (int li = first; li < first + count; li++) {
      SparseLayer l = s.network().layer(li);
      List<String> inNames = li == first ? null : s.layerNames().get(li - 1);
      List<String> outNames = s.layerNames().get(li);
      t.append("; layer ").append(li).append(": ").append(l.label()).append('\n');
      for (int r = 0; r < l.outputDimension(); r++) {
        List<String> terms = new ArrayList<>();
        if (!l.bias(r).isZero() || l.rowEnd(r) == l.rowStart(r)) {
          terms.add(Smt.num(integral(l.bias(r), li)));
        }
        for (int k = l.rowStart(r); k < l.rowEnd(r); k++) {
          int col = l.column(k);
          String x = li == first ? input.apply(s.stateNames().get(col))
              : Smt.sym("L" + (li - 1) + " " + inNames.get(col));
          org.loopmlp.exact.Rational w = integral(l.weight(k), li);
          terms.add(w.equals(org.loopmlp.exact.Rational.ONE) ? x
              : "(* " + Smt.num(w) + " " + x + ")");
        }
        String z = Smt.op("+", terms);
        t.append("(define-fun ").append(Smt.sym("L" + li + " " + outNames.get(r)))
            .append(" () Int (let ((z ").append(z).append(")) (ite (> z 0) z 0)))\n");
        neurons++;
      }
    }
    return neurons;
  }

  private static org.loopmlp.exact.Rational integral(org.loopmlp.exact.Rational w, int layer) {
    checkArgument(w.isInteger(), "layer %s has the weight %s; the scripts take integer weights",
        layer, w);
    return w;
  }

  static void finish(StringBuilder t, Statement.Defs defs) {
    t.append("; values the postcondition names, stated from SPEC\n").append(defs.text());
  }

  /** Writes every script into {@code dir} (created if needed); returns the files. */
  public static ImmutableList<Path> write(List<Script> scripts, Path dir) throws IOException {
    Files.createDirectories(dir);
    ImmutableList.Builder<Path> b = ImmutableList.builder();
    for (Script s : scripts) {
      Path p = dir.resolve(s.fileName());
      Files.writeString(p, s.text(), StandardCharsets.UTF_8);
      b.add(p);
    }
    return b.build();
  }
}
