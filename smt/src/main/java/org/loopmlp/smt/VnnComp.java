package org.loopmlp.smt;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.loopmlp.construction.Construction;
import org.loopmlp.construction.Register;
import org.loopmlp.construction.StateLayout;
import org.loopmlp.construction.classic.ClassicConstruction;
import org.loopmlp.construction.classic.ClassicRole;
import org.loopmlp.construction.classic.ClassicStepContext;
import org.loopmlp.construction.stage.StageLemma;
import org.loopmlp.construction.stage.PaperStep;
import org.loopmlp.construction.stage.PaperStep;
import org.loopmlp.exact.Network;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.RationalBackend;
import org.loopmlp.exact.RationalVector;
import org.loopmlp.exact.SparseLayer;
import org.loopmlp.exact.StateVector;
import org.loopmlp.isa.Instruction;
import org.loopmlp.isa.MachineConfig;
import org.loopmlp.isa.MachineState;
import org.loopmlp.isa.Program;
import org.loopmlp.isa.classic.ClassicConfig;
import org.loopmlp.isa.classic.ClassicState;
import org.loopmlp.onnx.OnnxElementType;
import org.loopmlp.onnx.OnnxExport;
import org.loopmlp.onnx.WeightLayout;

/**
 * A VNN-COMP benchmark of the constructions: {@code onnx/*.onnx} (one stage's layers each,
 * MatMul, Add and Relu only), {@code vnnlib/*.vnnlib} (VNN-LIB 1.0: an input box and the
 * violation of output constraints), {@code instances.csv} (network, property, timeout) and
 * {@code expected_answers.csv}, with the violating input of each violated instance in {@code
 * counterexamples/}.
 *
 * <p>An instance is a stage input drawn from a reference step (SPEC §9.1: the precondition's
 * vector for that step), with the registers the stage's roles read fixed to their values (the
 * control bits the prover splits on, and the data the outputs are made of), every register an
 * earlier stage cleared fixed to 0, and every other direction a real interval [0, 1]; the
 * property is that each output the roles write lies within 1/2 of the bit the postcondition
 * gives it. Each instance is decided here by exact interval arithmetic over the box (holds when
 * every constrained output's range lies inside its band) or by exact evaluation at its violating
 * input, and again by z3 on the VNN-LIB file itself with the network's equations added; an
 * instance the two cannot both decide is left out.
 */
public final class VnnComp {
  /** Seconds a verifier gets per instance in {@code instances.csv}. */
  public static final int TIMEOUT = 60;

  /** One instance: its files, the stage network, the box, the constrained outputs. */
  public record Instance(String name, String onnx, Network network, Rational[] lower,
      Rational[] upper, int[] outputs, long[] expected, boolean holds,
      Optional<Rational[]> violating, String what) {
    public String vnnlib() {
      return name + ".vnnlib";
    }
  }

  /** A checked benchmark: the instances, and per instance z3's verdict and time. */
  public record Checked(Instance instance, String ours, SolverResult z3) {
    public boolean agrees() {
      String want = instance.holds() ? "holds" : "violated";
      return ours.equals(want) && z3.verdict() == (instance.holds() ? SolverResult.Verdict.UNSAT
          : SolverResult.Verdict.SAT);
    }
  }

  private VnnComp() {}

