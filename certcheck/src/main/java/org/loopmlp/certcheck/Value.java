package org.loopmlp.certcheck;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * The lemma language of both machines (SPEC §9.1): the value one output direction must hold
 * after a stage, as a function of the stage's input bits. Over a case (input v free: -1; fixed:
 * 0, 1; tied: 2 if x_v = x_p, 3 if x_v = 1 - x_p, p = partner[v]) it must be determined: {@link
 * #expect} returns the input direction the output must equal ({@code >= 0}), or {@code -2 - b}
 * for the constant b in {0, 1}, and rejects when the case leaves the value open. A literal is
 * {@code 2 * direction + value}.
 */
@FunctionalInterface
interface Value {
  int expect(byte[] x, int[] partner);

  Value ZERO = (x, p) -> -2;
  Value ONE = (x, p) -> -3;

  /** Input d: itself when free, its constant when fixed; never a tied (internal) input. */
  static Value same(int d) {
    return (x, p) -> {
      if (x[d] >= 2) {
        throw new Rejected("the lemma's value is a tied input; ties are for internal inputs only");
      }
      return x[d] < 0 ? d : -2 - x[d];
    };
  }

  /** {@code yes} when every literal holds, {@code no} when one fails; the case must decide it. */
  static Value when(int[] literals, Value yes, Value no) {
    return (x, p) -> {
      boolean all = true;
      for (int lit : literals) {
        int r = resolve(x, p, lit >> 1, new boolean[1]);
        if (r < 0 && -1 - r != (lit & 1)) {
          return no.expect(x, p);
        }
        all &= r < 0;
      }
      if (!all) {
        throw new Rejected("the case does not decide a condition of the lemma");
      }
      return yes.expect(x, p);
    };
  }

  /** {@code yes} when input d is 1, else {@code no}. */
  static Value ifBit(int d, Value yes, Value no) {
    return when(new int[] {2 * d + 1}, yes, no);
  }

  /** 1 when every literal holds, else 0. */
  static Value allOf(int... literals) {
    return when(literals, ONE, ZERO);
  }

  /** The literals "the unsigned value of {@code bits} is {@code value}". */
  static int[] equal(int[] bits, long value) {
    int[] lits = new int[bits.length];
    for (int t = 0; t < bits.length; t++) {
      lits[t] = 2 * bits[t] + (int) ((value >>> t) & 1);
    }
    return lits;
  }

  /** {@code byValue(u)}, u the unsigned value of the address bits; the case must fix them. */
  static Value dispatch(int[] bits, IntFunction<Value> byValue) {
    return (x, p) -> {
      int u = 0;
      for (int t = 0; t < bits.length; t++) {
        int r = resolve(x, p, bits[t], new boolean[1]);
        if (r >= 0) {
          throw new Rejected("the lemma's value depends on an address bit the case leaves free");
        }
        u |= (-1 - r) << t;
      }
      return byValue.apply(u).expect(x, p);
    };
  }

  /**
   * Decided by the exact range [lo, hi] of {@code E = constant + sum coefs[k] x_vars[k]} over the
   * case: {@code decide} gives the value, or null when the range leaves {@code what} open.
   */
  static Value bySum(int[] vars, BigInteger[] coefs, long constant, String what,
      BiFunction<BigInteger, BigInteger, Value> decide) {
    return (x, p) -> {
      Map<Integer, BigInteger> terms = new HashMap<>();
      boolean[] neg = new boolean[1];
      BigInteger lo = BigInteger.valueOf(constant);
      for (int k = 0; k < vars.length; k++) {
        int r = resolve(x, p, vars[k], neg);
        if (r == -2 || (r >= 0 && neg[0])) {
          lo = lo.add(coefs[k]); // a fixed 1, or x_r in 1 - x_r
        }
        if (r >= 0) { // equal free inputs merged
          terms.merge(r, neg[0] ? coefs[k].negate() : coefs[k], BigInteger::add);
        }
      }
      BigInteger hi = lo;
      for (BigInteger w : terms.values()) {
        lo = w.signum() < 0 ? lo.add(w) : lo;
        hi = w.signum() > 0 ? hi.add(w) : hi;
      }
      Value v = decide.apply(lo, hi);
      if (v == null) {
        throw new Rejected("the case does not decide " + what + " (range " + lo + ".." + hi
            + ")");
      }
      return v.expect(x, p);
    };
  }

  /** Bit t of E: {@code floor(E / 2^t) mod 2}. */
  static Value bitOf(int[] vars, BigInteger[] coefs, long constant, int t) {
    return bySum(vars, coefs, constant, "bit " + t + " of a sum", (lo, hi) ->
        !lo.shiftRight(t).equals(hi.shiftRight(t)) ? null : lo.testBit(t) ? ONE : ZERO);
  }

  /** {@code then} when {@code sum coefs[k] x_vars[k] <= 0}, else {@code orElse}. */
  static Value atMostZero(int[] vars, BigInteger[] coefs, Value then, Value orElse) {
    return bySum(vars, coefs, 0, "r <= 0", (lo, hi) -> hi.signum() <= 0 ? then
        : lo.signum() > 0 ? orElse : null);
  }

  /** The weights 2^t of {@code bits} unsigned, the top one negated when {@code signed}. */
  static BigInteger[] powers(int bits, boolean signed) {
    BigInteger[] w = new BigInteger[bits];
    java.util.Arrays.setAll(w, t -> signed && t == bits - 1 ? BigInteger.ONE.shiftLeft(t).negate()
        : BigInteger.ONE.shiftLeft(t));
    return w;
  }

  /** Input v as a free input r >= 0 (x_v = x_r, or 1 - x_r if neg[0]), or -1 - b if constant b. */
  static int resolve(byte[] x, int[] partner, int v, boolean[] neg) {
    neg[0] = false;
    for (; x[v] >= 2; v = partner[v]) {
      neg[0] ^= x[v] == 3;
    }
    return x[v] < 0 ? v : -1 - (neg[0] ? 1 - x[v] : x[v]);
  }
}
