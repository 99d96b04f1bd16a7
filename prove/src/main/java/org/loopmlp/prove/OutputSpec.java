package org.loopmlp.prove;

import java.util.function.IntUnaryOperator;

/**
 * What one output direction of a stage must hold, as a function of the stage's input bits
 * (DESIGN §6: the reference machine's arithmetic, not the gadget's formula). Over a case (some
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
  static OutputSpec bitOf(int[] vars, long[] coefs, long constant, int t) {
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign, int[] partner) {
        Form e = resolved(vars, coefs, constant, assign, partner);
        long lo = Math.floorDiv(e.low(), 1L << t);
        if (lo == Math.floorDiv(e.high(), 1L << t)) {
          return Expect.constant(Math.floorMod(lo, 2));
        }
        return Expect.splitOn(widest(e));
      }
    };
  }

  /** The output equals {@code then} when the signed integer R {@code <= 0}, else {@code orElse}. */
  static OutputSpec ifAtMostZero(int[] vars, long[] coefs, int then, int orElse) {
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign, int[] partner) {
        Form e = resolved(vars, coefs, 0, assign, partner);
        if (e.high() <= 0) {
          return Expect.of(then, assign);
        }
        if (e.low() > 0) {
          return Expect.of(orElse, assign);
        }
        return Expect.splitOn(widest(e));
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

  /** {@code ifAny} over the inputs: {@code yes} when one of them is 1, {@code no} when none. */
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
  static OutputSpec dispatch(int[] addressBits, java.util.function.IntFunction<OutputSpec> byValue) {
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
    long[] coefs = new long[bits.length];
    for (int t = 0; t < bits.length; t++) {
      coefs[t] = 1L << t;
    }
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign, int[] partner) {
        Form u = resolved(bits, coefs, 0, assign, partner);
        if (u.low() >= threshold) {
          return Expect.constant(0);
        }
        return u.high() < threshold ? below.expect(assign, partner) : Expect.splitOn(widest(u));
      }
    };
  }

  /**
   * [wrap_N(E) <= 0] as a signed N-bit word, for {@code E = sum coefs[k] x_vars[k]} with |E| <
   * 2^N: wrap_N(E) is negative exactly when bit N-1 of E (floor(E / 2^(N-1)) mod 2) is 1, and 0
   * exactly when E is 0. Determined when E's range stays in one block of 2^(N-1) and is {0} or
   * excludes 0.
   */
  static OutputSpec wrappedAtMostZero(int[] vars, long[] coefs, int n) {
    return new OutputSpec() {
      @Override
      Expect expect(byte[] assign, int[] partner) {
        Form e = resolved(vars, coefs, 0, assign, partner);
        long half = 1L << (n - 1);
        long block = Math.floorDiv(e.low(), half);
        if (block == Math.floorDiv(e.high(), half)) {
          if (Math.floorMod(block, 2) == 1) {
            return Expect.constant(1);
          }
          if (e.low() > 0 || e.high() < 0) {
            return Expect.constant(0);
          }
          if (e.low() == 0 && e.high() == 0) {
            return Expect.constant(1);
          }
        }
        return Expect.splitOn(widest(e));
      }
    };
  }

  /** {@code constant + sum coefs[k] x_vars[k]} as a form over the case's free inputs. */
  private static Form resolved(int[] vars, long[] coefs, long constant, byte[] assign,
      int[] partner) {
    java.util.TreeMap<Integer, Long> terms = new java.util.TreeMap<>();
    boolean[] neg = new boolean[1];
    long c = constant;
    for (int k = 0; k < vars.length; k++) {
      int r = Cube.resolve(assign, partner, vars[k], neg);
      if (r < 0) {
        c += coefs[k] * (-1 - r);
      } else {
        c += neg[0] ? coefs[k] : 0;
        terms.merge(r, neg[0] ? -coefs[k] : coefs[k], Long::sum);
      }
    }
    terms.values().removeIf(w -> w == 0);
    return new Form(c, terms.keySet().stream().mapToInt(Integer::intValue).toArray(),
        terms.values().stream().mapToLong(Long::longValue).toArray());
  }

  /** The variable with the largest |coefficient| (ties: the later one). */
  private static int widest(Form e) {
    int best = -1;
    long bestAbs = -1;
    for (int k = 0; k < e.vars().length; k++) {
      if (Math.abs(e.coefs()[k]) >= bestAbs) {
        best = e.vars()[k];
        bestAbs = Math.abs(e.coefs()[k]);
      }
    }
    return best;
  }
}