  /**
   * The benchmark of the issue: (8,4,4) paper and narrow, classic (8,4), and violated instances
   * from the fault fixtures and seeded mutants; {@code perStage} drawn steps per stage.
   */
  public static ImmutableList<Instance> standard(int n, int a, int c, int classicA, int perStage,
      int mutants, long seed) {
    List<Instance> all = new ArrayList<>();
    MachineConfig config = MachineConfig.of(n, a, c);
    Random rnd = new Random(seed);
    for (String name : List.of("paper", "narrow")) {
      Construction k = org.loopmlp.construction.Constructions.build(name, config);
      all.addAll(paper(k, name + "_" + n + "_" + a + "_" + c, perStage, rnd, true));
    }
    ClassicConstruction cc = ClassicConstruction.build(ClassicConfig.of(n, classicA));
    all.addAll(classic(cc, "classic_" + n + "_" + classicA, perStage, rnd));
    for (var f : org.loopmlp.verify.FaultyConstructions.all().entrySet()) {
      Construction faulty = f.getValue().apply(config);
      all.addAll(violated(faulty, f.getKey().replace('-', '_') + "_" + n + "_" + a + "_" + c,
          -1));
    }
    Construction paper = org.loopmlp.construction.Constructions.build("paper", config);
    List<org.loopmlp.verify.MutationCampaign.Mutant> ms =
        new ArrayList<>(org.loopmlp.verify.MutationCampaign.mutants(paper));
    java.util.Collections.shuffle(ms, new Random(seed));
    int found = 0;
    for (int i = 0; i < ms.size() && found < mutants; i++) {
      var m = ms.get(i);
      Construction mutated = org.loopmlp.verify.MutationCampaign.apply(paper, m);
      List<Instance> v = violated(mutated, "mutant" + m.id() + "_" + n + "_" + a + "_" + c,
          m.layer());
      if (!v.isEmpty()) {
        all.addAll(v);
        found++;
      }
    }
    return ImmutableList.copyOf(all);
  }

  // ---- instances of the paper machine -------------------------------------------------------

  private static List<Instance> paper(Construction k, String prefix, int perStage, Random rnd,
      boolean holds) {
    List<Instance> out = new ArrayList<>();
    MachineConfig config = k.config();
    Statement st = Statement.of(Subject.paper(k));
    Set<String> zero = new LinkedHashSet<>(st.zeroAtPassStart());
    for (int si = 0; si < k.lemmas().size(); si++) {
      StageLemma<PaperStep> lemma = k.lemmas().get(si);
      List<String> roles = lemma.paperStages().stream().map(Enum::name).toList();
      Network net = k.stageNetwork(si);
      String onnx = prefix + "_" + (si + 1) + "_" + clean(lemma.name()) + ".onnx";
      for (int j = 0; j < perStage; j++) {
        PaperStep step = PaperStep.of(randomProgram(config, rnd), randomState(config, rnd));
        RationalVector in = lemma.precondition().expectedVector(k.layout(), step);
        RationalVector post = lemma.postcondition().expectedVector(k.layout(), step);
        Instance inst = instance(prefix + "_" + (si + 1) + "_" + clean(lemma.name()) + "_" + j,
            onnx, net, k.layout(), in, post, paperReads(roles, k.layout(), in),
            paperWrites(roles, k.layout(), in), zero, holds, Optional.empty(),
            "stage " + lemma.name() + " on " + step.before() + " at slot "
                + step.detail().pc());
        out.add(inst);
      }
      for (String role : roles) {
        zero.addAll(st.cleared(role));
        st.written(role).forEach(zero::remove);
      }
    }
    return out;
  }

  /**
   * Violated instances of a faulty paper network: the prover's counterexample, where a reference
   * step reaches it, on the stage holding {@code layer} (any failing stage when negative).
   */
  private static List<Instance> violated(Construction k, String prefix, int layer) {
    var report = org.loopmlp.prove.Prover.prove(k, org.loopmlp.prove.ProgressListener.NONE);
    Statement st = Statement.of(Subject.paper(k));
    Set<String> zero = new LinkedHashSet<>(st.zeroAtPassStart());
    for (int si = 0; si < k.lemmas().size(); si++) {
      StageLemma<PaperStep> lemma = k.lemmas().get(si);
      List<String> roles = lemma.paperStages().stream().map(Enum::name).toList();
      var proof = report.stages().get(si);
      boolean here = layer < 0 || lemma.contains(layer);
      if (here && proof.counterexample().isPresent()
          && proof.counterexample().get().reference().isPresent()) {
        var ref = proof.counterexample().get().reference().get();
        PaperStep step = PaperStep.of(ref.program(), ref.before());
        RationalVector in = lemma.precondition().expectedVector(k.layout(), step);
        RationalVector post = lemma.postcondition().expectedVector(k.layout(), step);
        String onnx = prefix + "_" + (si + 1) + "_" + clean(lemma.name()) + ".onnx";
        // the register the prover's counterexample names is fixed and constrained too
        String d = proof.counterexample().get().direction();
        String failing = d.contains(".bit[") ? d.substring(0, d.indexOf(".bit[")) : d;
        Set<String> reads = paperReads(roles, k.layout(), in);
        Set<String> writes = paperWrites(roles, k.layout(), in);
        if (!writes.contains(failing)) {
          reads.add(failing);
          writes.add(failing);
        }
        Instance inst = instance(prefix + "_" + (si + 1) + "_" + clean(lemma.name()), onnx,
            k.stageNetwork(si), k.layout(), in, post, reads, writes, zero, false,
            Optional.of(values(in)),
            "fault in stage " + lemma.name() + ": " + proof.counterexample().get().summary());
        return List.of(inst);
      }
      for (String role : roles) {
        zero.addAll(st.cleared(role));
        st.written(role).forEach(zero::remove);
      }
    }
    return List.of();
  }

