package org.loopmlp.prove;

/**
 * A case of a stage's input box: each input is free (-1), fixed to 0 or 1, or tied to another
 * input (2: equal to {@code partner[v]}, 3: equal to {@code 1 - x[partner[v]]}). A tie is made
 * only between two free inputs, so following partners ends at a free or fixed input.
 */
final class Cube {
  static final byte FREE = -1;
  static final byte EQUAL = 2;
  static final byte OPPOSITE = 3;

  private Cube() {}

  /**
   * Input v in terms of a free input: returns r >= 0 with {@code x_v = x_r}, or {@code 1 - x_r}
   * when {@code negated[0]} is set on return; or {@code -1 - b} when x_v is the constant b.
   */
  static int resolve(byte[] x, int[] partner, int v, boolean[] negated) {
    boolean neg = false;
    while (x[v] >= EQUAL) {
      neg ^= x[v] == OPPOSITE;
      v = partner[v];
    }
    negated[0] = neg;
    if (x[v] == FREE) {
      return v;
    }
    return -1 - (neg ? 1 - x[v] : x[v]);
  }

  /** Every input fixed: free inputs (and the inputs tied to them) from {@code free}. */
  static byte[] concrete(byte[] x, int[] partner, byte[] free) {
    byte[] c = new byte[x.length];
    boolean[] neg = new boolean[1];
    for (int v = 0; v < x.length; v++) {
      int r = resolve(x, partner, v, neg);
      c[v] = (byte) (r < 0 ? -1 - r : neg[0] ? 1 - free[r] : free[r]);
    }
    return c;
  }
}
