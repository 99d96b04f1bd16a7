package org.loopmlp.certcheck;

/**
 * The value one output direction must hold, as a function of the stage's input bits. Over a case
 * (inputs fixed to 0/1, or free: -1) it must be determined: {@link #expect} returns the input
 * direction the output must equal ({@code >= 0}), or {@code -2 - v} for the constant v in {0, 1},
 * and rejects when the case leaves the value open.
 */
final class Spec {
  static final Spec ZERO = new Spec('0', null, null, 0, 0, null, -1, -1);

  private final char kind;
  private final int[] vars;
  private final long[] coefs;
  private final long constant;
  private final int bit;
  private final int[] targets;
  private final int then;
  private final int orElse;

  private Spec(char kind, int[] vars, long[] coefs, long constant, int bit, int[] targets,
      int then, int orElse) {
    this.kind = kind;
    this.vars = vars;
    this.coefs = coefs;
    this.constant = constant;
    this.bit = bit;
    this.targets = targets;
    this.then = then;
    this.orElse = orElse;
  }

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
  static Spec bitOf(int[] vars, long[] coefs, long constant, int t) {
    return new Spec('b', vars, coefs, constant, t, null, -1, -1);
  }

  /** Equals {@code then} when {@code sum coefs[k] x_vars[k] <= 0}, else {@code orElse}. */
  static Spec atMostZero(int[] vars, long[] coefs, int then, int orElse) {
    return new Spec('<', vars, coefs, 0, 0, null, then, orElse);
  }

  int expect(byte[] x) {
    switch (kind) {
      case '0':
        return -2;
      case '=':
        return input(then, x);
      case '[': {
        int value = 0;
        for (int t = 0; t < vars.length; t++) {
          if (x[vars[t]] < 0) {
            throw new Rejected("the lemma's value depends on an address bit the case leaves free");
          }
          value |= x[vars[t]] << t;
        }
        return input(targets[value], x);
      }
      case '?': {
        boolean all = true;
        for (int t = 0; t < vars.length; t++) {
          if (x[vars[t]] >= 0 && x[vars[t]] != ((constant >>> t) & 1)) {
            return input(orElse, x);
          }
          all &= x[vars[t]] >= 0;
        }
        if (!all) {
          throw new Rejected("the case does not decide whether the address matches " + constant);
        }
        return input(then, x);
      }
      case 'b': {
        long[] r = range(x);
        long lo = Math.floorDiv(r[0], 1L << bit);
        if (lo != Math.floorDiv(r[1], 1L << bit)) {
          throw new Rejected("the case does not determine bit " + bit + " of the sum (range "
              + r[0] + ".." + r[1] + ")");
        }
        return -2 - (int) Math.floorMod(lo, 2L);
      }
      case '<': {
        long[] r = range(x);
        if (r[1] <= 0) {
          return input(then, x);
        }
        if (r[0] > 0) {
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
    return x[d] < 0 ? d : -2 - x[d];
  }

  private long[] range(byte[] x) {
    long lo = constant;
    long hi = constant;
    for (int k = 0; k < vars.length; k++) {
      long w = coefs[k];
      lo = Math.addExact(lo, x[vars[k]] < 0 ? Math.min(0, w) : w * x[vars[k]]);
      hi = Math.addExact(hi, x[vars[k]] < 0 ? Math.max(0, w) : w * x[vars[k]]);
    }
    return new long[] {lo, hi};
  }
}
