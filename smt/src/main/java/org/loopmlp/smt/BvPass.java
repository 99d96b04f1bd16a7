package org.loopmlp.smt;

import com.google.common.collect.ImmutableList;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;
import org.loopmlp.exact.Rational;
import org.loopmlp.exact.SparseLayer;

/**
 * The whole pass as a bit-vector query (QF_BV): each state direction is a 1-bit input, the
 * network runs on W-bit two's complement integers with W chosen so that no partial sum of any
 * neuron can overflow (interval bounds from the inputs' 0/1 range, so the bit-vector arithmetic
 * equals the exact integer arithmetic on every input), each neuron is {@code (ite (bvsgt z 0) z
 * 0)}, and the machine's step is written natively in N-bit words from SPEC §2.3 (paper) or §3.2
 * (classic): subtraction wraps as {@code bvsub} does. The query asserts that some output
 * direction differs from the bit the step gives it: {@code unsat} means one pass is one step.
 */
final class BvPass {
  private BvPass() {}

  static Script of(Subject s) {
    int w = width(s);
    StringBuilder t = new StringBuilder();
    t.append("; loopmlp: ").append(s.construction()).append(' ')
        .append(s.machine() == Subject.Machine.PAPER ? "N,A,C = " : "classic N,A = ")
        .append(s.configLabel()).append(", the whole pass against one step of the machine (SPEC ")
        .append(s.machine() == Subject.Machine.PAPER ? "§2.3" : "§3.2").append(")\n");
    t.append("; Inputs are the state directions (1-bit vectors; 0 where a pass starts with 0);\n"
        + "; the network runs on " + w + "-bit integers, wide enough that no partial sum of any\n"
        + "; neuron overflows, each neuron ReLU(z) = (ite (bvsgt z 0) z 0); the step is written\n"
        + "; in N-bit words. unsat means one pass equals one step on every state.\n");
    t.append("(set-info :smt-lib-version 2.6)\n(set-logic QF_BV)\n");
    Statement st = Statement.of(s);
    List<String> zero = new ArrayList<>();
    Registers regs = Registers.of(s.stateNames(), Smt::sym);
    st.zeroAtPassStart().forEach(r -> zero.addAll(regs.directions(r)));
    for (String d : s.stateNames()) {
      t.append("(declare-const ").append(Smt.sym(d)).append(" (_ BitVec 1))\n");
    }
    List<String> zeros = zero.stream().map(d -> "(= " + Smt.sym(d) + " #b0)").toList();
    t.append("; zero at the start of a pass\n(assert ").append(Smt.op("and", zeros))
        .append(")\n");
    Words in = new Words(regs);
    if (s.machine() == Subject.Machine.CLASSIC) {
      // the host offers byte 0 at end of input
      t.append("(assert (=> (= ").append(in.word("in.eof")).append(" #b1) (= ")
          .append(in.word("in.byte")).append(" #x00)))\n");
    }
    int neurons = appendNetwork(t, s, w);
    t.append("; the step, from SPEC\n");
    StringBuilder defs = new StringBuilder();
    java.util.Map<String, String> after = s.machine() == Subject.Machine.PAPER
        ? paperStep(s, in, defs) : classicStep(s, in, defs);
    t.append(defs);
    String last = "L" + (s.network().depth() - 1) + " ";
    List<Script.Goal> goals = passGoals(regs, after, last, w);
    return new Script("pass-bv", s, Optional.empty(), t.toString(), ImmutableList.copyOf(goals),
        ImmutableList.copyOf(s.stateNames()), neurons);
  }

