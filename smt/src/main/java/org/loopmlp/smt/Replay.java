package org.loopmlp.smt;

import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.construction.stage.PaperStage;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.asm.SqPrinter;
import org.loopmlp.isa.asm.SqProgram;
import org.loopmlp.prove.Witnesses;
import org.loopmlp.verify.Disagreement;
import org.loopmlp.verify.PaperTrials;
import org.loopmlp.verify.TestCase;

/**
 * A solver's {@code sat} answer brought back: the model decoded into register values, the stage's
 * layers (or the whole pass) evaluated exactly on it, and a machine step that reaches that input
 * run through the reference machine and the network in checked mode, so the fault shows in the
 * toolkit's usual form (stage, layer, direction, expected against got, the program as {@code
 * .sq}) with the command that reproduces it.
 */
public record Replay(String lemma, String goal, String failingRegister,
    ImmutableMap<String, Long> registers, String network, Optional<TestCase> step, Optional<Disagreement> disagreement,
    String command) {

  /** Replays a sat model of a paper-machine script; {@code command} reproduces it. */
  public static Replay of(Script script, SolverResult sat, String command) {
    Subject s = script.subject();
    Construction c = s.paperConstruction().orElseThrow(() -> new IllegalArgumentException(
        "the replay through a machine step is for the paper machine"));
    StateLayout layout = c.layout();
    Map<String, Long> model = sat.model().orElseThrow();
    Rational[] x = new Rational[layout.dimension()];
    for (int i = 0; i < x.length; i++) {
      x[i] = Rational.of(model.getOrDefault(layout.direction(i).name(), 0L));
    }
    ImmutableMap<String, Long> regs = registers(layout, x);
    String goal = sat.detail().startsWith("goal ") ? sat.detail().substring(5)
        .replaceFirst(":.*", "") : sat.detail();
    String net;
    Optional<TestCase> step;
    String failing = goal.contains(".bit[") ? goal.substring(0, goal.indexOf(".bit[")) : goal;
    if (script.span().isPresent()) {
      Subject.Span span = script.span().get();
      int index = s.stages().indexOf(span);
      StateVector out = RationalBackend.INSTANCE.compile(c.stageNetwork(index))
          .apply(RationalVector.of(x));
      if (goal.equals("frame")) {
        failing = frameFault(s, span, layout, x, out).orElse(goal);
      }
      net = "the stage's layers give " + describe(layout, out, failing);
      step = witness(c, span.roles(), regs, goal);
    } else {
      StateVector out = RationalBackend.INSTANCE.compile(c.network()).apply(RationalVector.of(x));
      net = "the pass gives " + describe(layout, out, goal);
      step = witness(c, List.of("FETCH"), regs, goal);
    }
    Optional<Disagreement> d = step.flatMap(t -> PaperTrials
        .ofConstruction(c, RationalBackend.INSTANCE).replay(t, true));
    return new Replay(script.lemma(), goal, failing, regs, net, step, d, command);
  }

  /** The first register of the frame (SPEC §9.1) the stage's output breaks: changed or not 0. */
  private static Optional<String> frameFault(Subject s, Subject.Span span, StateLayout layout,
      Rational[] in, StateVector out) {
    Statement st = Statement.of(s);
    java.util.Set<String> written = new java.util.HashSet<>();
    java.util.Set<String> cleared = new java.util.HashSet<>();
    for (String role : span.roles()) {
      written.addAll(st.written(role));
      cleared.addAll(st.cleared(role));
    }
    for (Register r : layout.registers()) {
      if (written.contains(r.name())) {
        continue;
      }
      for (var d : r.bits()) {
        int i = layout.indexOf(d);
        Rational want = cleared.contains(r.name()) ? Rational.ZERO : in[i];
        if (!out.get(i).equals(want)) {
          return Optional.of(r.name());
        }
      }
    }
    return Optional.empty();
  }

  private static ImmutableMap<String, Long> registers(StateLayout layout, Rational[] x) {
    ImmutableMap.Builder<String, Long> b = ImmutableMap.builder();
    for (Register r : layout.registers()) {
      List<Integer> bits = r.bits().stream()
          .map(d -> x[layout.indexOf(d)].isZero() ? 0 : 1).toList();
      b.put(r.name(), r.valueOf(bits));
    }
    return b.buildOrThrow();
  }

  private static String describe(StateLayout layout, StateVector out, String goal) {
    StringBuilder b = new StringBuilder();
    String reg = goal;
    Optional<Register> r = layout.findRegister(reg);
    if (r.isEmpty()) {
      return "(goal " + goal + ")";
    }
    b.append(reg).append(" = [");
    for (int t = r.get().width() - 1; t >= 0; t--) {
      b.append(out.get(layout.indexOf(r.get().bit(t))));
      b.append(t == 0 ? "" : " ");
    }
    return b.append("] (bits, most significant first)").toString();
  }

  /**
   * A step of the reference machine whose stage input has the model's values on the registers
   * the stage reads (the prover's own {@link Witnesses}, SPEC §9.1), for the role that decides
   * the step: write or branch when the stage runs one, else its first. Empty when none exists.
   */
  static Optional<TestCase> witness(Construction c, List<String> roles,
      Map<String, Long> in, String failing) {
    String role = roles.contains("WRITE") ? "WRITE" : roles.contains("BRANCH") ? "BRANCH"
        : roles.get(0);
    MachineConfig config = c.config();
    return Witnesses.stepFor(PaperStage.valueOf(role), c.registers(), in, failing)
        .map(w -> new TestCase(config, w.program(), w.before(), 1));
  }

  /** The program and memory of the step as {@code .sq} text. */
  public Optional<String> sqText() {
    return step.map(t -> SqPrinter.print(SqProgram.of(t.program(), t.state())));
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    b.append("counterexample from the solver: ").append(lemma).append(", goal ").append(goal)
        .append('\n');
    b.append("  stage input ").append(registers).append('\n');
    b.append("  network     ").append(network).append('\n');
    if (step.isEmpty()) {
      b.append("  no machine step reaches this stage input\n");
    } else {
      TestCase t = step.get();
      b.append("  config      ").append(t.config()).append('\n');
      b.append("  state       ").append(t.state()).append('\n');
      if (disagreement.isPresent()) {
        Disagreement d = disagreement.get();
        b.append("  executing   slot ").append(d.step().pc()).append(": ")
            .append(t.program().at(d.step().pc())).append("  (mem[a] = ").append(d.step().memA())
            .append(", mem[b] = ").append(d.step().memB()).append(", r = ")
            .append(d.step().result()).append(")\n");
        b.append("  stage       ").append(d.stage()).append(" (").append(d.kind()).append(")\n");
        b.append("  layer       ").append(d.layer()).append(" (").append(d.layerLabel())
            .append(")\n");
        b.append("  direction   ").append(d.direction()).append('\n');
        b.append("  expected    ").append(d.expected()).append('\n');
        b.append("  got         ").append(d.got()).append('\n');
      } else {
        b.append("  the step's pass agrees with the reference machine (the input is not one a"
            + " pass reaches)\n");
      }
      b.append("  program (.sq):\n");
      for (String line : sqText().orElseThrow().split("\n")) {
        b.append("    ").append(line).append('\n');
      }
    }
    b.append("  reproduce with: ").append(command).append('\n');
    return b.toString();
  }
}
