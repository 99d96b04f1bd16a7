package org.loopmlp.prove;

import java.util.Arrays;

/**
 * An affine form {@code constant + sum coefs[k] * x_{vars[k]}} over the free input bits of a case,
 * vars strictly increasing, no zero coefficient. Its range over the box {0,1}^vars is exactly
 * {@code [constant + sum of negative coefs, constant + sum of positive coefs]}.
 */
record Form(long constant, int[] vars, long[] coefs) {
  static final Form ZERO = new Form(0, new int[0], new long[0]);

  static Form constant(long c) {
    return c == 0 ? ZERO : new Form(c, new int[0], new long[0]);
  }

  static Form variable(int v) {
    return new Form(0, new int[] {v}, new long[] {1});
  }

  long low() {
    long lo = constant;
    for (long c : coefs) {
      lo = Math.addExact(lo, Math.min(0, c));
    }
    return lo;
  }

  long high() {
    long hi = constant;
    for (long c : coefs) {
      hi = Math.addExact(hi, Math.max(0, c));
    }
    return hi;
  }

  boolean sameAs(Form o) {
    return constant == o.constant && Arrays.equals(vars, o.vars) && Arrays.equals(coefs, o.coefs);
  }

  /** The value at the full assignment {@code assign} (every var fixed). */
  long valueAt(byte[] assign) {
    long v = constant;
    for (int k = 0; k < vars.length; k++) {
      v = Math.addExact(v, Math.multiplyExact(coefs[k], assign[vars[k]]));
    }
    return v;
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder().append(constant);
    for (int k = 0; k < vars.length; k++) {
      s.append(coefs[k] < 0 ? " - " : " + ").append(Math.abs(coefs[k])).append("*x")
          .append(vars[k]);
    }
    return s.toString();
  }
}
