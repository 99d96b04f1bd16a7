package org.loopmlp.certcheck;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One machine's stage lemmas, as the checker states them itself over direction NAMES (SPEC §9.1,
 * §11.2); both machines are instances: {@link PaperLemmas} (certificate version 1) and {@link
 * ClassicLemmas} (version 2). A role's lemma gives, in the {@link Value} language, the value each
 * state direction must hold after the stage as a function of the stage's input (null: keeps its
 * value); the roles of a stage run side by side, each reading the stage's input, and no two change
 * one direction. Each role also rewrites a symbolic state (a term per register, memory one array
 * term), in one or more cases of the pass start; after the last stage the terms must be the
 * machine's step. A register whose term is 0 in every case is a zero input of the stage's split.
 */
abstract class Lemmas {
  private final Map<String, Integer> index = new HashMap<>();
  private final Map<Integer, String> registerOf = new HashMap<>();
  private final Map<String, Integer> width = new HashMap<>();
  private final String name;
  private final boolean inEffectOrder; // the roles of a stage are also listed in effect order

  Lemmas(String name, boolean inEffectOrder) {
    this.name = name;
    this.inEffectOrder = inEffectOrder;
  }

  @Override
  public String toString() {
    return name;
  }

  /** The number of state directions, in closed form (checked before any name is listed). */
  abstract long dimension();

  /** Every state direction name. */
  abstract Set<String> expectedNames();

  /** The lemma of one role: a value per state direction, null where it keeps its value. */
  abstract Value[] role(String role, int dimension);

  /** The forbidden patterns of the roles' preconditions (literals; a leaf {@code x} fixes one). */
  int[][] forbidden(String[] roles) {
    return new int[0][];
  }

  /** The symbolic states at the start of a pass, one per case. */
  abstract List<Map<String, String>> passStarts();

  /** What {@code role} writes into {@code out}, reading the stage's input terms {@code in}. */
  abstract void apply(String role, Map<String, String> in, Map<String, String> out);

  /** Rejects unless every case's terms are the machine's step. */
  abstract void checkStep(List<Map<String, String>> cases);