  /**
   * Defines each neuron of the network as a w-bit ReLU over the layer before (the state
   * directions, zero-extended, for layer 0); returns the number of neurons.
   */
  private static int appendNetwork(StringBuilder t, Subject s, int w) {
    int neurons = 0;
    String zeroW = "(_ bv0 " + w + ")";
    for (int li = 0; li < s.network().depth(); li++) {
      SparseLayer l = s.network().layer(li);
      t.append("; layer ").append(li).append(": ").append(l.label()).append('\n');
      for (int r = 0; r < l.outputDimension(); r++) {
        List<String> terms = new ArrayList<>();
        if (!l.bias(r).isZero() || l.rowEnd(r) == l.rowStart(r)) {
          terms.add(bv(l.bias(r), w));
        }
        for (int k = l.rowStart(r); k < l.rowEnd(r); k++) {
          int col = l.column(k);
          String x = li == 0 ? "((_ zero_extend " + (w - 1) + ") " + Smt.sym(s.stateNames()
              .get(col)) + ")" : Smt.sym("L" + (li - 1) + " " + s.layerNames().get(li - 1)
              .get(col));
          terms.add(l.weight(k).equals(Rational.ONE) ? x : "(bvmul " + bv(l.weight(k), w) + " "
              + x + ")");
        }
        String z = terms.size() == 1 ? terms.get(0) : "(bvadd " + String.join(" ", terms) + ")";
        t.append("(define-fun ").append(Smt.sym("L" + li + " " + s.layerNames().get(li).get(r)))
            .append(" () (_ BitVec ").append(w).append(") (let ((z ").append(z)
            .append(")) (ite (bvsgt z ").append(zeroW).append(") z ").append(zeroW)
            .append(")))\n");
        neurons++;
      }
    }
    return neurons;
  }

  /** One goal per register: each last-layer output equals the bit the step gives it. */
  private static List<Script.Goal> passGoals(Registers regs, java.util.Map<String, String> after,
      String last, int w) {
    List<Script.Goal> goals = new ArrayList<>();
    for (String reg : regs.names()) {
      String word = after.getOrDefault(reg, null);
      List<String> dirs = regs.directions(reg);
      List<String> claims = new ArrayList<>();
      for (int b = 0; b < dirs.size(); b++) {
        String bit = word == null ? "#b0" : dirs.size() == 1 ? word
            : "((_ extract " + b + " " + b + ") " + word + ")";
        claims.add("(= " + Smt.sym(last + dirs.get(b)) + " ((_ zero_extend " + (w - 1) + ") "
            + bit + "))");
      }
      goals.add(new Script.Goal(reg, Smt.op("and", claims)));
    }
    return goals;
  }

  /** The register values after one step, as bit-vector words; registers not named are 0. */
  private static java.util.Map<String, String> paperStep(Subject s, Words in, StringBuilder d) {
    // SPEC §2.3: (a, b, c) = program[pc]; r = wrap_N(mem[b] - mem[a]); mem[b] = r;
    // pc = (r <= 0) ? c : (pc + 1) mod k; the program is read-only, scratch 0 (SPEC §7.3)
    int m = 1 << s.dataBits();
    int k = 1 << s.codeBits();
    int a = s.dataBits();
    int c = s.codeBits();
    String pc = def(d, "pc", c, in.word("pc"));
    String fa = def(d, "a", a, select(pc, c, k, q -> in.word("code[" + q + "].a")));
    String fb = def(d, "b", a, select(pc, c, k, q -> in.word("code[" + q + "].b")));
    String fc = def(d, "c", c, select(pc, c, k, q -> in.word("code[" + q + "].c")));
    String memA = def(d, "mem[a]", s.wordBits(), select(fa, a, m, i -> in.word("mem[" + i + "]")));
    String memB = def(d, "mem[b]", s.wordBits(), select(fb, a, m, i -> in.word("mem[" + i + "]")));
    String r = def(d, "r", s.wordBits(), "(bvsub " + memB + " " + memA + ")");
    java.util.Map<String, String> after = new java.util.LinkedHashMap<>();
    for (String reg : in.regs.names()) {
      if (reg.startsWith("code[")) {
        after.put(reg, in.word(reg));
      }
    }
    for (int i = 0; i < m; i++) {
      after.put("mem[" + i + "]", "(ite (= " + fb + " " + lit(i, a) + ") " + r + " "
          + in.word("mem[" + i + "]") + ")");
    }
    after.put("pc", "(ite (bvsle " + r + " " + lit(0, s.wordBits()) + ") " + fc + " (bvadd "
        + pc + " " + lit(1, c) + "))");
    return after;
  }

