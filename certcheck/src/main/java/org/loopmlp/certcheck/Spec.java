package org.loopmlp.certcheck;

import java.math.BigInteger;

/**
 * The value one output direction must hold, as a function of the stage's input bits. Over a case
 * (input v free: -1; fixed: 0, 1; tied: 2 if x_v = x_p, 3 if x_v = 1 - x_p, p = partner[v]) it
 * must be determined: {@link #expect} returns the input direction the output must equal ({@code
 * >= 0}), or {@code -2 - b} for the constant b in {0, 1}, and rejects when the case leaves the
 * value open.
 */
record Spec(char kind, int[] vars, BigInteger[] coefs, long constant, int bit, int[] targets, int then,
    int orElse) implements Value {
  static final Spec ZERO = new Spec('0', null, null, 0, 0, null, -1, -1);

  static Spec same(int input) {
    return new Spec('=', null, null, 0, 0, null, input, -1);
  }

  /** Equals {@code targets[x]}, x the unsigned value of the address bits. */
  static Spec indexed(int[] address, int[] targets) {
    return new Spec('[', address, null, 0, 0, targets, -1, -1);
  }

  /** Equals {@code then} when the address bits hold {@code value}, else {@code orElse}. */
  static Spec select(int[] address, long value, int then, int orElse) {
    return new Spec('?', address, null, value, 0, null, then, orElse);
  }

  /** Bit t of {@code E = constant + sum coefs[k] x_vars[k]}: {@code floor(E / 2^t) mod 2}. */
  static Spec bitOf(int[] vars, BigInteger[] coefs, long constant, int t) {
    return new Spec('b', vars, coefs, constant, t, null, -1, -1);
  }

  /** Equals {@code then} when {@code sum coefs[k] x_vars[k] <= 0}, else {@code orElse}. */
  static Spec atMostZero(int[] vars, BigInteger[] coefs, int then, int orElse) {
    return new Spec('<', vars, coefs, 0, 0, null, then, orElse);
  }

  /** Every input direction the value depends on. */
  int[] reads() {
    java.util.stream.IntStream.Builder b = java.util.stream.IntStream.builder();
    java.util.stream.IntStream.of(vars == null ? new int[0] : vars).forEach(b);
    java.util.stream.IntStream.of(targets == null ? new int[0] : targets).forEach(b);
    java.util.stream.IntStream.of(then, orElse).filter(d -> d >= 0).forEach(b);
    return b.build().toArray();
  }

  /** Input v as a free input r >= 0 (x_v = x_r, or 1 - x_r if neg[0]), or -1 - b if constant b. */
  static int resolve(byte[] x, int[] partner, int v, boolean[] neg) {
    neg[0] = false;
    for (; x[v] >= 2; v = partner[v]) {
      neg[0] ^= x[v] == 3;
    }
    return x[v] < 0 ? v : -1 - (neg[0] ? 1 - x[v] : x[v]);
  }

  @Override
  public int expect(byte[] x, int[] partner) {
    boolean[] neg = new boolean[1];
    switch (kind) {
      case '0':
        return -2;
      case '=':
        return input(then, x);
      case '[': {
        int value = 0;
        for (int t = 0; t < vars.length; t++) {
          int r = resolve(x, partner, vars[t], neg);
          if (r >= 0) {
            throw new Rejected("the lemma's value depends on an address bit the case leaves free");
          }
          value |= (-1 - r) << t;
        }
        return input(targets[value], x);
      }
      case '?': {
        boolean all = true;
        for (int t = 0; t < vars.length; t++) {
          int r = resolve(x, partner, vars[t], neg);
          if (r < 0 && -1 - r != ((constant >>> t) & 1)) {
            return input(orElse, x);
          }
          all &= r < 0;
        }
        if (!all) {
          throw new Rejected("the case does not decide whether the address matches " + constant);
        }
        return input(then, x);
      }
      case 'b': {
        BigInteger[] r = range(x, partner);
        BigInteger lo = r[0].shiftRight(bit);
        if (!lo.equals(r[1].shiftRight(bit))) {
          throw new Rejected("the case does not determine bit " + bit + " of the sum (range "
              + r[0] + ".." + r[1] + ")");
        }
        return lo.testBit(0) ? -3 : -2;
      }
      case '<': {
        BigInteger[] r = range(x, partner);
        if (r[1].signum() <= 0) {
          return input(then, x);
        }
        if (r[0].signum() > 0) {
          return input(orElse, x);
        }
        throw new Rejected("the case does not decide r <= 0 (range " + r[0] + ".." + r[1] + ")");
      }
      default:
        throw new AssertionError(kind);
    }
  }

  /** An input direction: itself when free, its constant when fixed. */
  private static int input(int d, byte[] x) {
    if (x[d] >= 2) {
      throw new Rejected("the lemma's value is a tied input; ties are for internal inputs only");
    }
    return x[d] < 0 ? d : -2 - x[d];
  }

  /** The exact range of the sum over the case: ties resolved, equal free inputs merged. */
  BigInteger[] range(byte[] x, int[] partner) {
    java.util.Map<Integer, BigInteger> terms = new java.util.HashMap<>();
    boolean[] neg = new boolean[1];
    BigInteger lo = BigInteger.valueOf(constant);
    for (int k = 0; k < vars.length; k++) {
      int r = resolve(x, partner, vars[k], neg);
      if ((r < 0 && -1 - r == 1) || (r >= 0 && neg[0])) {
        lo = lo.add(coefs[k]);
      }
      if (r >= 0) {
        terms.merge(r, neg[0] ? coefs[k].negate() : coefs[k], BigInteger::add);
      }
    }
    BigInteger hi = lo;
    for (BigInteger w : terms.values()) {
      lo = w.signum() < 0 ? lo.add(w) : lo;
      hi = w.signum() > 0 ? hi.add(w) : hi;
    }
    return new BigInteger[] {lo, hi};
  }
}
