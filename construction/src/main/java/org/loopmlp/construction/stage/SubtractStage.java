package org.loopmlp.construction.stage;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.Sum;
import org.loopmlp.construction.gadget.Threshold;

/**
 * Subtract, 2 layers (SPEC §8.3): {@code r = vb + (not va) + 1}. With {@code S_i = sum_{j<=i}
 * 2^j (vb_j + 1 - va_j) + carryIn}, bit i of r is {@code [S_i >= 2^i] - [S_i >= 2^(i+1)] + [S_i
 * >= 3*2^i]} (S_i < 2^(i+2)). L1 {@code steps}: the six ReLUs per bit, va and vb consumed; L2
 * {@code bits}: their sums. The paper stage has {@code carryIn = 1}.
 */
public final class SubtractStage extends DeclaredPaperStage {
  /**
   * The largest word size of the stages that weigh bit j by 2^j (this one, and the subtraction
   * in {@link FusedStage} and {@link TwoLayerStage}; the paper, compact, fused and shallow
   * constructions): their thresholds reach 3 * 2^(N-1), and past N = 32 their partial sums leave
   * even float64's exact integers. The narrow construction goes to 64.
   */
  public static final int MAX_WORD_BITS = 32;

  private static final SubtractStage PAPER = new SubtractStage("subtract", 1);

  private final long carryIn;

  private SubtractStage(String name, long carryIn) {
    super(name, PaperStage.SUBTRACT,
        regs -> ImmutableSet.of(regs.va(), regs.vb()),
        regs -> ImmutableSet.of(regs.va(), regs.vb(), regs.r()));
    this.carryIn = carryIn;
  }

  /** The stage of SPEC §8.3. */
  public static SubtractStage paper() {
    return PAPER;
  }

  /** A variant with another carry-in (the paper's is 1); e.g. 0 computes vb + not va. */
  public static SubtractStage withCarryIn(String name, long carryIn) {
    return new SubtractStage(name, carryIn);
  }

  /** {@code S_i = sum_{j<=i} 2^j (vb_j + 1 - va_j) + carryIn}. */
  public Affine partialSum(PaperRegisters regs, int i) {
    Affine.Builder b = Affine.builder().plusConstant(carryIn);
    for (int j = 0; j <= i; j++) {
      long w = 1L << j;
      b.plus(regs.vb().bit(j), w).plus(regs.va().bit(j), -w).plusConstant(w);
    }
    return b.build();
  }

  @Override
  public ImmutableList<LayerPlan> layers(PaperRegisters regs) {
    int n = regs.config().wordBits();
    checkArgument(n <= MAX_WORD_BITS, "%s weighs bit j by 2^j: N <= %s, was %s"
        + " (the narrow construction goes to 64)", name(), MAX_WORD_BITS, n);
    LayerPlan.Builder steps = LayerPlan.named("steps");
    LayerPlan.Builder bits = LayerPlan.named("bits");
    for (int i = 0; i < n; i++) {
      Affine s = partialSum(regs, i);
      String prefix = name() + ".s[" + i + "]";
      Threshold low = Threshold.atLeast(prefix + ".ge1", s, 1L << i);
      Threshold mid = Threshold.atLeast(prefix + ".ge2", s, 2L << i);
      Threshold high = Threshold.atLeast(prefix + ".ge3", s, 3L << i);
      steps.add(low).add(mid).add(high);
      Affine bit = Affine.builder().plus(low.indicator()).plus(mid.indicator(), -1)
          .plus(high.indicator()).build();
      bits.add(Sum.bit(bit, regs.r().bit(i)));
    }
    steps.clear(regs.va()).clear(regs.vb());
    return ImmutableList.of(steps.build(), bits.build());
  }
}
