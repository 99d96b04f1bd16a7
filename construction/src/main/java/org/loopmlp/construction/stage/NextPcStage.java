package org.loopmlp.construction.stage;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import org.loopmlp.construction.PaperRegisters;
import org.loopmlp.construction.gadget.Affine;
import org.loopmlp.construction.gadget.Sum;
import org.loopmlp.construction.gadget.Threshold;

/**
 * Next pc, 2 layers (SPEC §8.5). With {@code S_t = sum_{s<=t} 2^s pc_s + 1} (so S_t <=
 * 2^(t+1)), bit t of pc + 1 is {@code [S_t >= 2^t] - [S_t >= 2^(t+1)]}; dropping the carry out of
 * bit C-1 is the wrap mod 2^C. L1 {@code steps}: four ReLUs per bit; L2 {@code bits}: {@code
 * pc1.bit[t]}.
 */
public final class NextPcStage extends DeclaredPaperStage {
  private static final NextPcStage PAPER = new NextPcStage("next pc");

  private NextPcStage(String name) {
    super(name, PaperStage.NEXT_PC,
        regs -> ImmutableSet.of(regs.pc()),
        regs -> ImmutableSet.of(regs.pc1()));
  }

  /** The stage of SPEC §8.5. */
  public static NextPcStage paper() {
    return PAPER;
  }

  @Override
  public ImmutableList<LayerPlan> layers(PaperRegisters regs) {
    int c = regs.config().codeBits();
    LayerPlan.Builder steps = LayerPlan.named("steps");
    LayerPlan.Builder bits = LayerPlan.named("bits");
    String prefix = name().replace(' ', '_');
    for (int t = 0; t < c; t++) {
      Affine s = Affine.unsignedValue(regs.pc(), t + 1).plus(1);
      Threshold low = Threshold.atLeast(prefix + ".s[" + t + "].ge1", s, 1L << t);
      Threshold high = Threshold.atLeast(prefix + ".s[" + t + "].ge2", s, 2L << t);
      steps.add(low).add(high);
      bits.add(Sum.bit(low.indicator().minus(high.indicator()), regs.pc1().bit(t)));
    }
    return ImmutableList.of(steps.build(), bits.build());
  }
}
