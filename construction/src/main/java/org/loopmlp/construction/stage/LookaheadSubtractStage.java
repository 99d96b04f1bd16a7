package org.loopmlp.construction.stage;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import org.loopmlp.construction.Direction;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.gadget.Affine;
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
 * <p>The arithmetic is {@link Lookahead#subtract}. The largest partial sum of a neuron's dot product is about 3N (r_(N-1) reads N + 1 terms of
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
    LayerPlan.Builder generate = LayerPlan.named("generate");
    LayerPlan.Builder carry = LayerPlan.named("carry");
    Affine[] r = Lookahead.subtract(regs.vb().bits(), regs.va().bits(), carryIn,
        this::generate, this::kill, this::carryTerm, generate, carry);
    LayerPlan.Builder sum = LayerPlan.named("sum");
    for (int i = 0; i < r.length; i++) {
      sum.add(Sum.bit(r[i], regs.r().bit(i)));
    }
    sum.clear(regs.va()).clear(regs.vb());
    return ImmutableList.of(generate.build(), carry.build(), sum.build());
  }
}