  private static java.util.Map<String, String> classicStep(Subject s, Words in,
      StringBuilder d) {
    // SPEC §3.2: halted when pc < 0 or pc + 2 >= 2^A; else a, b, c = mem[pc], mem[pc+1],
    // mem[pc+2]: echo (a = b = -1), input (a = -1), output (b = -1), or subtract; addresses
    // modulo 2^A; the new pc wrapped to N bits
    int n = s.wordBits();
    int a = s.dataBits();
    int size = 1 << a;
    int wide = Math.max(n, a) + 2;
    String pc = def(d, "pc", n, in.word("pc"));
    String pcWide = "((_ sign_extend " + (wide - n) + ") " + pc + ")";
    String halted = defBool(d, "halted", "(or (bvslt " + pc + " " + lit(0, n) + ") (bvsge (bvadd "
        + pcWide + " " + lit(2, wide) + ") " + lit(size, wide) + "))");
    int cells = (int) Math.min(size - 2L, 1L << (n - 1));
    String fa = def(d, "a", n, select(pc, n, cells, q -> in.word("mem[" + q + "]")));
    String fb = def(d, "b", n, select(pc, n, cells, q -> in.word("mem[" + (q + 1) + "]")));
    String fc = def(d, "c", n, select(pc, n, cells, q -> in.word("mem[" + (q + 2) + "]")));
    String ones = "(bvnot " + lit(0, n) + ")";
    String ioA = "(= " + fa + " " + ones + ")";
    String ioB = "(= " + fb + " " + ones + ")";
    String echo = defBool(d, "echo", "(and (not " + halted + ") " + ioA + " " + ioB + ")");
    String input = defBool(d, "input", "(and (not " + halted + ") " + ioA + " (not " + ioB
        + "))");
    String output = defBool(d, "output", "(and (not " + halted + ") (not " + ioA + ") " + ioB
        + ")");
    String sub = defBool(d, "subtract", "(and (not " + halted + ") (not " + ioA + ") (not "
        + ioB + "))");
    String am = def(d, "a mod 2^A", a, modAddress(fa, n, a));
    String bm = def(d, "b mod 2^A", a, modAddress(fb, n, a));
    String memA = def(d, "mem[a]", n, select(am, a, size, i -> in.word("mem[" + i + "]")));
    String memB = def(d, "mem[b]", n, select(bm, a, size, i -> in.word("mem[" + i + "]")));
    String result = def(d, "mem[b]-mem[a]", n, "(bvsub " + memB + " " + memA + ")");
    String eof = "(= " + in.word("in.eof") + " #b1)";
    String inByte = in.word("in.byte");
    String stored = def(d, "input word", n, "(ite " + eof + " " + ones + " " + resize(inByte, 8,
        n, false) + ")");
    java.util.Map<String, String> after = new java.util.LinkedHashMap<>();
    for (int i = 0; i < size; i++) {
      String here = "(= " + bm + " " + lit(i, a) + ")";
      after.put("mem[" + i + "]", "(ite (and " + sub + " " + here + ") " + result + " (ite (and "
          + input + " " + here + ") " + stored + " " + in.word("mem[" + i + "]") + "))");
    }
    after.put("pc", "(ite " + halted + " " + pc + " (ite (and " + sub + " (bvsle " + result + " "
        + lit(0, n) + ")) " + fc + " (bvadd " + pc + " " + lit(3, n) + ")))");
    after.put("in.byte", inByte);
    after.put("in.eof", in.word("in.eof"));
    after.put("in.taken", "(ite (or " + input + " " + echo + ") #b1 #b0)");
    after.put("out.valid", "(ite (or " + output + " (and " + echo + " (not " + eof
        + "))) #b1 #b0)");
    after.put("out.byte", "(ite " + output + " " + resize(memA, n, 8, true) + " (ite " + echo
        + " " + inByte + " #x00))");
    after.put("executed", "(ite " + halted + " #b0 #b1)");
    return after;
  }

