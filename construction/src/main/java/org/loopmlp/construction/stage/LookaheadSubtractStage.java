package org.loopmlp.construction.stage;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.Neuron;
import org.loopmlp.construction.gadget.Sum;

/**
 * Subtract by carry lookahead, 3 layers, every weight in {-2, -1, 1} and every pre-activation a
 * small integer independent of N (the narrow construction). It adds {@code vb + (not va) + 1}.
 *
 * <ol>
 *   <li>{@code generate}: {@code g_j = ReLU(vb_j - va_j)} (bit j generates a carry: vb_j = 1,
 *       (not va)_j = 1) and {@code k_j = ReLU(va_j - vb_j)} (kills it); bit j propagates the
 *       carry exactly when {@code g_j + k_j = 0}.
 *   <li>{@code carry}: the carry into bit i is an OR of terms of which at most one is 1: {@code
 *       t[i][j] = ReLU(g_j - sum_{j<l<i} (g_l + k_l))} (generated at j, propagated up to i) and
 *       {@code t[i][cin] = ReLU(1 - sum_{l<i} (g_l + k_l))} (the carry-in, propagated). The term
 *       of the highest non-propagating bit below i is the only one that can be 1, so {@code c_i =
 *       sum_j t[i][j]} is a bit; {@code c_0 = 1}.
 *   <li>{@code sum}: the full adder {@code r_i = vb_i + (1 - va_i) + c_i - 2 c_(i+1)}; va and vb
 *       consumed.
 * </ol>
 *
 * <p>The largest partial sum of a neuron's dot product is about 3N (r_(N-1) reads N + 1 terms of
 * c_(N-1) and N + 2 of c_N, the latter with weight -2): 197 at N = 64, within bfloat16's 2^8.
 * A variant without the carry-in computes {@code vb + not va}.
 */
public final class LookaheadSubtractStage extends DeclaredPaperStage {
  private static final LookaheadSubtractStage NARROW =
      new LookaheadSubtractStage("subtract", true);

  private final boolean carryIn;

  private LookaheadSubtractStage(String name, boolean carryIn) {
    super(name, PaperStage.SUBTRACT,
        regs -> ImmutableSet.of(regs.va(), regs.vb()),
        regs -> ImmutableSet.of(regs.va(), regs.vb(), regs.r()));
    this.carryIn = carryIn;
  }

  /** The stage of the narrow construction. */
  public static LookaheadSubtractStage narrow() {
    return NARROW;
  }

  /** A faulty variant that forgets the carry-in: it computes {@code vb + not va}. */
  public static LookaheadSubtractStage withoutCarryIn(String name) {
    return new LookaheadSubtractStage(name, false);
  }

  public Direction generate(int j) {
    return Direction.named(name() + ".g[" + j + "]");
  }

  public Direction kill(int j) {
    return Direction.named(name() + ".k[" + j + "]");
  }

  /** {@code t[i][j]}: the carry into bit i generated at bit j (j = -1: the carry-in). */
  public Direction carryTerm(int i, int j) {
    return Direction.named(name() + ".t[" + i + "][" + (j < 0 ? "cin" : j) + "]");
  }

  @Override
  public ImmutableList<LayerPlan> layers(PaperRegisters regs) {
    int n = regs.config().wordBits();
    LayerPlan.Builder generate = LayerPlan.named("generate");
    // highest bit first: the prover follows the carry chain from the top
    for (int j = n - 1; j >= 0; j--) {
      Direction va = regs.va().bit(j);
      Direction vb = regs.vb().bit(j);
      generate.add(Neuron.bit(generate(j), Affine.builder().plus(vb, 1).plus(va, -1).build()));
      generate.add(Neuron.bit(kill(j), Affine.builder().plus(va, 1).plus(vb, -1).build()));
    }
    LayerPlan.Builder carry = LayerPlan.named("carry");
    Affine[] c = new Affine[n + 1];
    c[0] = Affine.constant(carryIn ? 1 : 0);
    for (int i = 1; i <= n; i++) {
      Affine.Builder ci = Affine.builder();
      for (int j = carryIn ? -1 : 0; j < i; j++) {
        Affine.Builder pre = j < 0 ? Affine.builder().plusConstant(1)
            : Affine.builder().plus(generate(j), 1);
        for (int l = j + 1; l < i; l++) {
          pre.plus(generate(l), -1).plus(kill(l), -1);
        }
        carry.add(Neuron.bit(carryTerm(i, j), pre.build()));
        ci.plus(carryTerm(i, j), 1);
      }
      c[i] = ci.build();
    }
    LayerPlan.Builder sum = LayerPlan.named("sum");
    for (int i = 0; i < n; i++) {
      Affine r = Affine.builder().plus(regs.vb().bit(i), 1).plus(regs.va().bit(i), -1)
          .plusConstant(1).plus(c[i]).plus(c[i + 1], -2).build();
      sum.add(Sum.bit(r, regs.r().bit(i)));
    }
    sum.clear(regs.va()).clear(regs.vb());
    return ImmutableList.of(generate.build(), carry.build(), sum.build());
  }
}
