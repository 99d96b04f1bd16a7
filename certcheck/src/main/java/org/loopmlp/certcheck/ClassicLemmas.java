package org.loopmlp.certcheck;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The checker's own statement of the classic machine's stage lemmas, over direction NAMES, and
 * the proof that they compose into one classic SUBLEQ step.
 *
 * <p>Registers (bits least significant first, {@code X.bit[t]}): words of N bits, two's
 * complement: {@code mem[i]} (i < 2^A), {@code pc}, scratch {@code ra, rb, rc, p3, va, vb, r};
 * bytes {@code in.byte, out.byte}; one-bit flags {@code in.eof, in.taken, out.valid, executed}
 * and scratch {@code run, io_a, io_b, op.sub, op.in, op.out, op.echo, br}. U is the unsigned
 * value of pc's bits, T = min(2^(N-1), 2^A - 2): U >= T exactly when pc < 0 or pc + 2 >= 2^A
 * (halted; a negative pc has U >= 2^(N-1), a non-negative one is U). {@code [x]} is x mod 2^A:
 * the low A bits of x, its sign bit repeated above N. The roles of a stage run side by side:
 * each reads the stage's input; no two change one register.
 *
 * <ul>
 *   <li>FETCH: {@code ra, rb, rc := U < T ? mem[U], mem[U+1], mem[U+2] : 0}, {@code run := U <
 *       T}, {@code io_a := U < T and mem[U] == -1} (all bits 1), {@code io_b} with mem[U+1].
 *   <li>NEXT_PC: {@code p3 := U < T ? wrap(pc + 3) : 0}, bit t of {@code sum_{s<=t} 2^s pc_s +
 *       3} (congruent to pc + 3 modulo 2^(t+1)).
 *   <li>READ: {@code va := io_a ? 0 : mem[[ra]]}; {@code vb := io_a ? (io_b ? 0 : w) :
 *       mem[[rb]]}, {@code w.bit[j] = in.eof ? 1 : in.byte.bit[j]} (j < 8), {@code in.eof} (j >=
 *       8): -1 at end of input, else wrap(byte); {@code ra := 0}. Needs {@code in.eof => in.byte
 *       == 0}.
 *   <li>DECODE: {@code op.sub := run and !io_a and !io_b}, {@code op.in := io_a and !io_b},
 *       {@code op.out := !io_a and io_b}, {@code op.echo := io_a and io_b}; {@code run, io_a,
 *       io_b := 0}.
 *   <li>SUBTRACT: {@code r := wrap(vb - va)}, bit i as for the paper's machine ({@link
 *       Lemmas}); {@code br := op.sub and wrap(vb - va) <= 0}, with E = sum_j 2^j (vb_j - va_j):
 *       wrap(E) is negative iff floor(E / 2^(N-1)) is odd, and 0 iff E == 0 (|E| < 2^N); {@code
 *       va, vb := 0}.
 *   <li>IO: {@code in.taken := op.in or op.echo}; {@code out.byte.bit[k] := op.out ?
 *       va.bit[min(k, N-1)] : op.echo ? in.byte.bit[k] : 0} (low8(va): the low byte of a signed
 *       word); {@code out.valid := op.out or (op.echo and !in.eof)}; {@code executed :=} any op.
 *       Needs at most one op flag.
 *   <li>WRITE: {@code mem[i] := (op.sub or op.in) and [rb] == i ? r : mem[i]}; {@code rb, r :=
 *       0}. Needs at most one op flag.
 *   <li>BRANCH: {@code pc := (any op) ? (br ? rc : p3) : pc}; {@code rc, p3, br} and the op
 *       flags {@code := 0}. Needs at most one op flag, and br = 0, p3 = 0 when none is set.
 * </ul>
 *
 * <p>Composition ({@link #checkStep}): the lemmas also rewrite a symbolic state (a term per
 * register; memory one array term) in each of ten cases of the pass start: halted or not, and
 * when running, whether {@code a = mem[pc]} and {@code b = mem[pc+1]} are -1, each with and
 * without end of input ({@code in.byte} is 0 then: the host's convention). Flags are 0 or 1 in
 * every case. A forbidden pattern must have a literal the case's terms make false; a register
 * whose term is 0 in every case is a zero input of the stage's case split. After the stages the
 * terms must equal the classic step's, stated here from the machine's definition.
 */
final class ClassicLemmas {
  static final String[] WORDS = {"pc", "ra", "rb", "rc", "p3", "va", "vb", "r"};
  static final String[] FLAGS = {"in.eof", "in.taken", "out.valid", "executed", "run", "io_a",
      "io_b", "op.sub", "op.in", "op.out", "op.echo", "br"};
  static final String[] OPS = {"op.sub", "op.in", "op.out", "op.echo"};

  private final int n;
  private final int a;
  private final Map<String, Integer> index;
  private final Map<Integer, String> registerOf = new HashMap<>();

  ClassicLemmas(int n, int a, Map<String, Integer> index) {
    this.n = n;
    this.a = a;
    this.index = index;
    index.forEach((name, d) -> registerOf.put(d, name.substring(0, name.lastIndexOf(".bit["))));
  }

  /** Every state direction name for (N, A). */
  static Set<String> expectedNames(int n, int a) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < (1 << a); i++) {
      bits(names, "mem[" + i + "]", n);
    }
    for (String w : WORDS) {
      bits(names, w, n);
    }
    bits(names, "in.byte", 8);
    bits(names, "out.byte", 8);
    for (String f : FLAGS) {
      bits(names, f, 1);
    }
    return names;
  }

  private static void bits(Set<String> names, String register, int width) {
    for (int t = 0; t < width; t++) {
      names.add(register + ".bit[" + t + "]");
    }
  }

  private int dir(String register, int t) {
    Integer d = index.get(register + ".bit[" + t + "]");
    if (d == null) {
      throw new Rejected("no direction " + register + ".bit[" + t + "]");
    }
    return d;
  }

  private int[] dirs(String register, int width) {
    int[] d = new int[width];
    for (int t = 0; t < width; t++) {
      d[t] = dir(register, t);
    }
    return d;
  }

  /** The forbidden patterns (literals 2 * direction + value) of the stage's roles. */
  int[][] forbidden(String[] roles) {
    List<int[]> p = new ArrayList<>();
    for (String role : roles) {
      if (role.equals("READ")) {
        for (int k = 0; k < 8; k++) {
          p.add(new int[] {2 * dir("in.eof", 0) + 1, 2 * dir("in.byte", k) + 1});
        }
      }
      if (role.equals("IO") || role.equals("WRITE") || role.equals("BRANCH")) {
        for (int x = 0; x < OPS.length; x++) {
          for (int y = x + 1; y < OPS.length; y++) {
            p.add(new int[] {2 * dir(OPS[x], 0) + 1, 2 * dir(OPS[y], 0) + 1});
          }
        }
      }
      if (role.equals("BRANCH")) {
        p.add(new int[] {2 * dir(OPS[0], 0), 2 * dir(OPS[1], 0), 2 * dir(OPS[2], 0),
            2 * dir(OPS[3], 0), 2 * dir("br", 0) + 1});
        for (int t = 0; t < n; t++) {
          p.add(new int[] {2 * dir(OPS[0], 0), 2 * dir(OPS[1], 0), 2 * dir(OPS[2], 0),
              2 * dir(OPS[3], 0), 2 * dir("p3", t) + 1});
        }
      }
    }
    return p.toArray(new int[0][]);
  }

  /**
   * The stage's input box: -1 (a bit) except registers 0 in every case (fixed 0); rejects when
   * a case's terms leave a forbidden pattern possible.
   */
  byte[] stageStart(List<Map<String, String>> cases, int[][] forbidden) {
    for (Map<String, String> t : cases) {
      for (int[] pattern : forbidden) {
        boolean excluded = false;
        for (int lit : pattern) {
          String term = term(t, registerOf.get(lit >> 1));
          int v = lit & 1;
          excluded |= term.equals("0") && v == 1 || term.equals("-1") && v == 0
              || term.equals("1") && isFlag(registerOf.get(lit >> 1)) && v == 0;
        }
        if (!excluded) {
          throw new Rejected("the stage's precondition may fail: in case " + t.get("?case")
              + " no literal of a forbidden pattern is false");
        }
      }
    }
    byte[] start = new byte[index.size()];
    index.forEach((name, d) -> start[d] = (byte) (cases.stream()
        .allMatch(t -> term(t, registerOf.get(d)).equals("0")) ? 0 : -1));
    return start;
  }

  /** The term of a register in a case; a memory word is a read of the memory term. */
  private static String term(Map<String, String> t, String register) {
    return register.startsWith("mem[") ? t.get("mem") + register.substring(3) : t.get(register);
  }

  private static boolean isFlag(String register) {
    return java.util.Arrays.asList(FLAGS).contains(register);
  }

  /** The union of the roles' lemmas (null = keeps its value); no two roles change a register. */
  Value[] specs(String[] roles, int dimension) {
    Value[] union = new Value[dimension];
    for (String role : roles) {
      Value[] s = specs(role, dimension);
      for (int d = 0; d < dimension; d++) {
        if (s[d] != null && union[d] != null) {
          throw new Rejected("two roles of " + String.join("+", roles) + " change direction "
              + d);
        }
        union[d] = s[d] != null ? s[d] : union[d];
      }
    }
    return union;
  }

  private Value[] specs(String role, int dimension) {
    Value[] s = new Value[dimension];
    int[] pc = dirs("pc", n);
    long halt = Math.min(1L << (n - 1), (1L << a) - 2);
    int[] ops = {dir(OPS[0], 0), dir(OPS[1], 0), dir(OPS[2], 0), dir(OPS[3], 0)};
    switch (role) {
      case "FETCH":
        String[] targets = {"ra", "rb", "rc"};
        for (int f = 0; f < 3; f++) {
          for (int t = 0; t < n; t++) {
            int field = f;
            int bit = t;
            s[dir(targets[f], t)] = below(pc, halt, dispatch(pc,
                q -> Spec.same(dir("mem[" + (q + field) + "]", bit))));
          }
        }
        s[dir("run", 0)] = below(pc, halt, (x, p) -> -3);
        for (int f = 0; f < 2; f++) {
          int field = f;
          s[dir(f == 0 ? "io_a" : "io_b", 0)] = below(pc, halt, dispatch(pc, q -> {
            int[] lits = dirs("mem[" + (q + field) + "]", n);
            for (int j = 0; j < n; j++) {
              lits[j] = 2 * lits[j] + 1;
            }
            return allOf(lits);
          }));
        }
        break;
      case "NEXT_PC":
        for (int t = 0; t < n; t++) {
          long[] coefs = new long[t + 1];
          for (int u = 0; u <= t; u++) {
            coefs[u] = 1L << u;
          }
          s[dir("p3", t)] = below(pc, halt,
              Spec.bitOf(java.util.Arrays.copyOf(pc, t + 1), big(coefs), 3, t));
        }
        break;
      case "READ":
        for (int j = 0; j < n; j++) {
          int bit = j;
          int eof = dir("in.eof", 0);
          Value w = j < 8 ? ifBit(eof, (x, p) -> -3, Spec.same(dir("in.byte", j)))
              : Spec.same(eof);
          s[dir("va", j)] = ifBit(dir("io_a", 0), Spec.ZERO,
              dispatch(address("ra"), i -> Spec.same(dir("mem[" + i + "]", bit))));
          s[dir("vb", j)] = ifBit(dir("io_a", 0), ifBit(dir("io_b", 0), Spec.ZERO, w),
              dispatch(address("rb"), i -> Spec.same(dir("mem[" + i + "]", bit))));
        }
        clear(s, "ra", n);
        break;
      case "DECODE": {
        int run = dir("run", 0);
        int ioA = dir("io_a", 0);
        int ioB = dir("io_b", 0);
        s[ops[0]] = allOf(2 * run + 1, 2 * ioA, 2 * ioB);
        s[ops[1]] = allOf(2 * ioA + 1, 2 * ioB);
        s[ops[2]] = allOf(2 * ioA, 2 * ioB + 1);
        s[ops[3]] = allOf(2 * ioA + 1, 2 * ioB + 1);
        clear(s, "run", 1);
        clear(s, "io_a", 1);
        clear(s, "io_b", 1);
        break;
      }
      case "SUBTRACT": {
        int[] vars = new int[2 * n];
        long[] coefs = new long[2 * n];
        for (int j = 0; j < n; j++) {
          vars[2 * j] = dir("vb", j);
          coefs[2 * j] = 1L << j;
          vars[2 * j + 1] = dir("va", j);
          coefs[2 * j + 1] = -(1L << j);
        }
        for (int i = 0; i < n; i++) {
          s[dir("r", i)] = Spec.bitOf(java.util.Arrays.copyOf(vars, 2 * i + 2),
              big(java.util.Arrays.copyOf(coefs, 2 * i + 2)), 0, i);
        }
        Spec e = Spec.bitOf(vars, big(coefs), 0, 0);
        s[dir("br", 0)] = ifBit(ops[0], (x, p) -> {
          BigInteger[] r = e.range(x, p);
          // floor(E / 2^(N-1)) is an arithmetic shift; odd blocks are negative words
          BigInteger block = r[0].shiftRight(n - 1);
          if (block.equals(r[1].shiftRight(n - 1))) {
            if (block.testBit(0) || r[0].signum() == 0 && r[1].signum() == 0) {
              return -3;
            }
            if (r[0].signum() > 0 || r[1].signum() < 0) {
              return -2;
            }
          }
          throw new Rejected("the case does not decide wrap(vb - va) <= 0 (range " + r[0] + ".."
              + r[1] + ")");
        }, Spec.ZERO);
        clear(s, "va", n);
        clear(s, "vb", n);
        break;
      }
      case "IO":
        s[dir("in.taken", 0)] = ifBit(ops[1], (x, p) -> -3, Spec.same(ops[3]));
        for (int k = 0; k < 8; k++) {
          s[dir("out.byte", k)] = ifBit(ops[2], Spec.same(dir("va", Math.min(k, n - 1))),
              ifBit(ops[3], Spec.same(dir("in.byte", k)), Spec.ZERO));
        }
        s[dir("out.valid", 0)] = ifBit(ops[2], (x, p) -> -3,
            allOf(2 * ops[3] + 1, 2 * dir("in.eof", 0)));
        s[dir("executed", 0)] = ifBit(ops[0], (x, p) -> -3, ifBit(ops[1], (x, p) -> -3,
            ifBit(ops[2], (x, p) -> -3, Spec.same(ops[3]))));
        break;
      case "WRITE":
        for (int i = 0; i < (1 << a); i++) {
          for (int j = 0; j < n; j++) {
            int cell = dir("mem[" + i + "]", j);
            s[cell] = ifBit(ops[0], Spec.select(address("rb"), i, dir("r", j), cell),
                ifBit(ops[1], Spec.select(address("rb"), i, dir("r", j), cell),
                    Spec.same(cell)));
          }
        }
        clear(s, "rb", n);
        clear(s, "r", n);
        break;
      case "BRANCH":
        for (int t = 0; t < n; t++) {
          Value taken = ifBit(dir("br", 0), Spec.same(dir("rc", t)), Spec.same(dir("p3", t)));
          s[pc[t]] = ifBit(ops[0], taken, ifBit(ops[1], taken, ifBit(ops[2], taken,
              ifBit(ops[3], taken, Spec.same(pc[t])))));
        }
        for (String r : new String[] {"rc", "p3"}) {
          clear(s, r, n);
        }
        for (String r : new String[] {"br", OPS[0], OPS[1], OPS[2], OPS[3]}) {
          clear(s, r, 1);
        }
        break;
      default:
        throw new Rejected("unknown classic stage role " + role);
    }
    return s;
  }

  private void clear(Value[] s, String register, int width) {
    for (int d : dirs(register, width)) {
      s[d] = Spec.ZERO;
    }
  }

  /** The A bits of {@code [word]}: bit min(t, N-1) for t < A. */
  private int[] address(String word) {
    int[] bits = new int[a];
    for (int t = 0; t < a; t++) {
      bits[t] = dir(word, Math.min(t, n - 1));
    }
    return bits;
  }

  /** {@code x_d == 1 ? yes : no}; the case must fix d. */
  static Value ifBit(int d, Value yes, Value no) {
    return (x, p) -> {
      int r = Spec.resolve(x, p, d, new boolean[1]);
      if (r >= 0) {
        throw new Rejected("the lemma's value depends on input " + d + ", which the case leaves"
            + " free");
      }
      return (r == -2 ? yes : no).expect(x, p);
    };
  }

  /** 1 when every literal (2 * input + value) holds, else 0; the case must decide it. */
  static Value allOf(int... literals) {
    return (x, p) -> {
      boolean all = true;
      for (int lit : literals) {
        int r = Spec.resolve(x, p, lit >> 1, new boolean[1]);
        if (r < 0 && -1 - r != (lit & 1)) {
          return -2;
        }
        all &= r < 0;
      }
      if (!all) {
        throw new Rejected("the case does not decide a conjunction of the lemma");
      }
      return -3;
    };
  }

  /** {@code byValue(x)}, x the unsigned value of the address bits; the case must fix them. */
  static Value dispatch(int[] bits, IntFunction<Value> byValue) {
    return (x, p) -> {
      int value = 0;
      for (int t = 0; t < bits.length; t++) {
        int r = Spec.resolve(x, p, bits[t], new boolean[1]);
        if (r >= 0) {
          throw new Rejected("the lemma's value depends on an address bit the case leaves free");
        }
        value |= (-1 - r) << t;
      }
      return byValue.apply(value).expect(x, p);
    };
  }

  /** {@code below} when the unsigned value of the bits is below T, else 0. */
  static Value below(int[] bits, long threshold, Value below) {
    long[] coefs = new long[bits.length];
    for (int t = 0; t < bits.length; t++) {
      coefs[t] = 1L << t;
    }
    Spec u = Spec.bitOf(bits, big(coefs), 0, 0);
    BigInteger t = BigInteger.valueOf(threshold);
    return (x, p) -> {
      BigInteger[] r = u.range(x, p);
      if (r[0].compareTo(t) >= 0) {
        return -2;
      }
      if (r[1].compareTo(t) < 0) {
        return below.expect(x, p);
      }
      throw new Rejected("the case does not decide whether pc halts (range " + r[0] + ".." + r[1]
          + ")");
    };
  }

  private static BigInteger[] big(long[] coefs) {
    return java.util.Arrays.stream(coefs).mapToObj(BigInteger::valueOf)
        .toArray(BigInteger[]::new);
  }

  /** The ten symbolic pass starts (see the class comment). */
  static List<Map<String, String>> passStarts() {
    List<Map<String, String>> cases = new ArrayList<>();
    for (int c = 0; c < 10; c++) {
      boolean halted = c >= 8;
      boolean eof = (c & 1) == 1;
      Map<String, String> t = new HashMap<>();
      t.put("?case", (halted ? "halted" : "a" + ((c >> 2) == 1 ? "=" : "!=") + "-1, b"
          + (((c >> 1) & 1) == 1 ? "=" : "!=") + "-1") + (eof ? ", end of input" : ""));
      t.put("?halted", halted ? "1" : "0");
      t.put("?ioA", !halted && (c >> 2) == 1 ? "1" : "0");
      t.put("?ioB", !halted && ((c >> 1) & 1) == 1 ? "1" : "0");
      for (String w : WORDS) {
        t.put(w, "0");
      }
      for (String f : FLAGS) {
        t.put(f, "0");
      }
      t.put("out.byte", "0");
      t.put("mem", "mem");
      t.put("pc", "pc");
      t.put("in.byte", eof ? "0" : "byte");
      t.put("in.eof", eof ? "1" : "0");
      cases.add(t);
    }
    return cases;
  }

  private static boolean flag(Map<String, String> t, String register) {
    String v = t.get(register);
    if (!v.equals("0") && !v.equals("1")) {
      throw new Rejected("the composition needs " + register + " as a flag, but it is " + v);
    }
    return v.equals("1");
  }

  private static String bit(boolean b) {
    return b ? "1" : "0";
  }

  /** The roles' lemmas, side by side, on the symbolic state {@code t}. */
  static Map<String, String> apply(String[] roles, Map<String, String> t) {
    Map<String, String> o = new HashMap<>(t);
    boolean halted = flag(t, "?halted");
    String mem = t.get("mem");
    boolean sub = flag(t, OPS[0]);
    boolean in = flag(t, OPS[1]);
    boolean out = flag(t, OPS[2]);
    boolean echo = flag(t, OPS[3]);
    for (String role : roles) {
      switch (role) {
        case "FETCH":
          o.put("ra", halted ? "0" : mem + "[" + t.get("pc") + "]");
          o.put("rb", halted ? "0" : mem + "[" + t.get("pc") + " + 1]");
          o.put("rc", halted ? "0" : mem + "[" + t.get("pc") + " + 2]");
          o.put("run", bit(!halted));
          o.put("io_a", t.get("?ioA"));
          o.put("io_b", t.get("?ioB"));
          break;
        case "NEXT_PC":
          o.put("p3", halted ? "0" : "wrap(" + t.get("pc") + " + 3)");
          break;
        case "READ": {
          String w = flag(t, "in.eof") ? "-1" : "wrap(" + t.get("in.byte") + ")";
          boolean ioA = flag(t, "io_a");
          o.put("va", ioA ? "0" : mem + "[addr(" + t.get("ra") + ")]");
          o.put("vb", ioA ? (flag(t, "io_b") ? "0" : w) : mem + "[addr(" + t.get("rb") + ")]");
          o.put("ra", "0");
          break;
        }
        case "DECODE": {
          boolean run = flag(t, "run");
          boolean ioA = flag(t, "io_a");
          boolean ioB = flag(t, "io_b");
          o.put(OPS[0], bit(run && !ioA && !ioB));
          o.put(OPS[1], bit(ioA && !ioB));
          o.put(OPS[2], bit(!ioA && ioB));
          o.put(OPS[3], bit(ioA && ioB));
          o.put("run", "0");
          o.put("io_a", "0");
          o.put("io_b", "0");
          break;
        }
        case "SUBTRACT": {
          // wrap(v - 0) = v for a word v
          String r = t.get("va").equals("0") ? t.get("vb")
              : "wrap(" + t.get("vb") + " - " + t.get("va") + ")";
          o.put("r", r);
          o.put("br", sub ? r + " <= 0" : "0");
          o.put("va", "0");
          o.put("vb", "0");
          break;
        }
        case "IO":
          o.put("in.taken", bit(in || echo));
          o.put("out.byte", out ? "low8(" + t.get("va") + ")" : echo ? t.get("in.byte") : "0");
          o.put("out.valid", bit(out || echo && !flag(t, "in.eof")));
          o.put("executed", bit(sub || in || out || echo));
          break;
        case "WRITE":
          o.put("mem", sub || in ? "store(" + mem + ", addr(" + t.get("rb") + "), " + t.get("r")
              + ")" : mem);
          o.put("rb", "0");
          o.put("r", "0");
          break;
        case "BRANCH": {
          String br = t.get("br");
          String taken = br.equals("1") ? t.get("rc") : br.equals("0") ? t.get("p3")
              : "(" + br + " ? " + t.get("rc") + " : " + t.get("p3") + ")";
          o.put("pc", sub || in || out || echo ? taken : t.get("pc"));
          for (String r : new String[] {"rc", "p3", "br", OPS[0], OPS[1], OPS[2], OPS[3]}) {
            o.put(r, "0");
          }
          break;
        }
        default:
          throw new Rejected("unknown classic stage role " + role);
      }
    }
    return o;
  }

  /**
   * The classic step, from the machine's definition: at a halted pc nothing changes; else with
   * a, b, c = mem[pc], mem[pc+1], mem[pc+2]: a == b == -1 echoes the byte (none at end of
   * input), a == -1 stores the byte (or -1) into mem[b mod 2^A], b == -1 prints the low byte of
   * mem[a mod 2^A], otherwise r = wrap(mem[b] - mem[a]) is stored into mem[b] and pc becomes c
   * when r <= 0; pc + 3 (wrapped) in every other case. Scratch is 0 afterwards.
   */
  static void checkStep(List<Map<String, String>> cases) {
    for (Map<String, String> got : cases) {
      Map<String, String> want = new HashMap<>(got);
      boolean eof = got.get("in.eof").equals("1");
      for (String w : WORDS) {
        want.put(w, "0");
      }
      for (String f : FLAGS) {
        want.put(f, "0");
      }
      want.put("in.eof", bit(eof));
      want.put("in.byte", eof ? "0" : "byte");
      want.put("out.byte", "0");
      want.put("mem", "mem");
      want.put("pc", "pc");
      if (!flag(got, "?halted")) {
        String a = "mem[pc]";
        String b = "mem[pc + 1]";
        String next = "wrap(pc + 3)";
        want.put("executed", "1");
        want.put("pc", next);
        if (flag(got, "?ioA") && flag(got, "?ioB")) {
          want.put("in.taken", "1");
          want.put("out.valid", bit(!eof));
          want.put("out.byte", eof ? "0" : "byte");
        } else if (flag(got, "?ioA")) {
          want.put("in.taken", "1");
          want.put("mem", "store(mem, addr(" + b + "), " + (eof ? "-1" : "wrap(byte)") + ")");
        } else if (flag(got, "?ioB")) {
          want.put("out.byte", "low8(mem[addr(" + a + ")])");
          want.put("out.valid", "1");
        } else {
          String r = "wrap(mem[addr(" + b + ")] - mem[addr(" + a + ")])";
          want.put("mem", "store(mem, addr(" + b + "), " + r + ")");
          want.put("pc", "(" + r + " <= 0 ? mem[pc + 2] : " + next + ")");
        }
      }
      for (String r : want.keySet()) {
        if (!want.get(r).equals(got.get(r))) {
          throw new Rejected("the stages do not compose into one classic step: in case "
              + got.get("?case") + ", " + r + " is " + got.get(r) + ", the classic step gives "
              + want.get(r));
        }
      }
    }
  }
}