  private static Program randomProgram(MachineConfig c, Random rnd) {
    List<Instruction> slots = new ArrayList<>();
    for (int q = 0; q < c.codeSize(); q++) {
      slots.add(Instruction.of(rnd.nextInt(c.dataSize()), rnd.nextInt(c.dataSize()),
          rnd.nextInt(c.codeSize())));
    }
    return Program.ofSlots(c, slots, 0);
  }

  private static MachineState randomState(MachineConfig c, Random rnd) {
    long[] mem = new long[c.dataSize()];
    long half = 1L << (c.wordBits() - 1);
    for (int i = 0; i < mem.length; i++) {
      // small values, extremes and zero are likely: the branch and the wrap are exercised
      int kind = rnd.nextInt(4);
      mem[i] = kind == 0 ? 0 : kind == 1 ? (rnd.nextBoolean() ? half - 1 : -half)
          : rnd.nextLong(-half, half);
    }
    return MachineState.of(c, mem, rnd.nextInt(c.codeSize()));
  }

  private static Set<String> paperReads(List<String> roles, StateLayout l, StateVector in) {
    Set<String> r = new LinkedHashSet<>();
    for (String role : roles) {
      switch (role) {
        case "FETCH": {
          long pc = value(l, in, "pc");
          r.add("pc");
          for (String f : List.of("a", "b", "c")) {
            r.add("code[" + pc + "]." + f);
          }
          break;
        }
        case "NEXT_PC":
          r.add("pc");
          break;
        case "READ":
          r.add("ra");
          r.add("rb");
          r.add("mem[" + value(l, in, "ra") + "]");
          r.add("mem[" + value(l, in, "rb") + "]");
          break;
        case "SUBTRACT":
          r.add("va");
          r.add("vb");
          break;
        case "WRITE":
          r.add("rb");
          r.add("r");
          r.add("mem[" + value(l, in, "rb") + "]");
          break;
        case "BRANCH":
          r.add("r");
          r.add("rc");
          r.add("pc1");
          break;
        default:
          throw new IllegalArgumentException(role);
      }
    }
    return r;
  }

  private static Set<String> paperWrites(List<String> roles, StateLayout l, StateVector in) {
    Set<String> w = new LinkedHashSet<>();
    for (String role : roles) {
      switch (role) {
        case "FETCH" -> w.addAll(List.of("ra", "rb", "rc"));
        case "NEXT_PC" -> w.add("pc1");
        case "READ" -> w.addAll(List.of("va", "vb"));
        case "SUBTRACT" -> w.add("r");
        case "WRITE" -> w.add("mem[" + value(l, in, "rb") + "]");
        case "BRANCH" -> w.add("pc");
        default -> throw new IllegalArgumentException(role);
      }
    }
    return w;
  }

  // ---- instances of the classic machine -----------------------------------------------------

