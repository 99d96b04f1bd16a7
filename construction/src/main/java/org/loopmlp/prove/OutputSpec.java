package org.loopmlp.prove;

import java.util.function.IntUnaryOperator;

/**
 * What one output direction of a stage must hold, as a function of the stage's input bits
 * (DESIGN §6: the reference machine's arithmetic, not the gadget's formula). Over a case (some
 * inputs fixed, the others free bits) a spec either names the exact affine value it requires (one
 * input direction, or a constant) or says which input must be split to determine it.
 *
 * <p>Inputs are state-space indices; {@code assign[i]} is 0 or 1 when fixed, -1 when free.
 */
abstract class OutputSpec {
  /** The required value over the case, or a split. */
  abstract Expect expect(byte[] assign);

  /** A required value ({@code input >= 0}: that direction; else {@code constant}) or a split. */
  record Expect(int input, long constant, int split) {
    static Expect of(int input, byte[] assign) {
      return assign[input] < 0 ? new Expect(input, 0, -1) : constant(assign[input]);
    }

    static Expect constant(long c) {
      return new Expect(-1, c, -1);
    }

    static Expect splitOn(int var) {
      return new Expect(-1, 0, var);
    }

    boolean isSplit() {
      return split >= 0;
    }
  }

  /** The output equals input direction {@code input} (a frame direction: itself). */
  static OutputSpec same(int input) {
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign) {
        return Expect.of(input, assign);
      }
    };
  }

  /** The output is 0 (a register the stage clears). */
  static OutputSpec zero() {
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign) {
        return Expect.constant(0);
      }
    };
  }

  /**
   * The output equals direction {@code inputOf(x)} where x is the unsigned value of the address
   * bits (fetch: {@code code[pc].a.bit[t]}; read: {@code mem[ra].bit[j]}).
   */
  static OutputSpec indexed(int[] addressBits, IntUnaryOperator inputOf) {
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign) {
        int value = 0;
        for (int t = addressBits.length - 1; t >= 0; t--) {
          if (assign[addressBits[t]] < 0) {
            return Expect.splitOn(addressBits[t]);
          }
          value |= assign[addressBits[t]] << t;
        }
        return Expect.of(inputOf.applyAsInt(value), assign);
      }
    };
  }

  /** The output equals {@code then} when the address bits hold {@code value}, else {@code orElse}. */
  static OutputSpec select(int[] addressBits, long value, int then, int orElse) {
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign) {
        int free = -1;
        for (int t = addressBits.length - 1; t >= 0; t--) {
          byte x = assign[addressBits[t]];
          if (x < 0) {
            free = free < 0 ? addressBits[t] : free;
          } else if (x != ((value >>> t) & 1)) {
            return Expect.of(orElse, assign);
          }
        }
        return free >= 0 ? Expect.splitOn(free) : Expect.of(then, assign);
      }
    };
  }

  /**
   * The output is bit t of the integer {@code E = constant + sum coefs[k] * vars[k]}, i.e.
   * {@code floor(E / 2^t) mod 2}; determined when E's range over the case holds no multiple of
   * 2^t strictly inside it.
   */
  static OutputSpec bitOf(int[] vars, long[] coefs, long constant, int t) {
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign) {
        long[] range = range(vars, coefs, constant, assign);
        long lo = Math.floorDiv(range[0], 1L << t);
        if (lo == Math.floorDiv(range[1], 1L << t)) {
          return Expect.constant(Math.floorMod(lo, 2));
        }
        return Expect.splitOn(widestFree(vars, coefs, assign));
      }
    };
  }

  /** The output equals {@code then} when the signed integer R {@code <= 0}, else {@code orElse}. */
  static OutputSpec ifAtMostZero(int[] vars, long[] coefs, int then, int orElse) {
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign) {
        long[] range = range(vars, coefs, 0, assign);
        if (range[1] <= 0) {
          return Expect.of(then, assign);
        }
        if (range[0] > 0) {
          return Expect.of(orElse, assign);
        }
        return Expect.splitOn(widestFree(vars, coefs, assign));
      }
    };
  }

  private static long[] range(int[] vars, long[] coefs, long constant, byte[] assign) {
    long lo = constant;
    long hi = constant;
    for (int k = 0; k < vars.length; k++) {
      byte x = assign[vars[k]];
      if (x < 0) {
        lo += Math.min(0, coefs[k]);
        hi += Math.max(0, coefs[k]);
      } else {
        lo += x * coefs[k];
        hi += x * coefs[k];
      }
    }
    return new long[] {lo, hi};
  }

  /** The free variable with the largest |coefficient| (ties: the later one). */
  private static int widestFree(int[] vars, long[] coefs, byte[] assign) {
    int best = -1;
    long bestAbs = -1;
    for (int k = 0; k < vars.length; k++) {
      if (assign[vars[k]] < 0 && Math.abs(coefs[k]) >= bestAbs) {
        best = vars[k];
        bestAbs = Math.abs(coefs[k]);
      }
    }
    return best;
  }
}