  /** Binds the lemmas to the network's names, which must be exactly the state directions. */
  void bind(List<String> names) {
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
      String register = names.get(i).substring(0, Math.max(0, names.get(i).lastIndexOf(".bit[")));
      registerOf.put(i, register);
      width.merge(register, 1, Integer::sum);
    }
    // the count first: a config far from the network's is refused before its names are listed
    if (names.size() != dimension() || index.size() != names.size()
        || !index.keySet().equals(expectedNames())) {
      throw new Rejected("the network's direction names are not the state space of " + this);
    }
  }

  static void bits(Set<String> names, String register, int width) {
    for (int t = 0; t < width; t++) {
      names.add(register + ".bit[" + t + "]");
    }
  }

  int dir(String register, int t) {
    Integer d = index.get(register + ".bit[" + t + "]");
    if (d == null) {
      throw new Rejected("the layout has no direction " + register + ".bit[" + t + "]");
    }
    return d;
  }

  /** The directions of every bit of {@code register}, least significant first. */
  int[] dirs(String register) {
    int[] d = new int[width.getOrDefault(register, 0)];
    for (int t = 0; t < d.length; t++) {
      d[t] = dir(register, t);
    }
    return d;
  }

  void clear(Value[] s, String... registers) {
    for (String r : registers) {
      for (int d : dirs(r)) {
        s[d] = Value.ZERO;
      }
    }
  }

  /**
   * The lemma of a stage whose parts play {@code roles} side by side: the union of theirs; no two
   * may change one direction. In effect order (version 1), no role may also read a register an
   * earlier role changes, so that the roles one after the other, in this order, do the same:
   * checked on the symbolic rules, each register a fresh term.
   */
  Value[] specs(String[] roles, int dimension) {
    Value[] union = new Value[dimension];
    for (String role : roles) {
      Value[] s = role(role, dimension);
      for (int d = 0; d < dimension; d++) {
        if (s[d] != null && union[d] != null) {
          throw new Rejected("two roles of " + String.join("+", roles) + " change direction "
              + d);
        }
        union[d] = s[d] != null ? s[d] : union[d];
      }
    }
    if (inEffectOrder) {
      Map<String, String> fresh = new HashMap<>();
      passStarts().get(0).keySet().forEach(r -> fresh.put(r, "<" + r + ">"));
      Map<String, String> inOrder = fresh;
      for (String role : roles) {
        inOrder = apply(new String[] {role}, List.of(inOrder)).get(0);
      }
      Map<String, String> sideBySide = apply(roles, List.of(fresh)).get(0);
      for (String r : fresh.keySet()) {
        if (!inOrder.get(r).equals(sideBySide.get(r))) {
          throw new Rejected("a role of " + String.join("+", roles) + " reads " + r
              + " after an earlier role changes it");
        }
      }
    }
    return union;
  }

  /** The roles' rules, side by side, on every case. */
  List<Map<String, String>> apply(String[] roles, List<Map<String, String>> cases) {
    return cases.stream().map(t -> {
      Map<String, String> o = new HashMap<>(t);
      for (String role : roles) {
        apply(role, t, o);
      }
      return o;
    }).toList();
  }

  /**
   * The stage's input box: -1 (a bit) except registers whose term is 0 in every case (fixed 0);
   * rejects when a case's terms leave a forbidden pattern possible (no literal made false: a term
   * 0 makes every bit 0, -1 every bit 1, and 1 a one-bit register 1).
   */
  byte[] stageStart(List<Map<String, String>> cases, int[][] forbidden) {
    for (Map<String, String> t : cases) {
      for (int[] pattern : forbidden) {
        boolean excluded = false;
        for (int lit : pattern) {
          String register = registerOf.get(lit >> 1);
          String term = term(t, register);
          int v = lit & 1;
          excluded |= "0".equals(term) && v == 1 || "-1".equals(term) && v == 0
              || "1".equals(term) && width.get(register) == 1 && v == 0;
        }
        if (!excluded) {
          throw new Rejected("the stage's precondition may fail: in case " + t.get("?case")
              + " no literal of a forbidden pattern is false");
        }
      }
    }
    byte[] start = new byte[index.size()];
    index.forEach((name, d) -> start[d] = (byte) (cases.stream()
        .allMatch(t -> "0".equals(term(t, registerOf.get(d)))) ? 0 : -1));
    return start;
  }

  /**
   * SUBTRACT's result, for both machines: {@code r := wrap_N(vb - va)}, {@code va, vb := 0}. Bit
   * i of r is bit i of {@code E_i = sum_{j<=i} 2^j (vb_j - va_j)}: E_i is congruent to vb - va
   * modulo 2^(i+1) (the higher bits, and the sign weight -2^(N-1) against +2^(N-1), differ by
   * multiples of 2^(i+1)), and bit i of a number depends only on its residue modulo 2^(i+1).
   * Returns the value {@code decide} gives from the range of E = E_(N-1).
   */
  Value subtract(Value[] s, int n, BiFunction<BigInteger, BigInteger, Value> decide) {
    int[] vars = new int[2 * n];
    BigInteger[] coefs = new BigInteger[2 * n];
    for (int j = 0; j < n; j++) {
      vars[2 * j] = dir("vb", j);
      coefs[2 * j] = BigInteger.ONE.shiftLeft(j);
      vars[2 * j + 1] = dir("va", j);
      coefs[2 * j + 1] = coefs[2 * j].negate();
    }
    for (int i = 0; i < n; i++) {
      s[dir("r", i)] = Value.bitOf(Arrays.copyOf(vars, 2 * i + 2),
          Arrays.copyOf(coefs, 2 * i + 2), 0, i);
    }
    clear(s, "va", "vb");
    return Value.bySum(vars, coefs, 0, "wrap(vb - va) <= 0", decide);
  }

  static void zero(Map<String, String> t, String... registers) {
    for (String r : registers) {
      t.put(r, "0");
    }
  }

  /** Rejects unless every term of {@code want} is the same in {@code got}. */
  static void compare(Map<String, String> want, Map<String, String> got, String what,
      String reference) {
    for (String r : want.keySet()) {
      if (!want.get(r).equals(got.get(r))) {
        throw new Rejected("the stages do not compose into " + what + " " + r + " is "
            + got.get(r) + ", " + reference + " gives " + want.get(r));
      }
    }
  }

  /** The term of a register in a case; a memory word is a read of the memory term. */
  private static String term(Map<String, String> t, String register) {
    return register.startsWith("mem[") ? t.get("mem") + register.substring(3) : t.get(register);
  }
}