  private static List<Instance> classic(ClassicConstruction k, String prefix, int perStage,
      Random rnd) {
    List<Instance> out = new ArrayList<>();
    ClassicConfig config = k.config();
    Statement st = Statement.of(Subject.classic(k));
    Set<String> zero = new LinkedHashSet<>(st.zeroAtPassStart());
    int n = config.wordBits();
    int size = config.memorySize();
    for (int si = 0; si < k.lemmas().size(); si++) {
      StageLemma<ClassicStepContext> lemma = k.lemmas().get(si);
      List<String> roles = ClassicRole.of(lemma).stream().map(Enum::name).toList();
      Network net = k.stageNetwork(si);
      String onnx = prefix + "_" + (si + 1) + "_" + clean(lemma.name()) + ".onnx";
      for (int j = 0; j < perStage; j++) {
        long[] mem = new long[size];
        long half = 1L << (n - 1);
        for (int i = 0; i < size; i++) {
          int kind = rnd.nextInt(5);
          mem[i] = kind == 0 ? -1 : kind == 1 ? 0 : rnd.nextLong(-half, half);
        }
        long pc = rnd.nextInt(size);
        ClassicState before = ClassicState.of(config, mem, pc);
        int input = rnd.nextInt(4) == 0 ? -1 : rnd.nextInt(256);
        ClassicStepContext step = ClassicStepContext.of(before, input);
        RationalVector in = lemma.precondition().expectedVector(k.layout(), step);
        RationalVector post = lemma.postcondition().expectedVector(k.layout(), step);
        StateLayout l = k.layout();
        Set<String> reads = new LinkedHashSet<>();
        Set<String> writes = new LinkedHashSet<>();
        long t = Math.min(1L << (n - 1), size - 2L);
        for (String role : roles) {
          switch (role) {
            case "FETCH": {
              long u = unsigned(l, in, "pc");
              reads.add("pc");
              if (u < t) {
                for (int f = 0; f < 3; f++) {
                  reads.add("mem[" + (u + f) + "]");
                }
              }
              writes.addAll(List.of("ra", "rb", "rc", "run", "io_a", "io_b"));
              break;
            }
            case "NEXT_PC":
              reads.add("pc");
              writes.add("p3");
              break;
            case "READ":
              reads.addAll(List.of("ra", "rb", "io_a", "io_b", "in.eof", "in.byte"));
              reads.add("mem[" + Math.floorMod(value(l, in, "ra"), size) + "]");
              reads.add("mem[" + Math.floorMod(value(l, in, "rb"), size) + "]");
              writes.addAll(List.of("va", "vb"));
              break;
            case "DECODE":
              reads.addAll(List.of("run", "io_a", "io_b"));
              writes.addAll(List.of("op.sub", "op.in", "op.out", "op.echo"));
              break;
            case "SUBTRACT":
              reads.addAll(List.of("va", "vb", "op.sub"));
              writes.addAll(List.of("r", "br"));
              break;
            case "IO":
              reads.addAll(List.of("op.sub", "op.in", "op.out", "op.echo", "va", "in.byte",
                  "in.eof"));
              writes.addAll(List.of("in.taken", "out.byte", "out.valid", "executed"));
              break;
            case "WRITE": {
              String cell = "mem[" + Math.floorMod(value(l, in, "rb"), size) + "]";
              reads.addAll(List.of("op.sub", "op.in", "rb", "r", cell));
              writes.add(cell);
              break;
            }
            case "BRANCH":
              reads.addAll(List.of("op.sub", "op.in", "op.out", "op.echo", "br", "rc", "p3",
                  "pc"));
              writes.add("pc");
              break;
            default:
              throw new IllegalArgumentException(role);
          }
        }
        out.add(instance(prefix + "_" + (si + 1) + "_" + clean(lemma.name()) + "_" + j, onnx,
            net, l, in, post, reads, writes, zero, true, Optional.empty(),
            "stage " + lemma.name() + " on pc=" + pc + ", input " + input));
      }
      for (String role : roles) {
        zero.addAll(st.cleared(role));
        st.written(role).forEach(zero::remove);
      }
    }
    return out;
  }

  // ---- common ---------------------------------------------------------------------------------

