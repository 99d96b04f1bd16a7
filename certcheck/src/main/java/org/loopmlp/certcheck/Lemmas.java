package org.loopmlp.certcheck;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The checker's own statement of the six stage lemmas of a SUBLEQ pass, over direction NAMES,
 * in plain integer arithmetic, and the proof that they compose into one reference step.
 *
 * <p>Registers (bits least significant first, {@code X.bit[t]}): {@code code[q].a, code[q].b}
 * (A bits), {@code code[q].c} (C bits), {@code mem[i]} (N bits, two's complement), {@code pc}
 * (C bits); scratch {@code ra, rb} (A), {@code rc, pc1} (C), {@code va, vb, r} (N). A lemma gives,
 * for every state direction, the value it must hold after the stage as a function of the stage's
 * input bits ({@link Spec}); a direction a lemma does not mention keeps its value.
 *
 * <ul>
 *   <li>FETCH: {@code ra, rb, rc := code[pc].a, code[pc].b, code[pc].c}.
 *   <li>READ: {@code va := mem[ra]}, {@code vb := mem[rb]}, {@code ra := 0}.
 *   <li>SUBTRACT: {@code r := wrap_N(vb - va)}, {@code va, vb := 0}. Bit i is checked as bit i of
 *       {@code E_i = sum_{j<=i} 2^j (vb_j - va_j)}, i.e. {@code floor(E_i / 2^i) mod 2}: E_i is
 *       congruent to vb - va modulo 2^(i+1) (the higher bits, and the sign weight -2^(N-1)
 *       against +2^(N-1), differ by multiples of 2^(i+1)), and bit i of a number depends only on
 *       its residue modulo 2^(i+1).
 *   <li>WRITE: {@code mem[i] := (rb == i) ? r : mem[i]} for every i, {@code rb := 0}.
 *   <li>NEXT_PC: {@code pc1 := (pc + 1) mod 2^C}; bit t is bit t of {@code sum_{s<=t} 2^s pc_s +
 *       1}, by the same congruence.
 *   <li>BRANCH: {@code pc := (r <= 0) ? rc : pc1} with {@code r = sum_{j<N-1} 2^j r_j - 2^(N-1)
 *       r_{N-1}}; {@code r, rc, pc1 := 0}.
 * </ul>
 *
 * <p>Composition: each lemma also rewrites a symbolic state (one term per register, memory as one
 * array term), starting from {@code pc}, {@code mem}, scratch {@code 0}. After the stages, in
 * the certificate's order (the roles of a stage run side by side in the order it lists them), the terms must equal the reference step's: {@code mem := store(mem, b,
 * wrap(mem[b] - mem[a]))}, {@code pc := (wrap(mem[b] - mem[a]) <= 0 ? c : (pc + 1))}, scratch
 * {@code 0}, where {@code (a, b, c) = code[pc]}. A register whose term is {@code 0} is 0 at the
 * stage's input (a zero input of the case split); every other direction holds a bit, because
 * every lemma's value is a bit.
 */
final class Lemmas {
  static final String[] SCRATCH = {"ra", "rb", "rc", "pc1", "va", "vb", "r"};

  final int n;
  final int a;
  final int c;
  private final Map<String, Integer> index;

  Lemmas(int n, int a, int c, Map<String, Integer> index) {
    this.n = n;
    this.a = a;
    this.c = c;
    this.index = index;
  }

  /** Every state direction name for (N, A, C). */
  static Set<String> expectedNames(int n, int a, int c) {
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

  private static void bits(Set<String> names, String register, int width) {
    for (int t = 0; t < width; t++) {
      names.add(register + ".bit[" + t + "]");
    }
  }

  int width(String register) {
    return register.equals("ra") || register.equals("rb") ? a
        : register.equals("rc") || register.equals("pc1") || register.equals("pc") ? c : n;
  }

  int dir(String register, int t) {
    Integer i = index.get(register + ".bit[" + t + "]");
    if (i == null) {
      throw new Rejected("the layout has no direction " + register + ".bit[" + t + "]");
    }
    return i;
  }

  int[] dirs(String register) {
    int[] d = new int[width(register)];
    for (int t = 0; t < d.length; t++) {
      d[t] = dir(register, t);
    }
    return d;
  }

  /**
   * The lemma of a stage whose parts play {@code roles} (certificate: {@code FETCH+NEXT_PC}) side
   * by side: the union of the roles' specs. It states the roles applied one after the other in
   * this order when no role reads a direction an earlier role changes (its values are then the
   * same on the stage's input as after the earlier roles) and no two roles change one direction;
   * both are checked here, on the specs.
   */
  Spec[] specs(String[] roles, int dimension) {
    Spec[] union = new Spec[dimension];
    for (String role : roles) {
      Spec[] s = specs(role, dimension);
      for (Spec spec : s) {
        for (int d : spec == null ? new int[0] : spec.reads()) {
          if (union[d] != null) {
            throw new Rejected(role + " reads direction " + d + ", which an earlier role of "
                + String.join("+", roles) + " changes");
          }
        }
      }
      for (int d = 0; d < dimension; d++) {
        if (s[d] != null && union[d] != null) {
          throw new Rejected("two roles of " + String.join("+", roles) + " change direction " + d);
        }
        union[d] = s[d] != null ? s[d] : union[d];
      }
    }
    return union;
  }

  /** The lemma of {@code role}: a spec per state direction (null = keeps its value). */
  Spec[] specs(String role, int dimension) {
    Spec[] s = new Spec[dimension];
    switch (role) {
      case "FETCH":
        String[] fields = {"a", "b", "c"};
        String[] targets = {"ra", "rb", "rc"};
        for (int f = 0; f < 3; f++) {
          for (int t = 0; t < width(targets[f]); t++) {
            int[] slots = new int[1 << c];
            for (int q = 0; q < slots.length; q++) {
              slots[q] = dir("code[" + q + "]." + fields[f], t);
            }
            s[dir(targets[f], t)] = Spec.indexed(dirs("pc"), slots);
          }
        }
        break;
      case "READ":
        for (int j = 0; j < n; j++) {
          int[] cells = new int[1 << a];
          for (int i = 0; i < cells.length; i++) {
            cells[i] = dir("mem[" + i + "]", j);
          }
          s[dir("va", j)] = Spec.indexed(dirs("ra"), cells);
          s[dir("vb", j)] = Spec.indexed(dirs("rb"), cells);
        }
        clear(s, "ra");
        break;
      case "SUBTRACT":
        for (int i = 0; i < n; i++) {
          int[] vars = new int[2 * (i + 1)];
          BigInteger[] coefs = new BigInteger[vars.length];
          for (int j = 0; j <= i; j++) {
            vars[2 * j] = dir("vb", j);
            coefs[2 * j] = BigInteger.ONE.shiftLeft(j);
            vars[2 * j + 1] = dir("va", j);
            coefs[2 * j + 1] = BigInteger.ONE.shiftLeft(j).negate();
          }
          s[dir("r", i)] = Spec.bitOf(vars, coefs, 0, i);
        }
        clear(s, "va", "vb");
        break;
      case "WRITE":
        for (int i = 0; i < (1 << a); i++) {
          for (int j = 0; j < n; j++) {
            int cell = dir("mem[" + i + "]", j);
            s[cell] = Spec.select(dirs("rb"), i, dir("r", j), cell);
          }
        }
        clear(s, "rb");
        break;
      case "NEXT_PC":
        for (int t = 0; t < c; t++) {
          int[] vars = new int[t + 1];
          BigInteger[] coefs = new BigInteger[t + 1];
          for (int u = 0; u <= t; u++) {
            vars[u] = dir("pc", u);
            coefs[u] = BigInteger.ONE.shiftLeft(u);
          }
          s[dir("pc1", t)] = Spec.bitOf(vars, coefs, 1, t);
        }
        break;
      case "BRANCH":
        BigInteger[] weights = new BigInteger[n];
        for (int j = 0; j < n; j++) {
          weights[j] = j == n - 1 ? BigInteger.ONE.shiftLeft(j).negate()
              : BigInteger.ONE.shiftLeft(j);
        }
        for (int t = 0; t < c; t++) {
          s[dir("pc", t)] = Spec.atMostZero(dirs("r"), weights, dir("rc", t), dir("pc1", t));
        }
        clear(s, "r", "rc", "pc1");
        break;
      default:
        throw new Rejected("unknown stage role " + role);
    }
    return s;
  }

  private void clear(Spec[] s, String... registers) {
    for (String r : registers) {
      for (int d : dirs(r)) {
        s[d] = Spec.ZERO;
      }
    }
  }

  /** The symbolic state at the start of a pass. */
  static Map<String, String> passStart() {
    Map<String, String> terms = new HashMap<>();
    terms.put("pc", "pc");
    terms.put("mem", "mem");
    for (String r : SCRATCH) {
      terms.put(r, "0");
    }
    return terms;
  }

  /** Applies the lemma of {@code role} to the symbolic state. */
  static void apply(String role, Map<String, String> t) {
    switch (role) {
      case "FETCH":
        t.put("ra", "code[" + t.get("pc") + "].a");
        t.put("rb", "code[" + t.get("pc") + "].b");
        t.put("rc", "code[" + t.get("pc") + "].c");
        break;
      case "READ":
        t.put("va", t.get("mem") + "[" + t.get("ra") + "]");
        t.put("vb", t.get("mem") + "[" + t.get("rb") + "]");
        t.put("ra", "0");
        break;
      case "SUBTRACT":
        t.put("r", "wrap(" + t.get("vb") + " - " + t.get("va") + ")");
        t.put("va", "0");
        t.put("vb", "0");
        break;
      case "WRITE":
        t.put("mem", "store(" + t.get("mem") + ", " + t.get("rb") + ", " + t.get("r") + ")");
        t.put("rb", "0");
        break;
      case "NEXT_PC":
        t.put("pc1", "(" + t.get("pc") + " + 1)");
        break;
      case "BRANCH":
        t.put("pc", "(" + t.get("r") + " <= 0 ? " + t.get("rc") + " : " + t.get("pc1") + ")");
        t.put("r", "0");
        t.put("rc", "0");
        t.put("pc1", "0");
        break;
      default:
        throw new Rejected("unknown stage role " + role);
    }
  }

  /** The reference SUBLEQ step (SPEC §2.3) as a symbolic state. */
  static Map<String, String> referenceStep() {
    Map<String, String> t = passStart();
    String result = "wrap(mem[code[pc].b] - mem[code[pc].a])";
    t.put("mem", "store(mem, code[pc].b, " + result + ")");
    t.put("pc", "(" + result + " <= 0 ? code[pc].c : (pc + 1))");
    return t;
  }
}
