package org.loopmlp.certcheck;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The paper machine's six stage lemmas (certificate version 1; SPEC §2, §9.1), and its step.
 *
 * <p>Registers (bits least significant first, {@code X.bit[t]}): {@code code[q].a, code[q].b}
 * (A bits), {@code code[q].c} (C bits), {@code mem[i]} (N bits, two's complement), {@code pc}
 * (C bits); scratch {@code ra, rb} (A), {@code rc, pc1} (C), {@code va, vb, r} (N).
 *
 * <ul>
 *   <li>FETCH: {@code ra, rb, rc := code[pc].a, code[pc].b, code[pc].c}.
 *   <li>READ: {@code va := mem[ra]}, {@code vb := mem[rb]}, {@code ra := 0}.
 *   <li>SUBTRACT: {@code r := wrap_N(vb - va)}, {@code va, vb := 0} ({@link Lemmas#subtract}).
 *   <li>WRITE: {@code mem[i] := (rb == i) ? r : mem[i]} for every i, {@code rb := 0}.
 *   <li>NEXT_PC: {@code pc1 := (pc + 1) mod 2^C}; bit t is bit t of {@code sum_{s<=t} 2^s pc_s +
 *       1}, by the same congruence.
 *   <li>BRANCH: {@code pc := (r <= 0) ? rc : pc1} with {@code r = sum_{j<N-1} 2^j r_j - 2^(N-1)
 *       r_{N-1}}; {@code r, rc, pc1 := 0}.
 * </ul>
 *
 * <p>The symbolic state starts from {@code pc}, {@code mem}, scratch {@code 0}; after the stages
 * it must be the reference step's (SPEC §2.3): {@code mem := store(mem, b, wrap(mem[b] -
 * mem[a]))}, {@code pc := (wrap(mem[b] - mem[a]) <= 0 ? c : (pc + 1))}, scratch {@code 0}, where
 * {@code (a, b, c) = code[pc]}.
 */
final class PaperLemmas extends Lemmas {
  static final String[] SCRATCH = {"ra", "rb", "rc", "pc1", "va", "vb", "r"};

  private final int n;
  private final int a;
  private final int c;

  PaperLemmas(int n, int a, int c) {
    super("N=" + n + ", A=" + a + ", C=" + c, true);
    if (n < 2 || n > 64 || a < 1 || a > 20 || c < 1 || c > 20) {
      throw new Rejected("config out of range: " + n + " " + a + " " + c);
    }
    this.n = n;
    this.a = a;
    this.c = c;
  }

  @Override
  long dimension() {
    return (1L << c) * (2L * a + c) + (1L << a) * n + c + 2L * a + 2L * c + 3L * n;
  }

  @Override
  Set<String> expectedNames() {
    Set<String> names = new HashSet<>();
    for (int q = 0; q < (1 << c); q++) {
      bits(names, "code[" + q + "].a", a);
      bits(names, "code[" + q + "].b", a);
      bits(names, "code[" + q + "].c", c);
    }
    for (int i = 0; i < (1 << a); i++) {
      bits(names, "mem[" + i + "]", n);
    }
    bits(names, "pc", c);
    int[] widths = {a, a, c, c, n, n, n};
    for (int k = 0; k < SCRATCH.length; k++) {
      bits(names, SCRATCH[k], widths[k]);
    }
    return names;
  }

  @Override
  Value[] role(String role, int dimension) {
    Value[] s = new Value[dimension];
    switch (role) {
      case "FETCH" -> {
        String[] fields = {"a", "b", "c"};
        String[] targets = {"ra", "rb", "rc"};
        for (int f = 0; f < 3; f++) {
          for (int t = 0; t < (f < 2 ? a : c); t++) {
            String field = fields[f];
            int bit = t;
            s[dir(targets[f], t)] = Value.dispatch(dirs("pc"),
                q -> Value.same(dir("code[" + q + "]." + field, bit)));
          }
        }
      }
      case "READ" -> {
        for (int j = 0; j < n; j++) {
          int bit = j;
          s[dir("va", j)] = Value.dispatch(dirs("ra"), i -> Value.same(dir("mem[" + i + "]", bit)));
          s[dir("vb", j)] = Value.dispatch(dirs("rb"), i -> Value.same(dir("mem[" + i + "]", bit)));
        }
        clear(s, "ra");
      }
      case "SUBTRACT" -> subtract(s, n, null);
      case "WRITE" -> {
        for (int i = 0; i < (1 << a); i++) {
          for (int j = 0; j < n; j++) {
            int cell = dir("mem[" + i + "]", j);
            s[cell] = Value.when(Value.equal(dirs("rb"), i), Value.same(dir("r", j)),
                Value.same(cell));
          }
        }
        clear(s, "rb");
      }
      case "NEXT_PC" -> {
        for (int t = 0; t < c; t++) {
          s[dir("pc1", t)] = Value.bitOf(java.util.Arrays.copyOf(dirs("pc"), t + 1),
              Value.powers(t + 1, false), 1, t);
        }
      }
      case "BRANCH" -> {
        for (int t = 0; t < c; t++) {
          s[dir("pc", t)] = Value.atMostZero(dirs("r"), Value.powers(n, true),
              Value.same(dir("rc", t)), Value.same(dir("pc1", t)));
        }
        clear(s, "r", "rc", "pc1");
      }
      default -> throw new Rejected("unknown stage role " + role);
    }
    return s;
  }

  @Override
  List<Map<String, String>> passStarts() {
    Map<String, String> terms = new HashMap<>();
    terms.put("pc", "pc");
    terms.put("mem", "mem");
    zero(terms, SCRATCH);
    return List.of(terms);
  }

  @Override
  void apply(String role, Map<String, String> t, Map<String, String> o) {
    switch (role) {
      case "FETCH" -> {
        o.put("ra", "code[" + t.get("pc") + "].a");
        o.put("rb", "code[" + t.get("pc") + "].b");
        o.put("rc", "code[" + t.get("pc") + "].c");
      }
      case "READ" -> {
        o.put("va", t.get("mem") + "[" + t.get("ra") + "]");
        o.put("vb", t.get("mem") + "[" + t.get("rb") + "]");
        o.put("ra", "0");
      }
      case "SUBTRACT" -> {
        o.put("r", "wrap(" + t.get("vb") + " - " + t.get("va") + ")");
        zero(o, "va", "vb");
      }
      case "WRITE" -> {
        o.put("mem", "store(" + t.get("mem") + ", " + t.get("rb") + ", " + t.get("r") + ")");
        o.put("rb", "0");
      }
      case "NEXT_PC" -> o.put("pc1", "(" + t.get("pc") + " + 1)");
      case "BRANCH" -> {
        o.put("pc", "(" + t.get("r") + " <= 0 ? " + t.get("rc") + " : " + t.get("pc1") + ")");
        zero(o, "r", "rc", "pc1");
      }
      default -> throw new Rejected("unknown stage role " + role);
    }
  }

  /** The reference SUBLEQ step (SPEC §2.3) as a symbolic state. */
  static Map<String, String> referenceStep() {
    Map<String, String> t = new HashMap<>(new PaperLemmas(2, 1, 1).passStarts().get(0));
    String result = "wrap(mem[code[pc].b] - mem[code[pc].a])";
    t.put("mem", "store(mem, code[pc].b, " + result + ")");
    t.put("pc", "(" + result + " <= 0 ? code[pc].c : (pc + 1))");
    return t;
  }

  @Override
  void checkStep(List<Map<String, String>> cases) {
    compare(referenceStep(), cases.get(0), "one SUBLEQ step:", "the reference step");
  }
}
