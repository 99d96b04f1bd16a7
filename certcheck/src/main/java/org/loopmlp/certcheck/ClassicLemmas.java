package org.loopmlp.certcheck;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classic machine's stage lemmas (certificate version 2; SPEC §3, §9.1), and its step.
 *
 * <p>Registers (bits least significant first, {@code X.bit[t]}): words of N bits, two's
 * complement: {@code mem[i]} (i < 2^A), {@code pc}, scratch {@code ra, rb, rc, p3, va, vb, r};
 * bytes {@code in.byte, out.byte}; one-bit flags {@code in.eof, in.taken, out.valid, executed}
 * and scratch {@code run, io_a, io_b, op.sub, op.in, op.out, op.echo, br}. U is the unsigned
 * value of pc's bits, T = min(2^(N-1), 2^A - 2): U >= T exactly when pc < 0 or pc + 2 >= 2^A
 * (halted; a negative pc has U >= 2^(N-1), a non-negative one is U). {@code [x]} is x mod 2^A:
 * the low A bits of x, its sign bit repeated above N.
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
 *       PaperLemmas}); {@code br := op.sub and wrap(vb - va) <= 0}, with E = sum_j 2^j (vb_j - va_j):
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
 * <p>The symbolic state has ten cases of the pass start: halted or not, and when running,
 * whether {@code a = mem[pc]} and {@code b = mem[pc+1]} are -1, each with and without end of
 * input ({@code in.byte} is 0 then: the host's convention). Flags are 0 or 1 in every case. After
 * the stages the terms must equal the classic step's ({@link #checkStep}), stated here from the
 * machine's definition.
 */
final class ClassicLemmas extends Lemmas {
  static final String[] WORDS = {"pc", "ra", "rb", "rc", "p3", "va", "vb", "r"};
  static final String[] FLAGS = {"in.eof", "in.taken", "out.valid", "executed", "run", "io_a",
      "io_b", "op.sub", "op.in", "op.out", "op.echo", "br"};
  static final String[] OPS = {"op.sub", "op.in", "op.out", "op.echo"};

  private final int n;
  private final int a;

  ClassicLemmas(int n, int a) {
    super("the classic machine, N=" + n + ", A=" + a, false);
    if (n < 2 || n > 32 || a < 2 || a > 20) {
      throw new Rejected("config out of range: " + n + " " + a);
    }
    this.n = n;
    this.a = a;
  }

  @Override
  long dimension() {
    return (1L << a) * n + (long) WORDS.length * n + 16 + FLAGS.length;
  }

  @Override
  Set<String> expectedNames() {
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

  /** The forbidden patterns (literals 2 * direction + value) of the stage's roles. */
  @Override
  int[][] forbidden(String[] roles) {
    List<int[]> p = new ArrayList<>();
    int[] none = Value.equal(new int[] {dir(OPS[0], 0), dir(OPS[1], 0), dir(OPS[2], 0),
        dir(OPS[3], 0), 0}, 0); // no op flag set, then the last literal (filled in below)
    for (String role : roles) {
      for (int k = 0; k < 8 && role.equals("READ"); k++) {
        p.add(new int[] {2 * dir("in.eof", 0) + 1, 2 * dir("in.byte", k) + 1});
      }
      for (int x = 0; x < 4 && role.matches("IO|WRITE|BRANCH"); x++) {
        for (int y = x + 1; y < 4; y++) {
          p.add(new int[] {none[x] + 1, none[y] + 1});
        }
      }
      for (int t = -1; t < n && role.equals("BRANCH"); t++) {
        none[4] = t < 0 ? 2 * dir("br", 0) + 1 : 2 * dir("p3", t) + 1;
        p.add(none.clone());
      }
    }
    return p.toArray(new int[0][]);
  }

  @Override
  Value[] role(String role, int dimension) {
    Value[] s = new Value[dimension];
    int[] ops = {dir(OPS[0], 0), dir(OPS[1], 0), dir(OPS[2], 0), dir(OPS[3], 0)};
    if (!role.matches("FETCH|NEXT_PC|READ|WRITE|BRANCH")) {
      return flagRole(role, s, ops);
    }
    int[] pc = dirs("pc");
    long halt = Math.min(1L << (n - 1), (1L << a) - 2);
    int[] io = {dir("io_a", 0), dir("io_b", 0)};
    for (int t = 0; t < n; t++) { // the roles on words, bit by bit
      int bit = t;
      switch (role) {
        case "FETCH" -> {
          for (int f = 0; f < 3; f++) {
            int field = f;
            s[dir(f == 0 ? "ra" : f == 1 ? "rb" : "rc", t)] = below(pc, halt, Value.dispatch(pc,
                q -> Value.same(dir("mem[" + (q + field) + "]", bit))));
          }
        }
        case "NEXT_PC" -> s[dir("p3", t)] = below(pc, halt, Value.bitOf(
            java.util.Arrays.copyOf(pc, t + 1), Value.powers(t + 1, false), 3, t));
        case "READ" -> {
          int eof = dir("in.eof", 0);
          Value w = t < 8 ? Value.ifBit(eof, Value.ONE, Value.same(dir("in.byte", t)))
              : Value.same(eof);
          s[dir("va", t)] = Value.ifBit(io[0], Value.ZERO,
              Value.dispatch(address("ra"), i -> Value.same(dir("mem[" + i + "]", bit))));
          s[dir("vb", t)] = Value.ifBit(io[0], Value.ifBit(io[1], Value.ZERO, w),
              Value.dispatch(address("rb"), i -> Value.same(dir("mem[" + i + "]", bit))));
        }
        case "WRITE" -> {
          for (int i = 0; i < (1 << a); i++) {
            int cell = dir("mem[" + i + "]", t);
            s[cell] = anyOf(Value.when(Value.equal(address("rb"), i), Value.same(dir("r", t)),
                Value.same(cell)), Value.same(cell), ops[0], ops[1]);
          }
        }
        default -> s[pc[t]] = anyOf(Value.ifBit(dir("br", 0), Value.same(dir("rc", t)),
            Value.same(dir("p3", t))), Value.same(pc[t]), ops); // BRANCH
      }
    }
    switch (role) {
      case "FETCH" -> {
        s[dir("run", 0)] = below(pc, halt, Value.ONE);
        for (int f = 0; f < 2; f++) {
          int field = f;
          s[io[f]] = below(pc, halt, Value.dispatch(pc, q -> Value.allOf(
              Value.equal(dirs("mem[" + (q + field) + "]"), -1L))));
        }
      }
      case "READ" -> clear(s, "ra");
      case "WRITE" -> clear(s, "rb", "r");
      case "BRANCH" -> clear(s, "rc", "p3", "br", OPS[0], OPS[1], OPS[2], OPS[3]);
      default -> { }
    }
    return s;
  }

  /** The roles on flags: DECODE, SUBTRACT (r as for the paper's machine, and br), IO. */
  private Value[] flagRole(String role, Value[] s, int[] ops) {
    int run = dir("run", 0);
    int ioA = dir("io_a", 0);
    int ioB = dir("io_b", 0);
    switch (role) {
      case "DECODE" -> {
        s[ops[0]] = Value.allOf(2 * run + 1, 2 * ioA, 2 * ioB);
        s[ops[1]] = Value.allOf(2 * ioA + 1, 2 * ioB);
        s[ops[2]] = Value.allOf(2 * ioA, 2 * ioB + 1);
        s[ops[3]] = Value.allOf(2 * ioA + 1, 2 * ioB + 1);
        clear(s, "run", "io_a", "io_b");
      }
      // br: wrap(E) < 0 iff floor(E / 2^(N-1)) is odd, = 0 iff E == 0 (the class comment)
      case "SUBTRACT" -> s[dir("br", 0)] = Value.ifBit(ops[0], subtract(s, n, (lo, hi) ->
          !lo.shiftRight(n - 1).equals(hi.shiftRight(n - 1)) ? null
              : lo.testBit(n - 1) || lo.signum() == 0 && hi.signum() == 0 ? Value.ONE
              : lo.signum() > 0 || hi.signum() < 0 ? Value.ZERO : null), Value.ZERO);
      case "IO" -> {
        s[dir("in.taken", 0)] = anyOf(Value.ONE, Value.same(ops[3]), ops[1]);
        for (int k = 0; k < 8; k++) {
          s[dir("out.byte", k)] = Value.ifBit(ops[2], Value.same(dir("va", Math.min(k, n - 1))),
              Value.ifBit(ops[3], Value.same(dir("in.byte", k)), Value.ZERO));
        }
        s[dir("out.valid", 0)] = Value.ifBit(ops[2], Value.ONE,
            Value.allOf(2 * ops[3] + 1, 2 * dir("in.eof", 0)));
        s[dir("executed", 0)] = anyOf(Value.ONE, Value.same(ops[3]), ops[0], ops[1], ops[2]);
      }
      default -> throw new Rejected("unknown classic stage role " + role);
    }
    return s;
  }

  /** {@code yes} when one of the flags is 1 (the case decides them in order), else {@code no}. */
  private static Value anyOf(Value yes, Value no, int... flags) {
    Value v = no;
    for (int k = flags.length - 1; k >= 0; k--) {
      v = Value.ifBit(flags[k], yes, v);
    }
    return v;
  }

  /** The A bits of {@code [word]}: bit min(t, N-1) for t < A. */
  private int[] address(String word) {
    int[] bits = new int[a];
    for (int t = 0; t < a; t++) {
      bits[t] = dir(word, Math.min(t, n - 1));
    }
    return bits;
  }

  /** {@code below} when the unsigned value of the bits is below T, else 0. */
  static Value below(int[] bits, long threshold, Value below) {
    BigInteger t = BigInteger.valueOf(threshold);
    return Value.bySum(bits, Value.powers(bits.length, false), 0, "whether pc halts",
        (lo, hi) -> lo.compareTo(t) >= 0 ? Value.ZERO : hi.compareTo(t) < 0 ? below : null);
  }

  /** The ten symbolic pass starts (see the class comment). */
  @Override
  List<Map<String, String>> passStarts() {
    List<Map<String, String>> cases = new ArrayList<>();
    for (int c = 0; c < 10; c++) {
      boolean halted = c >= 8;
      boolean eof = (c & 1) == 1;
      Map<String, String> t = new HashMap<>();
      t.put("?case", (halted ? "halted" : "a" + ((c >> 2) == 1 ? "=" : "!=") + "-1, b"
          + (((c >> 1) & 1) == 1 ? "=" : "!=") + "-1") + (eof ? ", end of input" : ""));
      t.put("?halted", bit(halted));
      t.put("?ioA", bit(!halted && (c >> 2) == 1));
      t.put("?ioB", bit(!halted && ((c >> 1) & 1) == 1));
      zero(t, WORDS);
      zero(t, FLAGS);
      t.put("out.byte", "0");
      t.put("mem", "mem");
      t.put("pc", "pc");
      t.put("in.byte", eof ? "0" : "byte");
      t.put("in.eof", bit(eof));
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

  private static String bit(boolean b) { return b ? "1" : "0"; }

  /** The symbolic rule of {@code role}: reads {@code t}, the stage's input; writes {@code o}. */
  @Override
  void apply(String role, Map<String, String> t, Map<String, String> o) {
    boolean halted = flag(t, "?halted");
    String mem = t.get("mem");
    boolean out = flag(t, OPS[2]);
    boolean echo = flag(t, OPS[3]);
    boolean write = flag(t, OPS[0]) || flag(t, OPS[1]); // subtract or input
    switch (role) {
      case "FETCH" -> {
        o.put("ra", halted ? "0" : mem + "[" + t.get("pc") + "]");
        o.put("rb", halted ? "0" : mem + "[" + t.get("pc") + " + 1]");
        o.put("rc", halted ? "0" : mem + "[" + t.get("pc") + " + 2]");
        o.put("run", bit(!halted));
        o.put("io_a", t.get("?ioA"));
        o.put("io_b", t.get("?ioB"));
      }
      case "NEXT_PC" -> o.put("p3", halted ? "0" : "wrap(" + t.get("pc") + " + 3)");
      case "READ" -> {
        boolean ioA = flag(t, "io_a");
        o.put("va", ioA ? "0" : mem + "[addr(" + t.get("ra") + ")]");
        o.put("vb", !ioA ? mem + "[addr(" + t.get("rb") + ")]" : flag(t, "io_b") ? "0"
            : flag(t, "in.eof") ? "-1" : "wrap(" + t.get("in.byte") + ")");
        o.put("ra", "0");
      }
      case "DECODE" -> {
        String io = bit(flag(t, "io_a")) + bit(flag(t, "io_b")); // a == -1, b == -1
        o.put(OPS[0], bit(flag(t, "run") && io.equals("00")));
        o.put(OPS[1], bit(io.equals("10")));
        o.put(OPS[2], bit(io.equals("01")));
        o.put(OPS[3], bit(io.equals("11")));
        zero(o, "run", "io_a", "io_b");
      }
      case "SUBTRACT" -> { // wrap(v - 0) = v for a word v
        String r = t.get("va").equals("0") ? t.get("vb")
            : "wrap(" + t.get("vb") + " - " + t.get("va") + ")";
        o.put("r", r);
        o.put("br", flag(t, OPS[0]) ? r + " <= 0" : "0");
        zero(o, "va", "vb");
      }
      case "IO" -> {
        o.put("in.taken", bit(flag(t, OPS[1]) || echo));
        o.put("out.byte", out ? "low8(" + t.get("va") + ")" : echo ? t.get("in.byte") : "0");
        o.put("out.valid", bit(out || echo && !flag(t, "in.eof")));
        o.put("executed", bit(write || out || echo));
      }
      case "WRITE" -> {
        o.put("mem", write ? "store(" + mem + ", addr(" + t.get("rb") + "), " + t.get("r") + ")"
            : mem);
        zero(o, "rb", "r");
      }
      case "BRANCH" -> {
        String br = t.get("br");
        String taken = br.equals("1") ? t.get("rc") : br.equals("0") ? t.get("p3")
            : "(" + br + " ? " + t.get("rc") + " : " + t.get("p3") + ")";
        o.put("pc", write || out || echo ? taken : t.get("pc"));
        zero(o, "rc", "p3", "br", OPS[0], OPS[1], OPS[2], OPS[3]);
      }
      default -> throw new Rejected("unknown classic stage role " + role);
    }
  }

  /**
   * The classic step, from the machine's definition: at a halted pc nothing changes; else with
   * a, b, c = mem[pc], mem[pc+1], mem[pc+2]: a == b == -1 echoes the byte (none at end of
   * input), a == -1 stores the byte (or -1) into mem[b mod 2^A], b == -1 prints the low byte of
   * mem[a mod 2^A], otherwise r = wrap(mem[b] - mem[a]) is stored into mem[b] and pc becomes c
   * when r <= 0; pc + 3 (wrapped) in every other case. Scratch is 0 afterwards.
   */
  @Override
  void checkStep(List<Map<String, String>> cases) {
    List<Map<String, String>> starts = passStarts();
    for (int c = 0; c < cases.size(); c++) {
      Map<String, String> want = new HashMap<>(starts.get(c));
      boolean eof = want.get("in.eof").equals("1");
      if (!flag(want, "?halted")) {
        String a = "mem[pc]";
        String b = "mem[pc + 1]";
        String next = "wrap(pc + 3)";
        want.put("executed", "1");
        want.put("pc", next);
        if (flag(want, "?ioA") && flag(want, "?ioB")) {
          want.put("in.taken", "1");
          want.put("out.valid", bit(!eof));
          want.put("out.byte", eof ? "0" : "byte");
        } else if (flag(want, "?ioA")) {
          want.put("in.taken", "1");
          want.put("mem", "store(mem, addr(" + b + "), " + (eof ? "-1" : "wrap(byte)") + ")");
        } else if (flag(want, "?ioB")) {
          want.put("out.byte", "low8(mem[addr(" + a + ")])");
          want.put("out.valid", "1");
        } else {
          String r = "wrap(mem[addr(" + b + ")] - mem[addr(" + a + ")])";
          want.put("mem", "store(mem, addr(" + b + "), " + r + ")");
          want.put("pc", "(" + r + " <= 0 ? mem[pc + 2] : " + next + ")");
        }
      }
      compare(want, cases.get(c), "one classic step: in case " + want.get("?case") + ",",
          "the classic step");
    }
  }
}
