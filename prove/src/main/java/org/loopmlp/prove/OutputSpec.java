package org.loopmlp.prove;

import java.math.BigInteger;
import java.util.function.IntUnaryOperator;

/**
 * What one output direction of a stage must hold, as a function of the stage's input bits
 * (SPEC §9: the reference machine's arithmetic, not the gadget's formula). Over a case (some
 * inputs fixed, the others free bits) a spec either names the exact affine value it requires (one
 * input direction, or a constant) or says which input must be split to determine it.
 *
 * <p>Inputs are state-space indices; a case is a {@link Cube} ({@code assign}, {@code partner}).
 */
abstract class OutputSpec {
  /** The required value over the case, or a split. */
  abstract Expect expect(byte[] assign, int[] partner);

  /** A required value ({@code input >= 0}: that direction; else {@code constant}) or a split. */
  record Expect(int input, long constant, int split) {
    /** The value of an input direction: itself if free, its constant if fixed. */
    static Expect of(int input, byte[] assign) {
      if (assign[input] >= Cube.EQUAL) {
        throw new IllegalStateException("a lemma value names the tied input " + input);
      }
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
      Expect expect(byte[] assign, int[] partner) {
        return Expect.of(input, assign);
      }
    };
  }

  /** The output is 0 (a register the stage clears). */
  static OutputSpec zero() {
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign, int[] partner) {
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
      Expect expect(byte[] assign, int[] partner) {
        int value = 0;
        boolean[] neg = new boolean[1];
        for (int t = addressBits.length - 1; t >= 0; t--) {
          int r = Cube.resolve(assign, partner, addressBits[t], neg);
          if (r >= 0) {
            return Expect.splitOn(r);
          }
          value |= (-1 - r) << t;
        }
        return Expect.of(inputOf.applyAsInt(value), assign);
      }
    };
  }

  /** The output is {@code then} when the address bits hold {@code value}, else {@code orElse}. */
  static OutputSpec select(int[] addressBits, long value, int then, int orElse) {
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign, int[] partner) {
        int free = -1;
        boolean[] neg = new boolean[1];
        for (int t = addressBits.length - 1; t >= 0; t--) {
          int r = Cube.resolve(assign, partner, addressBits[t], neg);
          if (r >= 0) {
            free = free < 0 ? r : free;
          } else if (-1 - r != ((value >>> t) & 1)) {
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
  static OutputSpec bitOf(int[] vars, BigInteger[] coefs, long constant, int t) {
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign, int[] partner) {
        Range e = Range.of(vars, coefs, constant, assign, partner);
        BigInteger lo = e.low().shiftRight(t);
        if (lo.equals(e.high().shiftRight(t))) {
          return Expect.constant(lo.testBit(0) ? 1 : 0);
        }
        return Expect.splitOn(e.widest());
      }
    };
  }

  /** The output equals {@code then} when the signed integer R {@code <= 0}, else {@code orElse}. */
  static OutputSpec ifAtMostZero(int[] vars, BigInteger[] coefs, int then, int orElse) {
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign, int[] partner) {
        Range e = Range.of(vars, coefs, 0, assign, partner);
        if (e.high().signum() <= 0) {
          return Expect.of(then, assign);
        }
        if (e.low().signum() > 0) {
          return Expect.of(orElse, assign);
        }
        return Expect.splitOn(e.widest());
      }
    };
  }

  /** The output is the constant 1. */
  static OutputSpec one() {
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign, int[] partner) {
        return Expect.constant(1);
      }
    };
  }

  /** {@code x_input == 1 ? ifOne : ifZero}; split on the input while it is free. */
  static OutputSpec ifBit(int input, OutputSpec ifOne, OutputSpec ifZero) {
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign, int[] partner) {
        int r = Cube.resolve(assign, partner, input, new boolean[1]);
        return r >= 0 ? Expect.splitOn(r) : (-1 - r == 1 ? ifOne : ifZero).expect(assign, partner);
      }
    };
  }

  /**
   * 1 when every literal holds, else 0; a literal is {@code 2 * input + value}. Determined once a
   * literal is false or all are true; else split on a free one.
   */
  static OutputSpec allOf(int... literals) {
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign, int[] partner) {
        int free = -1;
        boolean[] neg = new boolean[1];
        for (int lit : literals) {
          int r = Cube.resolve(assign, partner, lit >> 1, neg);
          if (r < 0 && -1 - r != (lit & 1)) {
            return Expect.constant(0);
          }
          free = r >= 0 && free < 0 ? r : free;
        }
        return free >= 0 ? Expect.splitOn(free) : Expect.constant(1);
      }
    };
  }

  /** {@code yes} when one of the inputs is 1, {@code no} when all are 0; else split. */
  static OutputSpec ifAny(int[] inputs, OutputSpec yes, OutputSpec no) {
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign, int[] partner) {
        int free = -1;
        boolean[] neg = new boolean[1];
        for (int v : inputs) {
          int r = Cube.resolve(assign, partner, v, neg);
          if (r == -2) {
            return yes.expect(assign, partner);
          }
          free = r >= 0 && free < 0 ? r : free;
        }
        return free >= 0 ? Expect.splitOn(free) : no.expect(assign, partner);
      }
    };
  }

  /**
   * {@code byValue(x)} where x is the unsigned value of the address bits (least significant
   * first; a direction may repeat); split on the highest free bit while one is free.
   */
  static OutputSpec dispatch(int[] addressBits,
      java.util.function.IntFunction<OutputSpec> byValue) {
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign, int[] partner) {
        int value = 0;
        boolean[] neg = new boolean[1];
        for (int t = addressBits.length - 1; t >= 0; t--) {
          int r = Cube.resolve(assign, partner, addressBits[t], neg);
          if (r >= 0) {
            return Expect.splitOn(r);
          }
          value |= (-1 - r) << t;
        }
        return byValue.apply(value).expect(assign, partner);
      }
    };
  }

  /**
   * {@code below} when the unsigned value U of {@code bits} is below {@code threshold}, else 0;
   * determined once U's range over the case is on one side (split on the widest free bit).
   */
  static OutputSpec belowOrZero(int[] bits, long threshold, OutputSpec below) {
    BigInteger[] coefs = new BigInteger[bits.length];
    for (int t = 0; t < bits.length; t++) {
      coefs[t] = BigInteger.ONE.shiftLeft(t);
    }
    BigInteger limit = BigInteger.valueOf(threshold);
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign, int[] partner) {
        Range u = Range.of(bits, coefs, 0, assign, partner);
        if (u.low().compareTo(limit) >= 0) {
          return Expect.constant(0);
        }
        return u.high().compareTo(limit) < 0 ? below.expect(assign, partner)
            : Expect.splitOn(u.widest());
      }
    };
  }

  /**
   * [wrap_N(E) <= 0] as a signed N-bit word, for {@code E = sum coefs[k] x_vars[k]} with |E| <
   * 2^N: wrap_N(E) is negative exactly when bit N-1 of E (floor(E / 2^(N-1)) mod 2) is 1, and 0
   * exactly when E is 0. Determined when E's range stays in one block of 2^(N-1) and is {0} or
   * excludes 0.
   */
  static OutputSpec wrappedAtMostZero(int[] vars, BigInteger[] coefs, int n) {
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign, int[] partner) {
        Range e = Range.of(vars, coefs, 0, assign, partner);
        BigInteger block = e.low().shiftRight(n - 1);
        if (block.equals(e.high().shiftRight(n - 1))) {
          if (block.testBit(0)) {
            return Expect.constant(1);
          }
          if (e.low().signum() > 0 || e.high().signum() < 0) {
            return Expect.constant(0);
          }
          if (e.low().signum() == 0 && e.high().signum() == 0) {
            return Expect.constant(1);
          }
        }
        return Expect.splitOn(e.widest());
      }
    };
  }

  /**
   * The range of {@code constant + sum coefs[k] x_vars[k]} over the case (exact, in big integers:
   * at N = 64 the weights reach 2^63), and its free variable of largest |coefficient| (ties: the
   * later one), -1 when none is free.
   */
  private record Range(BigInteger low, BigInteger high, int widest) {
    static Range of(int[] vars, BigInteger[] coefs, long constant, byte[] assign,
        int[] partner) {
      java.util.TreeMap<Integer, BigInteger> terms = new java.util.TreeMap<>();
      boolean[] neg = new boolean[1];
      BigInteger c = BigInteger.valueOf(constant);
      for (int k = 0; k < vars.length; k++) {
        int r = Cube.resolve(assign, partner, vars[k], neg);
        if (r < 0) {
          c = -1 - r == 1 ? c.add(coefs[k]) : c;
        } else {
          c = neg[0] ? c.add(coefs[k]) : c;
          terms.merge(r, neg[0] ? coefs[k].negate() : coefs[k], BigInteger::add);
        }
      }
      BigInteger lo = c;
      BigInteger hi = c;
      int best = -1;
      BigInteger bestAbs = BigInteger.ONE.negate();
      for (var e : terms.entrySet()) {
        BigInteger w = e.getValue();
        lo = w.signum() < 0 ? lo.add(w) : lo;
        hi = w.signum() > 0 ? hi.add(w) : hi;
        if (w.signum() != 0 && w.abs().compareTo(bestAbs) >= 0) {
          best = e.getKey();
          bestAbs = w.abs();
        }
      }
      return new Range(lo, hi, best);
    }
  }
}