  private static Instance instance(String name, String onnx, Network net, StateLayout layout,
      RationalVector in, RationalVector post, Set<String> reads, Set<String> writes,
      Set<String> zero, boolean holds, Optional<Rational[]> violating, String what) {
    int d = layout.dimension();
    Rational[] lo = new Rational[d];
    Rational[] hi = new Rational[d];
    for (int i = 0; i < d; i++) {
      lo[i] = Rational.ZERO;
      hi[i] = Rational.ONE;
    }
    for (Register r : layout.registers()) {
      boolean fixed = reads.contains(r.name());
      boolean cleared = zero.contains(r.name());
      for (var dir : r.bits()) {
        int i = layout.indexOf(dir);
        if (fixed) {
          lo[i] = in.get(i);
          hi[i] = in.get(i);
        } else if (cleared) {
          hi[i] = Rational.ZERO;
        }
      }
    }
    List<Integer> outs = new ArrayList<>();
    List<Long> want = new ArrayList<>();
    for (String w : writes) {
      for (var dir : layout.register(w).bits()) {
        int i = layout.indexOf(dir);
        outs.add(i);
        want.add(post.get(i).longValueExact());
      }
    }
    return new Instance(name, onnx, net, lo, hi, outs.stream().mapToInt(x -> x).toArray(),
        want.stream().mapToLong(x -> x).toArray(), holds, violating, what);
  }

  private static Rational[] values(StateVector v) {
    Rational[] x = new Rational[v.dimension()];
    for (int i = 0; i < x.length; i++) {
      x[i] = v.get(i);
    }
    return x;
  }

  private static long value(StateLayout l, StateVector v, String register) {
    Register r = l.register(register);
    return r.valueOf(r.bits().stream().map(d -> v.get(l.indexOf(d)).isZero() ? 0 : 1).toList());
  }

  private static long unsigned(StateLayout l, StateVector v, String register) {
    Register r = l.register(register);
    long u = 0;
    for (int t = 0; t < r.width(); t++) {
      u |= (v.get(l.indexOf(r.bit(t))).isZero() ? 0L : 1L) << t;
    }
    return u;
  }

  private static String clean(String s) {
    return s.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("_+$", "");
  }

  // ---- deciding ---------------------------------------------------------------------------------

  /**
   * Our decision, in exact rationals: {@code holds} when interval arithmetic over the box puts
   * every constrained output strictly within 1/2 of its bit; {@code violated} when the network
   * at the recorded violating input (which lies in the box) leaves some output 1/2 or more from
   * its bit; else {@code undecided}.
   */
  public static String decide(Instance x) {
    Rational half = Rational.of(1, 2);
    if (x.violating().isPresent()) {
      Rational[] v = x.violating().get();
      for (int i = 0; i < v.length; i++) {
        if (v[i].compareTo(x.lower()[i]) < 0 || v[i].compareTo(x.upper()[i]) > 0) {
          return "undecided";
        }
      }
      StateVector y = RationalBackend.INSTANCE.compile(x.network()).apply(RationalVector.of(v));
      for (int k = 0; k < x.outputs().length; k++) {
        Rational diff = y.get(x.outputs()[k]).subtract(Rational.of(x.expected()[k]));
        if (diff.signum() < 0 ? diff.negate().compareTo(half) >= 0 : diff.compareTo(half) >= 0) {
          return "violated";
        }
      }
      return "undecided";
    }
    Rational[] lo = x.lower().clone();
    Rational[] hi = x.upper().clone();
    for (SparseLayer l : x.network().layers()) {
      Rational[] nlo = new Rational[l.outputDimension()];
      Rational[] nhi = new Rational[l.outputDimension()];
      for (int r = 0; r < l.outputDimension(); r++) {
        Rational a = l.bias(r);
        Rational b = l.bias(r);
        for (int k = l.rowStart(r); k < l.rowEnd(r); k++) {
          Rational w = l.weight(k);
          int c = l.column(k);
          a = a.add(w.multiply(w.signum() > 0 ? lo[c] : hi[c]));
          b = b.add(w.multiply(w.signum() > 0 ? hi[c] : lo[c]));
        }
        nlo[r] = a.signum() > 0 ? a : Rational.ZERO;
        nhi[r] = b.signum() > 0 ? b : Rational.ZERO;
      }
      lo = nlo;
      hi = nhi;
    }
    for (int k = 0; k < x.outputs().length; k++) {
      Rational want = Rational.of(x.expected()[k]);
      if (lo[x.outputs()[k]].compareTo(want.subtract(half)) <= 0
          || hi[x.outputs()[k]].compareTo(want.add(half)) >= 0) {
        return "undecided";
      }
    }
    return "holds";
  }