  /** A word taken as an address, modulo 2^A: its low A bits (sign-extended when N < A). */
  private static String modAddress(String word, int n, int a) {
    return resize(word, n, a, true);
  }

  /** The low {@code to} bits of an {@code from}-bit word, extended by sign or zero. */
  private static String resize(String word, int from, int to, boolean signed) {
    if (to == from) {
      return word;
    }
    if (to < from) {
      return "((_ extract " + (to - 1) + " 0) " + word + ")";
    }
    return "((_ " + (signed ? "sign" : "zero") + "_extend " + (to - from) + ") " + word + ")";
  }

  private static String def(StringBuilder d, String name, int width, String term) {
    String s = Smt.sym("step." + name);
    d.append("(define-fun ").append(s).append(" () (_ BitVec ").append(width).append(") ")
        .append(term).append(")\n");
    return s;
  }

  private static String defBool(StringBuilder d, String name, String term) {
    String s = Smt.sym("step." + name);
    d.append("(define-fun ").append(s).append(" () Bool ").append(term).append(")\n");
    return s;
  }

  private static String select(String index, int indexWidth, int count, IntFunction<String> v) {
    String t = v.apply(count - 1);
    for (int i = count - 2; i >= 0; i--) {
      t = "(ite (= " + index + " " + lit(i, indexWidth) + ") " + v.apply(i) + " " + t + ")";
    }
    return t;
  }

  /** The {@code width}-bit two's complement literal of {@code v}. */
  static String lit(long v, int width) {
    BigInteger x = BigInteger.valueOf(v);
    if (x.signum() < 0) {
      x = x.add(BigInteger.ONE.shiftLeft(width));
    }
    return "(_ bv" + x + " " + width + ")";
  }

  private static String bv(Rational r, int width) {
    if (!r.isInteger()) {
      throw new IllegalArgumentException("the bit-vector pass takes integer weights, not " + r);
    }
    BigInteger x = r.numerator();
    if (x.signum() < 0) {
      x = x.add(BigInteger.ONE.shiftLeft(width));
    }
    return "(_ bv" + x + " " + width + ")";
  }

  /**
   * The width W: one more bit than the largest |b| + sum |w| max x over every neuron (interval
   * bounds, inputs 0 or 1), so every partial sum lies in [-2^(W-1), 2^(W-1)).
   */
  static int width(Subject s) {
    BigInteger[] high = new BigInteger[s.stateNames().size()];
    java.util.Arrays.fill(high, BigInteger.ONE);
    BigInteger most = BigInteger.ONE;
    for (SparseLayer l : s.network().layers()) {
      BigInteger[] next = new BigInteger[l.outputDimension()];
      for (int r = 0; r < l.outputDimension(); r++) {
        BigInteger b = l.bias(r).numerator();
        BigInteger partial = b.abs();
        BigInteger pre = b;
        for (int k = l.rowStart(r); k < l.rowEnd(r); k++) {
          BigInteger wk = l.weight(k).numerator();
          partial = partial.add(wk.abs().multiply(high[l.column(k)]));
          if (wk.signum() > 0) {
            pre = pre.add(wk.multiply(high[l.column(k)]));
          }
          most = most.max(wk.abs());
        }
        most = most.max(partial);
        next[r] = pre.max(BigInteger.ZERO);
      }
      high = next;
    }
    return most.bitLength() + 2;
  }

  /** A register's bits as one word, most significant first. */
  private static final class Words {
    final Registers regs;

    Words(Registers regs) {
      this.regs = regs;
    }

    String word(String r) {
      List<String> bits = regs.bits(r);
      if (bits.size() == 1) {
        return bits.get(0);
      }
      StringBuilder b = new StringBuilder("(concat");
      for (int t = bits.size() - 1; t >= 0; t--) {
        b.append(' ').append(bits.get(t));
      }
      return b.append(')').toString();
    }
  }
}
