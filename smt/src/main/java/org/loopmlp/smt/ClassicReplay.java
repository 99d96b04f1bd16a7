package org.loopmlp.smt;

import com.google.common.collect.ImmutableMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.construction.classic.ClassicCodec;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicPassOutput;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.asm.ClassicPrinter;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicMachine;
import org.loopmlp.isa.classic.ClassicState;

/**
 * A solver's {@code sat} answer on a classic-machine script brought back (SPEC §3.2): the model
 * decoded into the stage input's registers, the stage's layers evaluated exactly on it, and a
 * classic machine state (memory, pc, the byte offered) that reaches that stage input: the model's
 * memory, pc and input port, with the words the earlier stages read set to the operands and
 * values the model holds. That state's pass through the network is run beside the reference
 * machine's step and the first difference is named, with the image as {@code .slq} and the
 * command that reproduces it.
 */
public record ClassicReplay(String lemma, String goal, String failingRegister,
    ImmutableMap<String, Long> registers, String network, ClassicState state, int input,
    Optional<String> reaches, ClassicState reference, String networkAfter,
    Optional<String> difference, String command) {

  /** Replays a sat model of a classic script; {@code command} reproduces it. */
  public static ClassicReplay of(Script script, SolverResult sat, String command) {
    Subject s = script.subject();
    ClassicConstruction c = s.classicConstruction().orElseThrow(() ->
        new IllegalArgumentException("this replay is for the classic machine"));
    StateLayout layout = c.layout();
    Map<String, Long> model = sat.model().orElseThrow();
    Rational[] x = new Rational[layout.dimension()];
    for (int i = 0; i < x.length; i++) {
      x[i] = Rational.of(model.getOrDefault(layout.direction(i).name(), 0L));
    }
    boolean fromState = script.name().startsWith(Scripts.REACHED);
    int first = script.span().map(Subject.Span::first).orElse(0);
    if (fromState && first > 0) {
      // the model is a machine state: the stage input is what the layers before give from it
      StateVector v = RationalBackend.INSTANCE.compile(Network.of(c.network().layers()
          .subList(0, first))).apply(RationalVector.of(x));
      for (int i = 0; i < x.length; i++) {
        x[i] = v.get(i);
      }
    }
    ImmutableMap<String, Long> regs = Replay.registers(layout, x);
    ImmutableMap<String, Long> state = fromState
        ? Replay.registers(layout, stateOf(layout, model)) : regs;
    String goal = sat.detail().startsWith("goal ") ? sat.detail().substring(5)
        .replaceFirst(":.*", "") : sat.detail();
    String failing = goal.contains(".bit[") ? goal.substring(0, goal.indexOf(".bit[")) : goal;
    Network layers = script.span().map(sp -> c.stageNetwork(s.stages().indexOf(sp)))
        .orElse(c.network());
    StateVector out = RationalBackend.INSTANCE.compile(layers).apply(RationalVector.of(x));
    if (goal.equals("frame") && script.span().isPresent()) {
      failing = Replay.frameFault(s, script.span().get(), layout, x, out).orElse(goal);
    }
    String net = (script.span().isPresent() ? "the stage's layers give " : "the pass gives ")
        + Replay.describe(layout, out, failing);
    int input = regs.get("in.eof") == 1 ? ClassicMachine.END_OF_INPUT
        : regs.get("in.byte").intValue();
    ClassicState machine = fromState ? witness(s, c, state, Optional.empty())
        : witness(s, c, regs, script.span());
    ClassicCodec codec = ClassicCodec.forConstruction(c);
    Optional<String> reaches = reaches(c, codec, machine, input, first, regs);
    ClassicState reference = ClassicMachine.step(machine, input);
    StateVector after = RationalBackend.INSTANCE.compile(c.network())
        .apply(codec.encode(machine, input));
    String networkAfter;
    Optional<String> difference;
    try {
      ClassicPassOutput decoded = codec.decode(after);
      networkAfter = decoded.state().toString();
      difference = firstDifference(reference, decoded.state());
    } catch (RuntimeException e) {
      networkAfter = "not a machine state (" + e.getMessage() + ")";
      difference = Optional.of("the network's output is not a machine state");
    }
    return new ClassicReplay(script.lemma(), goal, failing, regs, net, machine, input, reaches,
        reference, networkAfter, difference, command);
  }

  private static Rational[] stateOf(StateLayout layout, Map<String, Long> model) {
    Rational[] x = new Rational[layout.dimension()];
    for (int i = 0; i < x.length; i++) {
      x[i] = Rational.of(model.getOrDefault(layout.direction(i).name(), 0L));
    }
    return x;
  }

  /**
   * The model's memory, pc and input port, with the words the stages before this one read set
   * to what the model holds after them: the operands a, b, c at pc, pc+1, pc+2 (when fetch ran
   * and the machine runs), and the values at a and b mod 2^A (when read ran and the operand is
   * not the I/O address).
   */
  private static ClassicState witness(Subject s, ClassicConstruction c, Map<String, Long> regs,
      Optional<Subject.Span> span) {
    ClassicConfig config = c.config();
    long[] memory = new long[config.memorySize()];
    for (int i = 0; i < memory.length; i++) {
      memory[i] = regs.get("mem[" + i + "]");
    }
    long pc = regs.get("pc");
    Set<String> before = new HashSet<>();
    for (Subject.Span sp : s.stages()) {
      if (span.isEmpty() || sp.equals(span.get())) {
        break;
      }
      before.addAll(sp.roles());
    }
    int size = memory.length;
    if (before.contains("FETCH") && regs.get("run") == 1) {
      memory[(int) pc] = regs.get("ra");
      memory[(int) pc + 1] = regs.get("rb");
      memory[(int) pc + 2] = regs.get("rc");
    }
    if (before.contains("READ") && regs.get("run") == 1) {
      if (regs.get("io_a") == 0) {
        memory[(int) Math.floorMod(regs.get("ra"), (long) size)] = regs.get("va");
        memory[(int) Math.floorMod(regs.get("rb"), (long) size)] = regs.get("vb");
      }
    }
    return ClassicState.of(config, memory, pc);
  }

  /**
   * Empty when the network's layers before {@code first}, from the state, give the model's
   * stage input on every register; else the first register that differs.
   */
  private static Optional<String> reaches(ClassicConstruction c, ClassicCodec codec,
      ClassicState state, int input, int first, Map<String, Long> regs) {
    StateVector v = codec.encode(state, input);
    if (first > 0) {
      v = RationalBackend.INSTANCE.compile(Network.of(c.network().layers().subList(0, first)))
          .apply(v);
    }
    for (Register r : c.layout().registers()) {
      long got = codec.read(v, r);
      if (got != regs.get(r.name())) {
        return Optional.of(r.name() + " is " + got + " there, the model has "
            + regs.get(r.name()));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> firstDifference(ClassicState want, ClassicState got) {
    if (want.pc() != got.pc()) {
      return Optional.of("pc: reference " + want.pc() + ", network " + got.pc());
    }
    long[] w = want.memory();
    long[] g = got.memory();
    for (int i = 0; i < w.length; i++) {
      if (w[i] != g[i]) {
        return Optional.of("mem[" + i + "]: reference " + w[i] + ", network " + g[i]);
      }
    }
    return Optional.empty();
  }

  /** The state's memory as a {@code .slq} image, pc and input in its comment lines. */
  public String slqText() {
    List<String> notes = new ArrayList<>();
    notes.add("pc " + state.pc() + ", input " + (input == ClassicMachine.END_OF_INPUT
        ? "end of input" : "byte " + input) + " (from the solver's model)");
    return ClassicPrinter.slq(state.config(), state.memory(), notes);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    b.append("counterexample from the solver: ").append(lemma).append(", goal ").append(goal)
        .append('\n');
    b.append("  stage input ").append(registers).append('\n');
    b.append("  network     ").append(network).append('\n');
    b.append("  config      ").append(state.config()).append('\n');
    b.append("  state       ").append(state).append(", input ").append(input).append('\n');
    b.append("  reaches     ").append(reaches.map(r -> "no: " + r)
        .orElse("yes: the earlier stages give the model's stage input from this state"))
        .append('\n');
    b.append("  reference   ").append(reference).append('\n');
    b.append("  network     ").append(networkAfter).append('\n');
    b.append("  difference  ").append(difference.orElse("none: the pass agrees with the"
        + " reference machine on this state")).append('\n');
    b.append("  memory (.slq):\n");
    for (String line : slqText().split("\n")) {
      b.append("    ").append(line).append('\n');
    }
    b.append("  reproduce with: ").append(command).append('\n');
    return b.toString();
  }
}