  // ---- files --------------------------------------------------------------------------------

  /** The VNN-LIB 1.0 text of an instance: declarations, the input box, the violation. */
  public static String vnnlib(Instance x) {
    StringBuilder b = new StringBuilder();
    b.append("; loopmlp VNN-COMP instance ").append(x.name()).append('\n');
    b.append("; ").append(x.what().replace('\n', ' ')).append('\n');
    b.append("; expected: ").append(x.holds() ? "unsat (the property holds)"
        : "sat (violated)").append('\n');
    int d = x.lower().length;
    for (int i = 0; i < d; i++) {
      b.append("(declare-const X_").append(i).append(" Real)\n");
    }
    for (int i = 0; i < x.network().outputDimension(); i++) {
      b.append("(declare-const Y_").append(i).append(" Real)\n");
    }
    b.append("; the input box\n");
    for (int i = 0; i < d; i++) {
      b.append("(assert (>= X_").append(i).append(' ').append(real(x.lower()[i])).append("))\n");
      b.append("(assert (<= X_").append(i).append(' ').append(real(x.upper()[i])).append("))\n");
    }
    b.append("; unsafe: some constrained output 1/2 or more away from its bit\n(assert (or");
    for (int k = 0; k < x.outputs().length; k++) {
      long v = x.expected()[k];
      b.append("\n  (and (<= Y_").append(x.outputs()[k]).append(' ').append(decimal(v, -0.5))
          .append("))");
      b.append("\n  (and (>= Y_").append(x.outputs()[k]).append(' ').append(decimal(v, 0.5))
          .append("))");
    }
    return b.append("\n))\n").toString();
  }

  private static String real(Rational r) {
    return r.isZero() ? "0.0" : r.equals(Rational.ONE) ? "1.0" : r.toString() + ".0";
  }

  private static String decimal(long v, double delta) {
    double x = v + delta;
    return x < 0 ? "(- " + (-x) + ")" : Double.toString(x);
  }

  /**
   * The instance for z3: its VNN-LIB text (declarations, box and violation as written) plus the
   * network's equations for the constrained outputs over the reals.
   */
  static Script z3Query(Instance x, Subject subject) {
    StringBuilder t = new StringBuilder(vnnlib(x));
    Network net = x.network();
    Set<Integer> needed = new LinkedHashSet<>();
    for (int o : x.outputs()) {
      needed.add(o);
    }
    for (int li = 0; li < net.depth(); li++) {
      SparseLayer l = net.layer(li);
      for (int r = 0; r < l.outputDimension(); r++) {
        List<String> terms = new ArrayList<>();
        terms.add(realNum(l.bias(r)));
        for (int k = l.rowStart(r); k < l.rowEnd(r); k++) {
          String in = li == 0 ? "X_" + l.column(k) : "H" + (li - 1) + "_" + l.column(k);
          terms.add("(* " + realNum(l.weight(k)) + " " + in + ")");
        }
        t.append("(define-fun H").append(li).append('_').append(r).append(" () Real (let ((z ")
            .append(Smt.op("+", terms)).append(")) (ite (> z 0.0) z 0.0)))\n");
      }
    }
    List<String> eqs = new ArrayList<>();
    for (int o : needed) {
      eqs.add("(= Y_" + o + " H" + (net.depth() - 1) + "_" + o + ")");
    }
    List<String> inputs = new ArrayList<>();
    return new Script(x.name(), subject, Optional.empty(), t.append("(assert ")
        .append(Smt.op("and", eqs)).append(")\n").toString(),
        ImmutableList.of(new Script.Goal("property", "false")), ImmutableList.copyOf(inputs),
        0);
  }

