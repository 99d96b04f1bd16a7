package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.Neuron;

/**
 * Carry-lookahead addition with weights in {-2, -1, 1, 2} and pre-activations that are small
 * integers (sums of bits, never a weight 2^j), shared by the paper machine's {@code narrow}
 * construction and the classic machine's {@code classic-narrow}. Each method adds its neurons to
 * the layer plans it is given, named by the caller, and returns the result bits as affine forms
 * for the layer after the last one it fills (which may also read the operands, state
 * directions, since every layer copies them).
 *
 * <p>The carry into bit i is an OR of terms of which at most one is 1: the term of bit j < i is
 * 1 when bit j generates a carry and every bit strictly between propagates it; only the highest
 * non-propagating bit below i can have its term at 1, so the sum of the terms is a bit.
 */
public final class Lookahead {
  private Lookahead() {}

  /**
   * {@code y + not x + carryIn} over N bits (least significant first): with {@code carryIn}
   * this is {@code y - x} modulo 2^N. Layer {@code generate}: {@code g_j = ReLU(y_j - x_j)}
   * (generates), {@code k_j = ReLU(x_j - y_j)} (kills), highest bit first; layer {@code carry}:
   * {@code t[i][j] = ReLU(g_j - sum_{j<l<i} (g_l + k_l))} and {@code t[i][cin] = ReLU(1 -
   * sum_{l<i} (g_l + k_l))}. Returns the full-adder bits {@code r_i = y_i + (1 - x_i) + c_i - 2
   * c_(i+1)}, for the layer after {@code carry}.
   */
  public static Affine[] subtract(List<Direction> y, List<Direction> x, boolean carryIn,
      IntFunction<Direction> generateName, IntFunction<Direction> killName,
      BiFunction<Integer, Integer, Direction> termName, LayerPlan.Builder generate,
      LayerPlan.Builder carry) {
    int n = y.size();
    checkArgument(x.size() == n, "operands of %s and %s bits", n, x.size());
    // highest bit first: the prover follows the carry chain from the top
    for (int j = n - 1; j >= 0; j--) {
      generate.add(Neuron.bit(generateName.apply(j),
          Affine.builder().plus(y.get(j), 1).plus(x.get(j), -1).build()));
      generate.add(Neuron.bit(killName.apply(j),
          Affine.builder().plus(x.get(j), 1).plus(y.get(j), -1).build()));
    }
    Affine[] c = new Affine[n + 1];
    c[0] = Affine.constant(carryIn ? 1 : 0);
    for (int i = 1; i <= n; i++) {
      Affine.Builder ci = Affine.builder();
      for (int j = carryIn ? -1 : 0; j < i; j++) {
        Affine.Builder pre = j < 0 ? Affine.builder().plusConstant(1)
            : Affine.builder().plus(generateName.apply(j), 1);
        for (int l = j + 1; l < i; l++) {
          pre.plus(generateName.apply(l), -1).plus(killName.apply(l), -1);
        }
        carry.add(Neuron.bit(termName.apply(i, j), pre.build()));
        ci.plus(termName.apply(i, j), 1);
      }
      c[i] = ci.build();
    }
    Affine[] r = new Affine[n];
    for (int i = 0; i < n; i++) {
      r[i] = Affine.builder().plus(y.get(i), 1).plus(x.get(i), -1).plusConstant(1).plus(c[i])
          .plus(c[i + 1], -2).build();
    }
    return r;
  }

  /**
   * {@code x + k} modulo 2^N for a constant {@code 0 < k < 2^N}, in one layer {@code carry} read
   * from x directly: bit j of x generates a carry when k_j = 1 and x_j = 1, kills it when k_j = 0
   * and x_j = 0, so {@code g_l + k_l} is {@code x_l} or {@code 1 - x_l}; the term {@code t[i][j]
   * = ReLU(x_j - sum_{j<l<i} (k_l ? x_l : 1 - x_l))} for each j < i with k_j = 1. Returns the
   * half-adder bits {@code x_i + k_i + c_i - 2 c_(i+1)} (the carry out of bit N-1 dropped), for
   * the layer after {@code carry}. For k = 1 the single term of c_i is {@code ReLU(sum_{l<i} x_l
   * - (i - 1))}, the AND of the bits below.
   */
  public static Affine[] addConstant(List<Direction> x, long k,
      BiFunction<Integer, Integer, Direction> termName, LayerPlan.Builder carry) {
    int n = x.size();
    checkArgument(k > 0 && (n >= 63 || k < 1L << n), "%s is not a positive %s-bit constant", k,
        n);
    Affine[] c = new Affine[n + 1];
    c[0] = Affine.constant(0);
    for (int i = 1; i <= n; i++) {
      Affine.Builder ci = Affine.builder();
      for (int j = 0; j < i; j++) {
        if (!bit(k, j)) {
          continue;
        }
        Affine.Builder pre = Affine.builder().plus(x.get(j), 1);
        for (int l = j + 1; l < i; l++) {
          if (bit(k, l)) {
            pre.plus(x.get(l), -1);
          } else {
            pre.plus(x.get(l), 1).plusConstant(-1);
          }
        }
        carry.add(Neuron.bit(termName.apply(i, j), pre.build()));
        ci.plus(termName.apply(i, j), 1);
      }
      c[i] = ci.build();
    }
    Affine[] bits = new Affine[n];
    for (int i = 0; i < n; i++) {
      bits[i] = Affine.builder().plus(x.get(i), 1).plusConstant(bit(k, i) ? 1 : 0).plus(c[i])
          .plus(c[i + 1], -2).build();
    }
    return bits;
  }

  private static boolean bit(long k, int j) {
    return j < 63 && ((k >>> j) & 1) == 1;
  }
}