  private static String realNum(Rational r) {
    String s = r.isInteger() ? r.numerator().abs() + ".0"
        : "(/ " + r.numerator().abs() + ".0 " + r.denominator() + ".0)";
    return r.signum() < 0 ? "(- " + s + ")" : s;
  }

  /**
   * Writes the benchmark into {@code dir}, checking every instance as it goes (our decision, z3
   * with {@code timeout}, the VNN-LIB file parsed back); returns the checks.
   */
  public static ImmutableList<Checked> write(List<Instance> instances, Subject any, Path dir,
      Duration timeout, Consumer<Checked> progress) throws IOException {
    Files.createDirectories(dir.resolve("onnx"));
    Files.createDirectories(dir.resolve("vnnlib"));
    Files.createDirectories(dir.resolve("counterexamples"));
    // an instance our exact check cannot decide is left out (see the class comment)
    List<Instance> kept = new ArrayList<>();
    List<String> ours = new ArrayList<>();
    for (Instance x : instances) {
      String d = decide(x);
      if (!d.equals("undecided")) {
        kept.add(x);
        ours.add(d);
      }
    }
    Map<String, Network> networks = new LinkedHashMap<>();
    for (Instance x : kept) {
      networks.putIfAbsent(x.onnx(), x.network());
    }
    for (var e : networks.entrySet()) {
      var model = OnnxExport.model(e.getValue(), OnnxExport.Options.of(OnnxElementType.FLOAT32)
          .withLayout(WeightLayout.DENSE));
      OnnxExport.write(model, dir.resolve("onnx").resolve(e.getKey()));
    }
    StringBuilder csv = new StringBuilder();
    StringBuilder answers = new StringBuilder("onnx,vnnlib,expected,violating_input\n");
    Z3Solver z3 = new Z3Solver();
    List<Checked> checked = new ArrayList<>();
    for (int xi = 0; xi < kept.size(); xi++) {
      Instance x = kept.get(xi);
      String text = vnnlib(x);
      Path file = dir.resolve("vnnlib").resolve(x.vnnlib());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      VnnLib.Parsed back = VnnLib.parse(Files.readString(file, StandardCharsets.UTF_8));
      back.requireSame(x);
      SolverResult r = z3.check(z3Query(x, any), timeout);
      Checked c = new Checked(x, ours.get(xi), r);
      checked.add(c);
      progress.accept(c);
      csv.append("onnx/").append(x.onnx()).append(",vnnlib/").append(x.vnnlib()).append(',')
          .append(TIMEOUT).append('\n');
      String cex = "";
      if (x.violating().isPresent()) {
        cex = "counterexamples/" + x.name() + ".txt";
        Files.writeString(dir.resolve(cex), counterexample(x), StandardCharsets.UTF_8);
      }
      answers.append("onnx/").append(x.onnx()).append(",vnnlib/").append(x.vnnlib()).append(',')
          .append(x.holds() ? "unsat" : "sat").append(',').append(cex).append('\n');
    }
    Files.writeString(dir.resolve("instances.csv"), csv, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("expected_answers.csv"), answers, StandardCharsets.UTF_8);
    return ImmutableList.copyOf(checked);
  }

  /** The violating input and the network's output there, in the VNN-COMP witness form. */
  private static String counterexample(Instance x) {
    Rational[] v = x.violating().orElseThrow();
    StateVector y = RationalBackend.INSTANCE.compile(x.network()).apply(RationalVector.of(v));
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < v.length; i++) {
      b.append("(X_").append(i).append(' ').append(real(v[i])).append(")\n");
    }
    for (int i = 0; i < y.dimension(); i++) {
      b.append("(Y_").append(i).append(' ').append(y.get(i)).append(".0)\n");
    }
    return b.append(")\n").toString();
  }

  /** One line per checked instance. */
  public static String line(Checked c) {
    return String.format(Locale.ROOT, "%-58s expected %-8s ours %-9s z3 %-7s %6d ms %s",
        c.instance().name(), c.instance().holds() ? "holds" : "violated", c.ours(),
        c.z3().verdict().label(), c.z3().millis(), c.agrees() ? "" : "DISAGREES");
  }
}
